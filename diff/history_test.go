package diff

import (
	"bytes"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

// plan builds a linked plan with the given top-level labels; a label may
// carry sub-point labels after a colon: "3:a,b".
func plan(id string, labels ...string) *peace.Plan {
	p := &peace.Plan{ID: id}
	for _, l := range labels {
		c := &peace.Clause{Label: l, Text: "clause " + l}
		if i := bytes.IndexByte([]byte(l), ':'); i >= 0 {
			c.Label = l[:i]
			for _, k := range bytes.Split([]byte(l[i+1:]), []byte(",")) {
				c.Children = append(c.Children, &peace.Clause{Label: string(k), Text: "sub-point " + string(k)})
			}
		}
		p.Clauses = append(p.Clauses, c)
	}
	p.Link()
	return p
}

func TestLineage(t *testing.T) {
	v0 := plan("v0", "1", "2", "3:a,b", "4:a")
	v1 := plan("v1", "1", "2", "3", "4:a", "5:x")
	v2 := plan("v2", "1", "2", "5:x")
	quantity := Change{Kind: QuantityChange, Before: "600000 personnel", After: "800000 personnel"}
	results := []*Result{
		{
			Old: PlanInfo{ID: "v0", Clauses: 3}, New: PlanInfo{ID: "v1", Clauses: 3},
			Matches: []Match{
				{Kind: Unchanged, Old: []string{"1"}, New: []string{"1"}},
				{Kind: Split, Old: []string{"2"}, New: []string{"2", "3"}, Topics: []string{"armed-forces"}, Changes: []Change{quantity}},
				{Kind: Removed, Old: []string{"3"}, New: []string{}, Topics: []string{"territory"}},
				{Kind: Reworded, Old: []string{"4"}, New: []string{"4"}},
				{Kind: Unchanged, Old: []string{"4.a"}, New: []string{"4.a"}},
				{Kind: Added, Old: []string{}, New: []string{"5"}},
			},
			Summary: Summary{Unchanged: 2, Split: 1, Removed: 1, Reworded: 1, Added: 1},
		},
		{
			Old: PlanInfo{ID: "v1", Clauses: 3}, New: PlanInfo{ID: "v2", Clauses: 2},
			Matches: []Match{
				{Kind: Added, Old: []string{}, New: []string{"1"}, Topics: []string{"elections"}},
				{Kind: Removed, Old: []string{"1"}, New: []string{}},
				{Kind: Merged, Old: []string{"2", "3"}, New: []string{"2"}, Moved: true, Topics: []string{"armed-forces"},
					Changes: []Change{{Kind: TopicAdded, After: "elections"}}},
				{Kind: Removed, Old: []string{"4"}, New: []string{}},
				{Kind: Unchanged, Old: []string{"5"}, New: []string{"5"}},
				{Kind: Unchanged, Old: []string{"5.x"}, New: []string{"5.x"}},
			},
			Summary: Summary{Added: 1, Removed: 2, Merged: 1, Moved: 1, Unchanged: 2},
		},
	}
	got, err := lineage([]*peace.Plan{v0, v1, v2}, results)
	if err != nil {
		t.Fatal(err)
	}
	want := &Lineage{
		Versions: []PlanInfo{{ID: "v0", Clauses: 3}, {ID: "v1", Clauses: 3}, {ID: "v2", Clauses: 2}},

		Comparisons: []Comparison{
			{From: 0, To: 1, Summary: results[0].Summary},
			{From: 1, To: 2, Summary: results[1].Summary},
		},
		Threads: []Thread{
			{Topics: []string{}, Steps: []Step{ // reason: unchanged, then dropped
				{Version: 0, Paths: []string{"1"}},
				{Version: 1, Paths: []string{"1"}, Kind: Unchanged},
				{Version: 2, Paths: []string{}, Kind: Removed},
			}},
			{Topics: []string{"armed-forces"}, Steps: []Step{ // reason: split, then merged back
				{Version: 0, Paths: []string{"2"}},
				{Version: 1, Paths: []string{"2", "3"}, Kind: Split, Changes: []Change{quantity}},
				{Version: 2, Paths: []string{"2"}, Kind: Merged, Moved: true, Changes: []Change{{Kind: TopicAdded, After: "elections"}}},
			}},
			{Topics: []string{"territory"}, Steps: []Step{ // reason: a point with sub-points dropped whole
				{Version: 0, Paths: []string{"3"}},
				{Version: 1, Paths: []string{}, Kind: Removed},
			}},
			{Topics: []string{}, Steps: []Step{ // reason: reworded, then dropped
				{Version: 0, Paths: []string{"4"}},
				{Version: 1, Paths: []string{"4"}, Kind: Reworded},
				{Version: 2, Paths: []string{}, Kind: Removed},
			}},
			{Topics: []string{}, Steps: []Step{ // reason: a sub-point matched on its own, then dropped with its point
				{Version: 0, Paths: []string{"4.a"}},
				{Version: 1, Paths: []string{"4.a"}, Kind: Unchanged},
				{Version: 2, Paths: []string{}, Kind: Removed},
			}},
			{Topics: []string{}, Steps: []Step{ // reason: a point added whole, then kept
				{Version: 1, Paths: []string{"5"}, Kind: Added},
				{Version: 2, Paths: []string{"5"}, Kind: Unchanged},
			}},
			{Topics: []string{}, Steps: []Step{ // reason: a sub-point added with its point
				{Version: 1, Paths: []string{"5.x"}, Kind: Added},
				{Version: 2, Paths: []string{"5.x"}, Kind: Unchanged},
			}},
			{Topics: []string{"elections"}, Steps: []Step{ // reason: new in the last version
				{Version: 2, Paths: []string{"1"}, Kind: Added},
			}},
		},
		Topics: []TopicHistory{
			{Topic: "armed-forces", Label: (*Result)(nil).TopicLabel("armed-forces"), Versions: []int{0, 1, 2}, Changes: []TopicChange{
				{From: 0, To: 1, Old: []string{"2"}, New: []string{"2", "3"}, Kind: QuantityChange, Before: "600000 personnel", After: "800000 personnel"},
			}},
			{Topic: "elections", Label: (*Result)(nil).TopicLabel("elections"), Versions: []int{2}, Changes: []TopicChange{}},
			{Topic: "territory", Label: (*Result)(nil).TopicLabel("territory"), Versions: []int{0}, Changes: []TopicChange{}},
		},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("lineage mismatch (-want +got):\n%s", diff)
	}

	var text, md, js bytes.Buffer
	if err := got.WriteText(&text, TextOptions{}); err != nil {
		t.Fatal(err)
	}
	if err := got.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if err := got.WriteJSON(&js); err != nil {
		t.Fatal(err)
	}
	golden(t, "lineage.txt.golden", text.Bytes())
	golden(t, "lineage.md.golden", md.Bytes())
	golden(t, "lineage.json.golden", js.Bytes())
}

func TestHistoryErrors(t *testing.T) {
	p := plan("p", "1")
	for _, tc := range []struct {
		plans  []*peace.Plan
		reason string
	}{
		{nil, "no plans"},
		{[]*peace.Plan{p}, "one plan has no history"},
		{[]*peace.Plan{p, nil}, "a nil plan is reported, not dereferenced"},
	} {
		if _, err := History(tc.plans); err == nil {
			t.Errorf("History(%d plans) gave no error (%s)", len(tc.plans), tc.reason)
		}
	}
}

// TestHistoryBundled checks the invariants of a real history: every clause
// that a comparison names sits in exactly one thread, steps go forward in
// time, and the JSON is the same from run to run.
func TestHistoryBundled(t *testing.T) {
	var ps []*peace.Plan
	for _, id := range plans.IDs() {
		p, err := plans.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	l, err := History(ps)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Versions) != len(ps) || len(l.Comparisons) != len(ps)-1 {
		t.Fatalf("got %d versions and %d comparisons for %d plans", len(l.Versions), len(l.Comparisons), len(ps))
	}
	seen := map[[2]string]int{}
	for i, th := range l.Threads {
		for j, s := range th.Steps {
			if j > 0 && s.Version <= th.Steps[j-1].Version {
				t.Errorf("thread %d: step %d is at version %d, after version %d", i, j, s.Version, th.Steps[j-1].Version)
			}
			for _, p := range s.Paths {
				if ps[s.Version].Clause(p) == nil {
					t.Errorf("thread %d names clause %s, which %s lacks", i, p, ps[s.Version].ID)
				}
				seen[[2]string{ps[s.Version].ID, p}]++
			}
		}
	}
	for k, n := range seen {
		if n > 1 {
			t.Errorf("clause %s of %s is in %d threads, want 1", k[1], k[0], n)
		}
	}
	for _, p := range ps[:1] {
		for _, c := range p.Clauses {
			if seen[[2]string{p.ID, c.Path()}] != 1 {
				t.Errorf("top-level point %s of %s is in no thread", c.Path(), p.ID)
			}
		}
	}
	a, _ := json.Marshal(l)
	again, err := History(ps)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(again)
	if !bytes.Equal(a, b) {
		t.Error("two histories of the same plans give different JSON")
	}
}

func BenchmarkHistory(b *testing.B) {
	var ps []*peace.Plan
	size := 0
	for _, id := range plans.IDs() {
		p, err := plans.Load(id)
		if err != nil {
			b.Fatal(err)
		}
		text, _ := plans.Text(id)
		size += len(text)
		ps = append(ps, p)
	}
	b.SetBytes(int64(size))
	for b.Loop() {
		if _, err := History(ps); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(ps)), "versions/op")
}

