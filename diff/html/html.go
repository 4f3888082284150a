package html

import (
	"bytes"
	_ "embed"
	"fmt"
	"html/template"
	"io"
	"strconv"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/diff/html/style"
)

//go:embed report.tmpl
var reportTemplate string

var page = template.Must(template.New("report").Funcs(template.FuncMap{
	"kindClass": func(k diff.Kind) string { return style.KindClass(string(k)) },
	"srOnly":    func() string { return style.SROnly },
	"before":    func() string { return style.Before },
	"after":     func() string { return style.After },
	"arrow":     func() string { return style.Arrow },
	"del":       func() string { return style.Del },
	"ins":       func() string { return style.Ins },
	"classes":   func() classes { return classNames },
}).Parse(reportTemplate))

// report is what the template reads: a Result or a Lineage, prepared for
// display. Only the writers below fill it.
type report struct {
	Title   string
	CSS     template.CSS
	C       classes
	Result  *resultView
	Lineage *lineageView
}

// classes exposes the class names of package style to the template.
type classes struct {
	Root, Header, Title, Arrow, Summary, Count, Panel, SROnly   string
	Meaning, Topic, TopicLabel, Item, Numbers, Chips, Chip      string
	ChipAdd, ChipRemove, Before, After, Empty                   string
	Rows, Row, Old, New, Num, Text, Del, Ins, Badge, Moved      string
	Timeline, Version, Step, Unchanged, Added, Removed, Amended string
	Expander, Button                                            string
}

var classNames = classes{
	Root: style.Root, Header: style.Header, Title: style.Title, Arrow: style.Arrow,
	Summary: style.Summary, Count: style.Count, Panel: style.Panel, SROnly: style.SROnly,
	Meaning: style.Meaning, Topic: style.Topic, TopicLabel: style.TopicLabel, Item: style.Item,
	Numbers: style.Numbers, Chips: style.Chips, Chip: style.Chip, ChipAdd: style.ChipAdd,
	ChipRemove: style.ChipRemove, Before: style.Before, After: style.After, Empty: style.Empty,
	Rows: style.Rows, Row: style.Row, Old: style.Old, New: style.New, Num: style.Num,
	Text: style.Text, Del: style.Del, Ins: style.Ins, Badge: style.Badge, Moved: style.Moved,
	Timeline: style.Timeline, Version: style.Version, Step: style.Step,
	Unchanged: style.Unchanged, Added: style.Added, Removed: style.Removed, Amended: style.Amended,
	Expander: style.Expander, Button: style.Button,
}

type resultView struct {
	Old, New diff.PlanInfo
	Counts   []count
	Topics   []topicView
	Blocks   []block
}

// A block is one row of the redline, or a fold of unchanged rows that the
// reader opens on demand.
type block struct {
	Row   *rowView
	Fold  []rowView
	Label string // "3 unchanged clauses (12 to 14)"
}

// minFold is the shortest run of unchanged rows that is folded away.
const minFold = 3

// fold groups rows into blocks, folding runs of unchanged rows.
func fold(rows []rowView) []block {
	var out []block
	for i := 0; i < len(rows); {
		j := i
		for j < len(rows) && rows[j].Kind == diff.Unchanged {
			j++
		}
		if j-i >= minFold {
			run := rows[i:j]
			out = append(out, block{Fold: run, Label: fmt.Sprintf("%d unchanged clauses (%s to %s)",
				len(run), run[0].OldNum, run[len(run)-1].OldNum)})
			i = j
			continue
		}
		if j == i {
			j++
		}
		for k := i; k < j; k++ {
			out = append(out, block{Row: &rows[k]})
		}
		i = j
	}
	return out
}

type count struct {
	Text  string
	Class string // the kind class, or "" for the points count
}

type topicView struct {
	Label string
	Items []itemView
}

type itemView struct {
	Anchor  string // id of the row
	Numbers string // "6 → 4"
	Chips   []chip
	Kind    diff.Kind // for a clause added or removed outright: which
	Note    string    // and its first words
}

// A chip is one change of meaning: Before → After, + After or − Before.
type chip struct {
	Kind          string // the change kind, for screen readers ("quantity")
	Before, After string
	Class         string
}

type rowView struct {
	Anchor   string
	Kind     diff.Kind
	KindText string
	Moved    bool
	OldNum   string
	NewNum   string
	Old, New []run
	Chips    []chip
}

// A run is a piece of clause text: plain, deleted or inserted.
type run struct {
	Text string
	Op   diff.Op
}

