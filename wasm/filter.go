package wasm

import (
	"slices"
	"strings"

	"github.com/peacediff/peacediff/diff"
)

// A Filter narrows the rows the viewer shows. The zero Filter shows every
// row, nothing collapsed.
type Filter struct {
	Kind        string // a diff.Kind, "moved", or "" for every kind
	Topic       string // a topic id, or "" for every topic
	MeaningOnly bool   // only rows that change the meaning (Row.Meaning)
	Query       string // words the row must contain, case ignored

	// Collapse folds runs of two or more consecutive unchanged rows into
	// one Item, except the runs whose first row is in Expanded, and except
	// while a Query or the unchanged kind is selected.
	Collapse bool
	Expanded map[int]bool
}

// An Item is one entry of the row list: a row, or a folded run of unchanged rows.
type Item struct {
	Row int   // the row, or the first row of the run
	Run []int // the folded rows; nil for a single row
}

// Shows reports whether the filter lets row i through, collapsing aside.
func (p *Page) Shows(i int, f Filter) bool {
	r := &p.Rows[i]
	m := &r.Match
	switch {
	case f.Kind == "moved" && !m.Moved:
		return false
	case f.Kind != "" && f.Kind != "moved" && string(m.Kind) != f.Kind:
		return false
	case f.MeaningOnly && !r.Meaning:
		return false
	case f.Topic != "" && !slices.Contains(m.Topics, f.Topic):
		return false
	}
	if q := strings.TrimSpace(f.Query); q != "" {
		p.fillSearch()
		for _, w := range strings.Fields(strings.ToLower(q)) {
			if !strings.Contains(r.search, w) {
				return false
			}
		}
	}
	return true
}

// Items returns the entries of the row list under f, in row order.
func (p *Page) Items(f Filter) []Item {
	fold := f.Collapse && strings.TrimSpace(f.Query) == "" && f.Kind != string(diff.Unchanged)
	var items []Item
	var run []int
	flush := func() {
		switch {
		case len(run) == 0:
		case len(run) == 1 || f.Expanded[run[0]]:
			for _, i := range run {
				items = append(items, Item{Row: i})
			}
		default:
			items = append(items, Item{Row: run[0], Run: run})
		}
		run = nil
	}
	for i := range p.Rows {
		if !p.Shows(i, f) {
			continue
		}
		if fold && p.Rows[i].Match.Kind == diff.Unchanged {
			run = append(run, i)
			continue
		}
		flush()
		items = append(items, Item{Row: i})
	}
	flush()
	return items
}

// Meaning returns the topic groups under f: each group keeps the rows f
// shows, and groups left empty are dropped.
func (p *Page) Meaning(f Filter) []TopicGroup {
	var out []TopicGroup
	for _, g := range p.Topics {
		kept := TopicGroup{ID: g.ID, Label: g.Label}
		for _, i := range g.Rows {
			if p.Shows(i, f) {
				kept.Rows = append(kept.Rows, i)
			}
		}
		if len(kept.Rows) > 0 {
			out = append(out, kept)
		}
	}
	return out
}

// Marks splits s into the runs that match the words of query (odd
// indexes) and those that do not (even indexes), case ignored, so that the
// viewer can mark search hits. Without a query it returns s alone.
func Marks(s, query string) []string {
	words := strings.Fields(strings.ToLower(query))
	if len(words) == 0 || s == "" {
		return []string{s}
	}
	lower := strings.ToLower(s)
	if len(lower) != len(s) {
		// Lower-casing changed byte lengths (rare scripts): offsets would
		// not line up, so mark nothing rather than cut a character.
		return []string{s}
	}
	var out []string
	start := 0 // end of the last hit
	for i := 0; i < len(s); {
		hit := 0
		for _, w := range words {
			if strings.HasPrefix(lower[i:], w) && len(w) > hit {
				hit = len(w)
			}
		}
		if hit == 0 {
			i++
			continue
		}
		out = append(out, s[start:i], s[i:i+hit])
		i += hit
		start = i
	}
	return append(out, s[start:])
}
