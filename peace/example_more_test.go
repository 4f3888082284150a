package peace_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"strings"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

// The default lexicon knows the parties, places and topics of the
// Russia–Ukraine negotiations. Each call returns a fresh copy, so changing
// one never changes another.
func ExampleDefaultLexicon() {
	lex := peace.DefaultLexicon()
	f := lex.AnnotateText("Russia will withdraw from Kharkiv within 30 days.")
	fmt.Println(f.Parties, f.Places, f.Quantities, f.Modality)
	// Output:
	// [Russia] [Kharkiv] [30 days] will
}

// A lexicon loaded on its own knows only what it lists; unknown keys are
// an error, so a typo cannot silently drop entries.
func ExampleLoadLexicon() {
	lex, err := peace.LoadLexicon(strings.NewReader(`{
	  "parties": [{"name": "Northland"}, {"name": "Southmark"}],
	  "topics": [{"id": "water", "label": "Water rights", "keywords": ["dam", "river"]}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	f := lex.AnnotateText("Northland and Southmark will share the river.")
	fmt.Println(f.Parties, f.Topics)

	_, err = peace.LoadLexicon(strings.NewReader(`{"partys": []}`))
	fmt.Println(err)
	// Output:
	// [Northland Southmark] [water]
	// peace: lexicon: line 1, column 2: unknown key "partys"
}

// Topic turns the topic IDs of [peace.Facts] into labels for readers.
func ExampleLexicon_Topic() {
	lex := peace.DefaultLexicon()
	for _, id := range lex.AnnotateText("Ukraine's armed forces will be capped at 800,000 personnel.").Topics {
		fmt.Println(id, "=", lex.Topic(id))
	}
	fmt.Println(lex.Topic("no-such-topic"))
	// Output:
	// armed-forces = Armed forces
	// no-such-topic
}

// Clause finds a point by its path; a path the plan lacks gives nil.
func ExamplePlan_Clause() {
	p, err := plans.Load("us-28")
	if err != nil {
		log.Fatal(err)
	}
	c := p.Clause("10.a")
	fmt.Println(c.Path(), c.Text)
	fmt.Println(p.Clause("99") == nil)
	// Output:
	// 10.a The United States will be compensated for providing the guarantee.
	// true
}

// Path joins the labels from the top down, lower-cased, whatever the
// decoration printed around them.
func ExampleClause_Path() {
	p, err := peace.Parse(strings.NewReader("Point 4: Security:\n(A) The first sub-point.\n(B) The second.\n"))
	if err != nil {
		log.Fatal(err)
	}
	for c := range p.All() {
		fmt.Printf("%s %q\n", c.Path(), c.Label)
	}
	// Output:
	// 4 "4"
	// 4.a "A"
	// 4.b "B"
}

// All visits a clause and its sub-points, depth first.
func ExampleClause_All() {
	p, err := peace.Parse(strings.NewReader("1. One.\n2. Two:\n   a) first:\n      i) deep;\n   b) second.\n"))
	if err != nil {
		log.Fatal(err)
	}
	for c := range p.Clause("2").All() {
		fmt.Println(c.Path())
	}
	// Output:
	// 2
	// 2.a
	// 2.a.i
	// 2.b
}

// FullText gives the words of a whole point, its sub-points included: what
// a search or a similarity score should read.
func ExampleClause_FullText() {
	p, err := peace.Parse(strings.NewReader("1. Guarantees:\n   a) The guarantee lasts ten years;\n   b) it may be extended.\n"))
	if err != nil {
		log.Fatal(err)
	}
	c := p.Clause("1")
	fmt.Printf("heading %q, text %q\n", c.Heading, c.Text)
	fmt.Println(c.FullText())
	// Output:
	// heading "Guarantees", text ""
	// Guarantees: The guarantee lasts ten years; it may be extended.
}

// A *ParseError carries the position of bad input; errors.As finds it
// through any wrapping.
func ExampleParseError() {
	_, err := peace.Parse(strings.NewReader("1. Fine.\n2. Broken \xff byte.\n"))
	var pe *peace.ParseError
	if errors.As(err, &pe) {
		fmt.Printf("line %d, column %d: %s\n", pe.Line, pe.Col, pe.Msg)
	}
	fmt.Println(err)
	// Output:
	// line 2, column 11: invalid UTF-8 byte 0xff
	// peace: line 2, column 11: invalid UTF-8 byte 0xff
}

// Quantities print in the canonical form diffs compare: no separators,
// the unit after the number, money in its currency code.
func ExampleQuantity_String() {
	f := peace.DefaultLexicon().AnnotateText(
		"$100 billion will be invested, 600,000 troops stay, and elections follow within 100 days.")
	for _, q := range f.Quantities {
		fmt.Println(q, q.IsDuration())
	}
	// Output:
	// 100 days true
	// 600000 personnel false
	// 100000000000 usd false
}

// Len counts the clauses at every level.
func ExamplePlan_Len() {
	p, err := peace.Parse(strings.NewReader("1. One.\n2. Two:\n   a) first;\n   b) second.\n"))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(len(p.Clauses), p.Len())
	// Output:
	// 2 4
}

// A Plan round-trips through encoding/json; decoding links the clause
// paths, so the decoded plan is ready to use.
func ExamplePlan_UnmarshalJSON() {
	p, err := peace.Parse(strings.NewReader("id: draft\n\n1. Guarantees:\n   a) The guarantee lasts ten years.\n"))
	if err != nil {
		log.Fatal(err)
	}
	data, err := json.Marshal(p)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(string(data))

	var back peace.Plan
	if err := json.Unmarshal(data, &back); err != nil {
		log.Fatal(err)
	}
	fmt.Println(back.Clause("1.a").Path(), back.Clause("1.a").Text)
	// Output:
	// {"id":"draft","clauses":[{"label":"1","heading":"Guarantees","text":"","children":[{"label":"a","text":"The guarantee lasts ten years."}]}]}
	// 1.a The guarantee lasts ten years.
}

// A plan built by hand needs Link before paths mean anything; unlabelled
// clauses get their position as label.
func ExamplePlan_Link() {
	p := &peace.Plan{Clauses: []*peace.Clause{
		{Text: "First."},
		{Label: "B", Text: "Second:", Children: []*peace.Clause{{Text: "sub-point."}}},
	}}
	p.Link()
	for c := range p.All() {
		fmt.Println(c.Path(), c.Text)
	}
	// Output:
	// 1 First.
	// b Second:
	// b.1 sub-point.
}
