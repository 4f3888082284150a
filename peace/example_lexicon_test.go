package peace_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/peacediff/peacediff/peace"
)

// Extending the default lexicon for another negotiation: a ceasefire
// between two invented states over a valley. The default lexicon still
// reads the numbers, the modal verb, the condition and the general topics.
func ExampleLexicon_Merge() {
	extra, err := peace.LoadLexicon(strings.NewReader(`{
	  "parties": [
	    {"name": "Northland", "aliases": ["Northern", "Nordgrad"]},
	    {"name": "Southmark", "aliases": ["Southmarkian"]}
	  ],
	  "places": [{"name": "Amber Valley", "aliases": ["Amber River valley"]}],
	  "topics": [{"id": "water", "label": "Water rights", "keywords": ["irrigation", "dam", "river"]}],
	  "units": [{"unit": "personnel", "words": ["rangers"]}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	lex := peace.DefaultLexicon()
	lex.Merge(extra)

	f := lex.AnnotateText("Unless Southmark resumes shelling, Nordgrad will withdraw " +
		"its 4,000 rangers from the Amber Valley within ten days and will not rebuild the dam.")
	fmt.Println("parties:   ", f.Parties)
	fmt.Println("places:    ", f.Places)
	fmt.Println("quantities:", f.Quantities[0], "and", f.Quantities[1])
	fmt.Println("modality:  ", f.Modality, "negated:", f.Negated)
	fmt.Println("conditions:", f.Conditions)
	for _, id := range f.Topics {
		fmt.Printf("topic:      %s (%s)\n", id, lex.Topic(id))
	}
	// Output:
	// parties:    [Northland Southmark]
	// places:     [Amber Valley]
	// quantities: 10 days and 4000 personnel
	// modality:   will negated: true
	// conditions: [unless Southmark resumes shelling]
	// topic:      armed-forces (Armed forces)
	// topic:      assets (Assets and reconstruction)
	// topic:      water (Water rights)
}

// Annotating a clause of a plan: the facts of its heading and text,
// in canonical form.
func ExampleLexicon_Annotate() {
	c := &peace.Clause{Label: "6", Text: "The Armed Forces of Ukraine will be capped at 600,000 troops in peacetime."}
	f := peace.DefaultLexicon().Annotate(c)
	fmt.Println(f.Quantities[0], "|", f.Quantities[0].Text)
	fmt.Println(f.Modality, f.Conditions, f.Parties, f.Topics)
	// Output:
	// 600000 personnel | 600,000 troops
	// will [in peacetime] [Ukraine] [armed-forces]
}

// The facts of plain text; "Dnieper" and "Dnipro" name the same river.
func ExampleLexicon_AnnotateText() {
	lex := peace.DefaultLexicon()
	for _, s := range []string{
		"Russia will not prevent Ukraine from using the Dnieper.",
		"Russia agrees to raise no objection to Ukraine's use of the Dnipro River.",
	} {
		f := lex.AnnotateText(s)
		fmt.Println(f.Modality, f.Negated, f.Parties, f.Places)
	}
	// Output:
	// will true [Russia Ukraine] [Dnipro]
	// agrees to true [Russia Ukraine] [Dnipro]
}
