// Tutorial 6: bring your own lexicon for another negotiation.
//
//	go run ./examples/06-lexicon            # the default lexicon merged with ours
//	go run ./examples/06-lexicon -replace   # our lexicon alone
//
// The plans compared here are invented: a ceasefire between two fictional
// states, Northland and Southmark, over the Amber Valley and the Greywater
// River. The default lexicon knows the vocabulary of peace agreements but
// none of these names; lexicon.json in this folder adds them.
package main

import (
	"bytes"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/peace"
)

// The two versions and the lexicon live next to this file and are compiled
// into the program, so it runs from any folder.
var (
	//go:embed northland-draft.txt
	draft []byte
	//go:embed southmark-counter.txt
	counter []byte
	//go:embed lexicon.json
	lexiconJSON []byte
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "06-lexicon:", err)
		os.Exit(1)
	}
}

// run compares the two versions, first with the default lexicon and then
// with ours, and writes the changes of meaning to w.
func run(w io.Writer, args []string) error {
	flags := flag.NewFlagSet("06-lexicon", flag.ContinueOnError)
	flags.SetOutput(w)
	replace := flags.Bool("replace", false, "use our lexicon alone instead of merging it into the default")
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil // -h: the flags were printed to w
	} else if err != nil {
		return err
	}

	old, err := peace.Parse(bytes.NewReader(draft))
	if err != nil {
		return err
	}
	new, err := peace.Parse(bytes.NewReader(counter))
	if err != nil {
		return err
	}

	// LoadLexicon reads the JSON format documented at peace.Lexicon. It
	// rejects unknown keys, so a misspelt "plcaes" is an error, not a
	// silently empty list.
	ours, err := peace.LoadLexicon(bytes.NewReader(lexiconJSON))
	if err != nil {
		return err
	}

	// Merging keeps everything the default lexicon knows (units, modal
	// verbs, conditions, the topic taxonomy) and adds our names. An entry
	// with an id the default has, such as the topic "economy", gains our
	// keywords. With -replace, ours is all there is: it has no modal verbs,
	// no conditions and only one unit, so "30 days" is only a count of
	// something called days (no duration: "30 days" and "one month" could
	// not be compared) and "will → must" goes unnoticed.
	lex := ours
	if !*replace {
		lex = peace.DefaultLexicon()
		lex.Merge(ours)
	}

	// For contrast, the same comparison with the default lexicon: it sees
	// the numbers and the modal verbs, but no party or place of this
	// negotiation.
	before, err := diff.Compare(old, new)
	if err != nil {
		return err
	}
	// WithLexicon makes Compare read facts with our lexicon.
	after, err := diff.Compare(old, new, diff.WithLexicon(lex))
	if err != nil {
		return err
	}

	fmt.Fprintf(w, "%s → %s\n", after.Old.Title, after.New.Title)
	fmt.Fprintf(w, "%s\n\n", after.SummaryLine())
	fmt.Fprintf(w, "changes of meaning found: %d with the default lexicon, %d with ours", count(before), count(after))
	if *replace {
		fmt.Fprint(w, " alone")
	}
	fmt.Fprint(w, "\n\n")

	// ByTopic groups the changes the way a reader scans them, under the
	// labels of the lexicon the comparison was made with: the Result keeps
	// them in its topic table ("water" is "Water sharing"). Phrase names a
	// topic gained or lost the same way.
	for _, g := range after.ByTopic() {
		fmt.Fprintln(w, g.Label) // "Other" for changes with no topic
		for _, m := range g.Matches {
			var what []string
			for _, c := range m.Changes {
				what = append(what, c.Phrase(after.TopicLabel))
			}
			if len(what) == 0 { // added or removed outright
				what = append(what, string(m.Kind))
			}
			fmt.Fprintf(w, "  %-8s %s\n", paths(m.Old)+" → "+paths(m.New), strings.Join(what, " · "))
		}
	}
	return nil
}

// count returns the number of changes of meaning in r.
func count(r *diff.Result) int {
	n := 0
	for _, m := range r.Matches {
		n += len(m.Changes)
	}
	return n
}

// paths joins clause paths with "+", or gives "–" for a side with none.
func paths(p []string) string {
	if len(p) == 0 {
		return "–"
	}
	return strings.Join(p, "+")
}