// TestCustomTopicLabels checks that the labels of a custom lexicon reach
// every place a reader sees a topic: the Result's topic table and its JSON,
// ByTopic, the phrase of a topic change, and a History made with the same
// lexicon.
func TestCustomTopicLabels(t *testing.T) {
	extra, err := peace.LoadLexicon(strings.NewReader(`{
	  "topics": [{"id": "water", "label": "Water rights", "keywords": ["river", "dam"]}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	lex := peace.DefaultLexicon()
	lex.Merge(extra)
	v1 := parseText(t, []byte("1. The parties share the harbour.\n"))
	v2 := parseText(t, []byte("1. The parties share the harbour and the river.\n"))
	v3 := parseText(t, []byte("1. The parties share the river and build a dam.\n"))

	r, err := Compare(v1, v2, WithLexicon(lex))
	if err != nil {
		t.Fatal(err)
	}
	if got := r.TopicLabel("water"); got != "Water rights" {
		t.Errorf("Result.TopicLabel(water) = %q, want the custom label", got)
	}
	if !slices.Contains(r.Topics, TopicInfo{ID: "water", Label: "Water rights"}) {
		t.Errorf("Result.Topics = %v, want water with its custom label", r.Topics)
	}
	var groups []string
	for _, g := range r.ByTopic() {
		groups = append(groups, g.Label)
	}
	if !slices.Contains(groups, "Water rights") {
		t.Errorf("ByTopic labels = %v, want Water rights among them", groups)
	}
	var phrases []string
	for _, c := range r.Matches[0].Changes {
		phrases = append(phrases, c.Phrase(r.TopicLabel))
	}
	if !slices.Contains(phrases, "+ topic: Water rights") {
		t.Errorf("change phrases = %v, want + topic: Water rights", phrases)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), `"label": "Water rights"`) {
		t.Errorf("JSON lacks the custom label:\n%s", b.String())
	}

	l, err := History([]*peace.Plan{v1, v2, v3}, WithLexicon(lex))
	if err != nil {
		t.Fatal(err)
	}
	if got := l.TopicLabel("water"); got != "Water rights" {
		t.Errorf("Lineage.TopicLabel(water) = %q, want the custom label", got)
	}
	plain, err := History([]*peace.Plan{v1, v2, v3})
	if err != nil {
		t.Fatal(err)
	}
	for _, h := range plain.Topics {
		if h.Topic == "water" {
			t.Errorf("History without the lexicon found the custom topic: %+v", h)
		}
	}
}
