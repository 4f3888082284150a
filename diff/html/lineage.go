package html

import (
	"fmt"
	"html/template"
	"io"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/diff/html/style"
)

type lineageView struct {
	Versions []diff.PlanInfo
	Timeline []timelineItem
	Topics   []topicHistoryView
	Legend   string
	Threads  [][]string
}

// A timelineItem is a version, or a step between two versions.
type timelineItem struct {
	Step bool
	ID   string
	Text string
}

type topicHistoryView struct {
	Label string
	In    string // the ids of the versions that touch the topic
	Rows  []topicRowView
}

type topicRowView struct {
	Pair    string // "us-28 → eu-24"
	Numbers string // "6 → 6"
	Chips   []chip
}

// WriteLineage writes l as a complete HTML page: the versions in a
// timeline with the counts of each comparison, every topic with how its
// facts moved, and a table of clause threads with a column per version.
func WriteLineage(w io.Writer, l *diff.Lineage) error {
	v := &lineageView{Versions: l.Versions, Legend: legend}
	for i, p := range l.Versions {
		if i > 0 && i-1 < len(l.Comparisons) {
			c := l.Comparisons[i-1]
			r := diff.Result{Old: l.Version(c.From), New: l.Version(c.To), Summary: c.Summary}
			v.Timeline = append(v.Timeline, timelineItem{Step: true, Text: r.SummaryLine()})
		}
		text := fmt.Sprintf("%d points", p.Clauses)
		if p.Date != "" {
			text = p.Date + " · " + text
		}
		v.Timeline = append(v.Timeline, timelineItem{ID: p.ID, Text: text})
	}
	for _, h := range l.Topics {
		t := topicHistoryView{Label: h.Label}
		var ids []string
		for _, i := range h.Versions {
			ids = append(ids, l.Version(i).ID)
		}
		t.In = strings.Join(ids, ", ")
		for _, c := range h.Changes {
			pair := l.Version(c.From).ID + " → " + l.Version(c.To).ID
			nums := numbers(diff.Match{Old: c.Old, New: c.New})
			ch := chips(l.TopicLabel, []diff.Change{{Kind: c.Kind, Before: c.Before, After: c.After}})
			if n := len(t.Rows); n > 0 && t.Rows[n-1].Pair == pair && t.Rows[n-1].Numbers == nums {
				t.Rows[n-1].Chips = append(t.Rows[n-1].Chips, ch...)
				continue
			}
			t.Rows = append(t.Rows, topicRowView{Pair: pair, Numbers: nums, Chips: ch})
		}
		v.Topics = append(v.Topics, t)
	}
	for _, th := range l.Threads {
		v.Threads = append(v.Threads, cells(th, len(l.Versions)))
	}
	title := fmt.Sprintf("History of %d versions", len(l.Versions))
	return execute(w, report{Title: title, CSS: template.CSS(style.CSS), C: classNames, Lineage: v})
}

// legend explains the marks of cells.
const legend = "= unchanged · ~ reworded · * amended · < split · > merged · + added · × removed · ^ moved"

// cells returns a table cell per version for one thread: the clause paths
// and a mark for how they came from the previous version.
func cells(th diff.Thread, versions int) []string {
	marks := map[diff.Kind]string{
		diff.Unchanged: "=", diff.Reworded: "~", diff.Amended: "*", diff.Split: "<",
		diff.Merged: ">", diff.Added: "+", diff.Removed: "×",
	}
	out := make([]string, versions)
	for _, s := range th.Steps {
		if s.Version < 0 || s.Version >= versions {
			continue
		}
		mark := marks[s.Kind]
		if s.Moved {
			mark += "^"
		}
		out[s.Version] = strings.TrimSpace(strings.Join(s.Paths, ", ") + " " + mark)
	}
	return out
}
