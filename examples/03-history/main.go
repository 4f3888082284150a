// Tutorial 3: follow clauses and topics through several versions.
//
//	go run ./examples/03-history               # us-28 → eu-counter → ua-20, topic armed-forces
//	go run ./examples/03-history territory     # the same versions, another topic
//
// It prints what each step changed, the story of every clause whose meaning
// changed on the way, and how the facts of one topic moved.
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
	"github.com/peacediff/peacediff/peace"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "03-history:", err)
		os.Exit(1)
	}
}

// run traces the bundled us-28, eu-counter and ua-20 on w, and the topic
// named in args (armed-forces by default).
func run(w io.Writer, args []string) error {
	topic := "armed-forces"
	switch len(args) {
	case 0:
	case 1:
		topic = args[0]
	default:
		return errors.New("usage: 03-history [TOPIC]")
	}

	// History takes the versions oldest first. It compares each version
	// with the next and links the matches into threads.
	var versions []*peace.Plan
	for _, id := range []string{"us-28", "eu-counter", "ua-20"} {
		p, err := plans.Load(id)
		if err != nil {
			return err
		}
		versions = append(versions, p)
	}
	l, err := diff.History(versions)
	if err != nil {
		return err
	}

	// Topics trace the facts of the whole plan on one subject, whichever
	// clauses carried them. They are sorted by id.
	i := slices.IndexFunc(l.Topics, func(th diff.TopicHistory) bool { return th.Topic == topic })
	if i < 0 {
		return fmt.Errorf("no clause of these versions is on topic %q", topic)
	}
	th := l.Topics[i]

	// Comparisons hold one Summary per consecutive pair; From and To index
	// into Versions.
	fmt.Fprintln(w, "Steps")
	for _, c := range l.Comparisons {
		fmt.Fprintf(w, "  %-20s %s\n", l.Version(c.From).ID+" → "+l.Version(c.To).ID, counts(c.Summary))
	}

	// A Thread is one clause (or a few, where points were split or merged)
	// followed from version to version. Each Step says where the thread
	// stands in one version and how it got there from the previous one.
	fmt.Fprintln(w, "\nClauses whose meaning changed")
	for _, t := range l.Threads {
		if !changed(t) {
			continue
		}
		var route []string
		for _, s := range t.Steps {
			route = append(route, paths(s.Paths))
		}
		fmt.Fprintf(w, "  %s\n", strings.Join(route, " → "))
		for _, s := range t.Steps {
			if s.Kind == "" { // the thread starts here
				continue
			}
			// Change.String phrases a change for a reader:
			// "600,000 personnel → 800,000 personnel", "+ NATO", "− Crimea".
			var what []string
			for _, c := range s.Changes {
				what = append(what, c.String())
			}
			if s.Moved {
				what = append(what, "(moved)")
			}
			line := fmt.Sprintf("    %-10s %-9s %s", l.Version(s.Version).ID, s.Kind, wrap(what, 25))
			fmt.Fprintln(w, strings.TrimRight(line, " "))
		}
	}

	// Back to the topic: the versions that have a clause on it, then every
	// change of meaning found on it, step by step.
	var in []string
	for _, v := range th.Versions {
		in = append(in, l.Version(v).ID)
	}
	fmt.Fprintf(w, "\nTopic %q (%s), in %s\n", th.Label, th.Topic, strings.Join(in, ", "))
	// Changes found in the same clauses share a line.
	var line []string
	for i, c := range th.Changes {
		change := diff.Change{Kind: c.Kind, Before: c.Before, After: c.After}
		line = append(line, change.String())
		next := i + 1
		if next < len(th.Changes) && th.Changes[next].To == c.To &&
			paths(th.Changes[next].Old) == paths(c.Old) && paths(th.Changes[next].New) == paths(c.New) {
			continue
		}
		fmt.Fprintf(w, "  %-10s %-10s %s\n", l.Version(c.To).ID, paths(c.Old)+" → "+paths(c.New), wrap(line, 24))
		line = nil
	}
	return nil
}

// changed reports whether a step of t changed a fact.
func changed(t diff.Thread) bool {
	for _, s := range t.Steps {
		if len(s.Changes) > 0 {
			return true
		}
	}
	return false
}

// counts lists the non-zero counts of a summary, as in "11 amended · 2 removed".
func counts(s diff.Summary) string {
	var parts []string
	for _, c := range []struct {
		n    int
		kind string
	}{
		{s.Amended, "amended"}, {s.Reworded, "reworded"}, {s.Split, "split"}, {s.Merged, "merged"},
		{s.Added, "added"}, {s.Removed, "removed"}, {s.Unchanged, "unchanged"}, {s.Moved, "moved"},
	} {
		if c.n > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", c.n, c.kind))
		}
	}
	return strings.Join(parts, " · ")
}

// paths joins clause paths with "+", or gives "–" for a version the
// thread is not in.
func paths(p []string) string {
	if len(p) == 0 {
		return "–"
	}
	return strings.Join(p, "+")
}

// wrap joins items with " · ", breaking lines before 90 columns and
// indenting the continuation lines to column indent.
func wrap(items []string, indent int) string {
	var b strings.Builder
	col := indent
	for i, it := range items {
		if i > 0 {
			if col+3+len([]rune(it)) > 90 {
				b.WriteString(" ·\n" + strings.Repeat(" ", indent))
				col = indent
			} else {
				b.WriteString(" · ")
				col += 3
			}
		}
		b.WriteString(it)
		col += len([]rune(it))
	}
	return b.String()
}