// Write writes r as a complete HTML page.
func Write(w io.Writer, r *diff.Result) error {
	v := &resultView{Old: r.Old, New: r.New}
	v.Counts = counts(r)
	anchor := func(i int) string { return "m" + strconv.Itoa(i+1) }
	rowOf := map[string]string{} // match key → anchor, for links from the meaning list
	var rows []rowView
	for i, m := range r.Matches {
		rowOf[matchKey(m)] = anchor(i)
		row := rowView{
			Anchor: anchor(i), Kind: m.Kind, KindText: string(m.Kind), Moved: m.Moved,
			OldNum: strings.Join(m.Old, ", "), NewNum: strings.Join(m.New, ", "),
			Chips: chips(r.TopicLabel, digest(m.Changes)),
		}
		for _, e := range m.Edits {
			if e.Op != diff.Insert {
				row.Old = appendRun(row.Old, e)
			}
			if e.Op != diff.Delete {
				row.New = appendRun(row.New, e)
			}
		}
		if m.Kind == diff.Added || m.Kind == diff.Removed {
			// The whole clause is new or gone: the badge says so, and
			// marking every word would only add noise.
			for i := range row.Old {
				row.Old[i].Op = diff.Equal
			}
			for i := range row.New {
				row.New[i].Op = diff.Equal
			}
		}
		rows = append(rows, row)
	}
	v.Blocks = fold(rows)
	for _, g := range r.ByTopic() {
		t := topicView{Label: g.Label}
		for _, m := range g.Matches {
			it := itemView{Anchor: rowOf[matchKey(m)], Numbers: numbers(m), Chips: chips(r.TopicLabel, digest(m.Changes))}
			if len(m.Changes) == 0 {
				it.Kind = m.Kind
				it.Note = firstWords(sideText(m, m.Kind == diff.Removed), 12)
			}
			t.Items = append(t.Items, it)
		}
		v.Topics = append(v.Topics, t)
	}
	title := r.Old.ID + " → " + r.New.ID
	return execute(w, report{Title: title, CSS: template.CSS(style.CSS), C: classNames, Result: v})
}

// appendRun adds an edit to one side of a row. Spaces at the ends of a
// deletion or insertion stay outside its del or ins element, so that the
// strike-through and underline cover words only.
func appendRun(runs []run, e diff.Edit) []run {
	if e.Op == diff.Equal {
		return append(runs, run{Text: e.Text, Op: e.Op})
	}
	core := strings.TrimSpace(e.Text)
	if core == "" {
		return append(runs, run{Text: e.Text, Op: diff.Equal})
	}
	at := strings.Index(e.Text, core)
	if lead := e.Text[:at]; lead != "" {
		runs = append(runs, run{Text: lead, Op: diff.Equal})
	}
	runs = append(runs, run{Text: core, Op: e.Op})
	if trail := e.Text[at+len(core):]; trail != "" {
		runs = append(runs, run{Text: trail, Op: diff.Equal})
	}
	return runs
}

func execute(w io.Writer, data report) error {
	var b bytes.Buffer
	if err := page.Execute(&b, data); err != nil {
		return fmt.Errorf("html: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("html: writing report: %w", err)
	}
	return nil
}

// counts splits the summary line into its items, each with its kind class.
func counts(r *diff.Result) []count {
	out := []count{{Text: fmt.Sprintf("%d → %d points", r.Old.Clauses, r.New.Clauses)}}
	s := r.Summary
	for _, c := range []struct {
		n    int
		kind string
	}{
		{s.Amended, "amended"}, {s.Reworded, "reworded"}, {s.Merged, "merged"}, {s.Split, "split"},
		{s.Removed, "removed"}, {s.Added, "added"}, {s.Unchanged, "unchanged"}, {s.Moved, "moved"},
	} {
		if c.n > 0 {
			out = append(out, count{Text: strconv.Itoa(c.n) + " " + c.kind, Class: style.KindClass(c.kind)})
		}
	}
	return out
}

// digest leaves out the changes of topic when a match has other changes:
// they follow from the facts that did change and tell a reader little.
// The text writers of package diff make the same choice.
func digest(cs []diff.Change) []diff.Change {
	var facts []diff.Change
	for _, c := range cs {
		if c.Kind != diff.TopicAdded && c.Kind != diff.TopicRemoved {
			facts = append(facts, c)
		}
	}
	if len(facts) == 0 {
		return cs
	}
	return facts
}

// chips prepares changes for display, naming topics with label.
func chips(label func(id string) string, cs []diff.Change) []chip {
	var out []chip
	for _, c := range cs {
		ch := chip{Kind: strings.ReplaceAll(string(c.Kind), "-", " "), Class: style.Chip}
		ch.Before, ch.After = c.SidesWith(label)
		switch {
		case ch.Before == "":
			ch.Class += " " + style.ChipAdd
		case ch.After == "":
			ch.Class += " " + style.ChipRemove
		}
		out = append(out, ch)
	}
	return out
}

func matchKey(m diff.Match) string {
	return strings.Join(m.Old, ",") + "|" + strings.Join(m.New, ",")
}

// numbers writes the clause numbers of a match: "6 → 4", "– → 10".
func numbers(m diff.Match) string {
	side := func(ps []string) string {
		if len(ps) == 0 {
			return "–"
		}
		return strings.Join(ps, ", ")
	}
	return side(m.Old) + " → " + side(m.New)
}

// sideText returns the old or the new text of a match from its edits.
func sideText(m diff.Match, old bool) string {
	var b strings.Builder
	for _, e := range m.Edits {
		if e.Op == diff.Equal || (old && e.Op == diff.Delete) || (!old && e.Op == diff.Insert) {
			b.WriteString(e.Text)
		}
	}
	return b.String()
}

// firstWords returns the first n words of s, with an ellipsis if it had more.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) <= n {
		return strings.Join(f, " ")
	}
	return strings.Join(f[:n], " ") + "…"
}
