// Tutorial 1: parse a plan and read the facts of each clause.
//
//	go run ./examples/01-parse             # the bundled us-28 draft
//	go run ./examples/01-parse ua-20       # any bundled plan: us-28, eu-24, eu-counter, ua-20
//	go run ./examples/01-parse us-28 6 10  # only points 6 and 10 (with their sub-points)
//
// It prints the plan's header, then every clause with its path and the
// facts the default lexicon reads in it: quantities, the modal verb,
// negation, conditions, parties, places and topics.
package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "01-parse:", err)
		os.Exit(1)
	}
}

// run parses the bundled plan named by args[0] (us-28 by default) and
// outlines it on w; any further args pick the points to show.
func run(w io.Writer, args []string) error {
	id := "us-28"
	if len(args) > 0 {
		id, args = args[0], args[1:]
	}

	// A plan is plain text: a few "key: value" header lines, a blank line,
	// then numbered points. plans.Text returns the text of a bundled plan.
	text, err := plans.Text(id)
	if err != nil {
		return err
	}

	// peace.Parse turns the text into a *peace.Plan: header fields and a
	// tree of clauses. (plans.Load(id) does both steps in one call.)
	plan, err := peace.Parse(bytes.NewReader(text))
	if err != nil {
		return err
	}
	fmt.Fprintf(w, "%s\n", plan.Title)
	fmt.Fprintf(w, "id %s · dated %s · %d points, %d clauses counting sub-points\n\n",
		plan.ID, plan.Date, len(plan.Clauses), plan.Len())

	// The lexicon knows the words that carry meaning: party and place
	// names, units, modal verbs, topic keywords. Annotate reads the facts
	// of one clause (its own text, not its sub-points').
	lex := peace.DefaultLexicon()

	shown := 0
	// Plan.All visits every clause depth first: 1, 2, ..., 10, 10.a, 10.b ...
	for c := range plan.All() {
		// Path joins the labels from the top: "10.b" is sub-point b of 10.
		top, _, _ := strings.Cut(c.Path(), ".")
		if len(args) > 0 && !slices.Contains(args, top) {
			continue
		}
		shown++
		depth := strings.Count(c.Path(), ".")
		indent := strings.Repeat("  ", depth)
		fmt.Fprintf(w, "%s%-*s %s\n", indent, 6-2*depth, c.Path(), shorten(c.Heading+" "+c.Text, 70))
		for _, line := range describe(lex, lex.Annotate(c)) {
			fmt.Fprintf(w, "       %s%s\n", indent, line)
		}
	}
	if shown == 0 {
		return fmt.Errorf("%s has no point %s", id, strings.Join(args, " or "))
	}
	return nil
}

// describe turns facts into short "kind: values" lines, leaving out the
// kinds the clause has none of.
func describe(lex *peace.Lexicon, f peace.Facts) []string {
	var lines []string
	add := func(kind string, values ...string) {
		if len(values) > 0 && values[0] != "" {
			lines = append(lines, kind+": "+strings.Join(values, ", "))
		}
	}
	// A Quantity prints in canonical form: "600000 personnel", "10 years".
	var qs []string
	for _, q := range f.Quantities {
		qs = append(qs, q.String())
	}
	add("quantities", qs...)
	add("deadlines", f.Deadlines...)
	add("modal", f.Modality)
	if f.Negated {
		add("negated", "yes")
	}
	add("conditions", f.Conditions...)
	add("parties", f.Parties...)
	add("places", f.Places...)
	// Topics are ids such as "armed-forces"; Topic gives the label.
	var topics []string
	for _, t := range f.Topics {
		topics = append(topics, lex.Topic(t))
	}
	add("topics", topics...)
	return lines
}

// shorten cuts s to at most n characters at a word boundary.
func shorten(s string, n int) string {
	s = strings.TrimSpace(s)
	if len([]rune(s)) <= n {
		return s
	}
	cut := string([]rune(s)[:n-1])
	if i := strings.LastIndexByte(cut, ' '); i > 0 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, ",;:") + "…"
}
