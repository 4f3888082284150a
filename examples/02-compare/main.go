// Tutorial 2: compare two versions of a plan and list the changes of meaning.
//
//	go run ./examples/02-compare                   # us-28 against ua-20
//	go run ./examples/02-compare us-28 eu-counter  # any two bundled plans, oldest first
//
// It prints the one-line summary, every change of meaning clause by clause,
// and the word-level redline of the first clause whose numbers changed.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "02-compare:", err)
		os.Exit(1)
	}
}

// run compares the bundled plans named in args (us-28 and ua-20 by
// default) and writes the changes of meaning to w.
func run(w io.Writer, args []string) error {
	oldID, newID := "us-28", "ua-20"
	switch len(args) {
	case 0:
	case 2:
		oldID, newID = args[0], args[1]
	default:
		return errors.New("usage: 02-compare [OLD-ID NEW-ID]")
	}
	old, err := plans.Load(oldID)
	if err != nil {
		return err
	}
	new, err := plans.Load(newID)
	if err != nil {
		return err
	}

	// Compare aligns the clauses of both versions (following renumbering,
	// moves, splits and merges) and compares the facts of each aligned pair.
	r, err := diff.Compare(old, new)
	if err != nil {
		return err
	}

	// SummaryLine counts the matches by kind.
	fmt.Fprintf(w, "%s → %s: %s\n\n", r.Old.ID, r.New.ID, r.SummaryLine())

	// Every clause of both plans is in exactly one Match. Its Kind says what
	// happened: unchanged, reworded (new words, same meaning), amended (a
	// change of meaning), split, merged, added or removed. Old and New hold
	// the clause paths on each side.
	fmt.Fprintln(w, "Changes of meaning")
	var example *diff.Match
	for i, m := range r.Matches {
		if len(m.Changes) == 0 {
			continue
		}
		if example == nil && slices.ContainsFunc(m.Changes, isQuantity) {
			example = &r.Matches[i]
		}
		where := paths(m.Old) + " → " + paths(m.New)
		// Each Change is one fact that differs, in canonical form:
		// numbers without separators plus a unit, modal words, names as
		// the lexicon spells them. The side that lacks the fact is "".
		for _, c := range m.Changes {
			fmt.Fprintf(w, "  %-12s %-17s %s\n", where, c.Kind, sides(c))
			where = ""
		}
	}

	// Clauses dropped or added outright carry no Changes; count them.
	fmt.Fprintf(w, "\n%d clauses added, %d removed, %d reworded without a change of meaning\n",
		r.Summary.Added, r.Summary.Removed, r.Summary.Reworded)

	// Edits are the word-level redline of a match: equal, delete and insert
	// runs that rebuild the old text (equal + delete) or the new (equal + insert).
	if example != nil {
		fmt.Fprintf(w, "\nRedline of %s → %s\n  ", paths(example.Old), paths(example.New))
		for _, e := range example.Edits {
			switch e.Op {
			case diff.Delete:
				fmt.Fprintf(w, "[-%s-]", e.Text)
			case diff.Insert:
				fmt.Fprintf(w, "{+%s+}", e.Text)
			default:
				fmt.Fprint(w, e.Text)
			}
		}
		fmt.Fprintln(w)
	}
	return nil
}

// paths joins clause paths with "+", or gives "–" for a side with none.
func paths(p []string) string {
	if len(p) == 0 {
		return "–"
	}
	return strings.Join(p, "+")
}

// sides shows a change as "before → after", "+ after" or "− before".
func sides(c diff.Change) string {
	switch {
	case c.Before == "":
		return "+ " + c.After
	case c.After == "":
		return "− " + c.Before
	}
	return c.Before + " → " + c.After
}

func isQuantity(c diff.Change) bool { return c.Kind == diff.QuantityChange }
