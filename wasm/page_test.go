package wasm

import (
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/peacediff/peacediff/diff"
)

func TestPageCounts(t *testing.T) {
	p := NewPage(fixture(), nil, nil)
	var got []string
	for _, c := range p.Counts {
		got = append(got, c.Text)
	}
	want := []string{"7 → 7 points", "2 amended", "1 reworded", "1 removed", "1 added", "1 moved", "3 unchanged"}
	if !slices.Equal(got, want) {
		t.Errorf("counts = %q, want %q", got, want)
	}
	if p.Counts[1].Kind != "amended" || p.Counts[0].Kind != "" {
		t.Errorf("count kinds = %q, %q; want amended and none", p.Counts[1].Kind, p.Counts[0].Kind)
	}
	if want := []string{"amended", "reworded", "removed", "added", "unchanged", "moved"}; !slices.Equal(p.Kinds, want) {
		t.Errorf("kinds = %q, want %q", p.Kinds, want)
	}
}

func TestPageRows(t *testing.T) {
	p := NewPage(fixture(), nil, nil)
	if len(p.Rows) != 8 {
		t.Fatalf("%d rows, want 8", len(p.Rows))
	}
	for _, tc := range []struct {
		row                  int
		anchor, summary      string
		oldText, newText     string
		meaning              bool
		oldSegments, newSegs int
		reason               string
	}{
		{0, "1", "1 → 1", "Ukraine's sovereignty is affirmed.", "Ukraine's sovereignty is affirmed.", false, 1, 1, "an unchanged clause shows the same words on both sides"},
		{3, "4", "6 → 4", "The armed forces of Ukraine are capped at 600,000 personnel.", "The armed forces of Ukraine are capped at 800,000 personnel.", true, 3, 3, "edits split into the old side (equal+delete) and the new (equal+insert)"},
		{5, "old-7", "7 → –", "Ukraine will never join NATO.", "", true, 1, 0, "a removed clause is anchored by its old path and has no new side"},
		{6, "6", "– → 6", "", xssText, true, 0, 1, "an added clause has no old side"},
		{7, "7", "11 → 7", "Elections are held soon.", "Elections are held promptly.", false, 3, 3, "a reworded clause changes no meaning"},
	} {
		r := p.Rows[tc.row]
		if r.Anchor != tc.anchor || r.Summary != tc.summary || r.Meaning != tc.meaning {
			t.Errorf("row %d: anchor %q summary %q meaning %v, want %q %q %v (%s)",
				tc.row, r.Anchor, r.Summary, r.Meaning, tc.anchor, tc.summary, tc.meaning, tc.reason)
		}
		if r.Old.Text() != tc.oldText || r.New.Text() != tc.newText {
			t.Errorf("row %d: texts %q / %q, want %q / %q (%s)", tc.row, r.Old.Text(), r.New.Text(), tc.oldText, tc.newText, tc.reason)
		}
		if len(r.Old.Segments) != tc.oldSegments || len(r.New.Segments) != tc.newSegs {
			t.Errorf("row %d: %d/%d segments, want %d/%d (%s)", tc.row, len(r.Old.Segments), len(r.New.Segments), tc.oldSegments, tc.newSegs, tc.reason)
		}
	}
	for _, tc := range []struct {
		anchor string
		row    int
		ok     bool
		reason string
	}{
		{"4", 3, true, "a new path names its row"},
		{"old-6", 3, true, "an old path with the old- prefix names its row"},
		{"old-7", 5, true, "a removed clause is reached by its old path"},
		{"6", 6, true, "the new path 6 is the added clause, not old 6"},
		{"99", 0, false, "no such clause"},
	} {
		i, ok := p.Row(tc.anchor)
		if i != tc.row || ok != tc.ok {
			t.Errorf("Row(%q) = %d, %v; want %d, %v (%s)", tc.anchor, i, ok, tc.row, tc.ok, tc.reason)
		}
	}
	if got, want := p.Changes(), []int{3, 4, 5, 6, 7}; !slices.Equal(got, want) {
		t.Errorf("Changes() = %v, want %v", got, want)
	}
}

func TestChips(t *testing.T) {
	for _, tc := range []struct {
		change diff.Change
		text   string
		sign   ChipSign
		reason string
	}{
		{diff.Change{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"},
			"600,000 personnel → 800,000 personnel", ChipChange, "numbers get separators"},
		{diff.Change{Kind: diff.ModalityChange, Before: "will", After: "may"}, "will → may", ChipChange, "a modal change shows both words"},
		{diff.Change{Kind: diff.PartyAdded, After: "NATO"}, "+ NATO", ChipAdd, "an added party has a plus"},
		{diff.Change{Kind: diff.PlaceRemoved, Before: "Crimea"}, "− Crimea", ChipRemove, "a removed place has a minus"},
		{diff.Change{Kind: diff.ConditionAdded, After: "if Ukraine invades Russia"}, "+ condition: if Ukraine invades Russia", ChipAdd,
			"a condition says what it is"},
		{diff.Change{Kind: diff.NegationChange, Before: "false", After: "true"}, "+ negation", ChipAdd, "a negation is a flag"},
	} {
		c := chip(tc.change, diff.TopicLabel)
		if c.Text != tc.text || c.Sign != tc.sign {
			t.Errorf("chip(%+v) = %q sign %d, want %q sign %d (%s)", tc.change, c.Text, c.Sign, tc.text, tc.sign, tc.reason)
		}
	}
}

func TestMeaningGroups(t *testing.T) {
	p := NewPage(fixture(), nil, nil)
	var got []string
	for _, g := range p.Topics {
		got = append(got, fmt.Sprint(g.ID, g.Rows))
	}
	want := []string{"armed-forces[3]", "alliances[4 5]", "[6]"}
	if !slices.Equal(got, want) {
		t.Errorf("topic groups = %q, want %q", got, want)
	}
	if p.Topics[len(p.Topics)-1].Label == "" || p.Topics[0].Label == "" {
		t.Errorf("topic labels missing: %+v", p.Topics)
	}
	got = nil
	for _, g := range p.Meaning(Filter{Query: "nato"}) {
		got = append(got, fmt.Sprint(g.ID, g.Rows))
	}
	if want := []string{"alliances[4 5]"}; !slices.Equal(got, want) {
		t.Errorf("Meaning(nato) = %q, want %q", got, want)
	}
}

func TestItems(t *testing.T) {
	p := NewPage(fixture(), nil, nil)
	for _, tc := range []struct {
		filter Filter
		want   string
		reason string
	}{
		{Filter{}, "0 1 2 3 4 5 6 7", "the zero filter shows every row"},
		{Filter{Collapse: true}, "[0 1 2] 3 4 5 6 7", "three unchanged rows fold into one item"},
		{Filter{Collapse: true, Expanded: map[int]bool{0: true}}, "0 1 2 3 4 5 6 7", "an expanded run shows its rows"},
		{Filter{Collapse: true, Kind: "unchanged"}, "0 1 2", "the unchanged kind is never folded"},
		{Filter{Kind: "amended"}, "3 4", "kind filter"},
		{Filter{Kind: "moved"}, "3", "moved is a pseudo-kind"},
		{Filter{MeaningOnly: true}, "3 4 5 6", "meaning only keeps amended, added and removed rows"},
		{Filter{Topic: "alliances"}, "4 5", "topic filter"},
		{Filter{Topic: "security-guarantees"}, "4", "a row is found under any of its topics"},
		{Filter{Query: "NATO"}, "4 5", "search ignores case"},
		{Filter{Query: "800,000 capped"}, "3", "every word must match"},
		{Filter{Query: "<img", Collapse: true}, "6", "markup in a clause is searched as text"},
		{Filter{Query: "ceasefire prisoners"}, "", "nothing matches both words"},
	} {
		var parts []string
		for _, it := range p.Items(tc.filter) {
			if it.Run != nil {
				parts = append(parts, fmt.Sprint(it.Run))
			} else {
				parts = append(parts, fmt.Sprint(it.Row))
			}
		}
		if got := strings.Join(parts, " "); got != tc.want {
			t.Errorf("Items(%+v) = %q, want %q (%s)", tc.filter, got, tc.want, tc.reason)
		}
	}
}

func TestMarks(t *testing.T) {
	for _, tc := range []struct {
		s, query string
		want     []string
		reason   string
	}{
		{"Ukraine and NATO", "", []string{"Ukraine and NATO"}, "no query, no marks"},
		{"Ukraine and NATO", "nato", []string{"Ukraine and ", "NATO", ""}, "case ignored, hit at the end"},
		{"NATO, NATO", "nato", []string{"", "NATO", ", ", "NATO", ""}, "every hit"},
		{"capped at 600,000", "600 cap", []string{"", "cap", "ped at ", "600", ",000"}, "several words"},
		{"Київ і Україна", "україна", []string{"Київ і ", "Україна", ""}, "Cyrillic"},
	} {
		if got := Marks(tc.s, tc.query); !slices.Equal(got, tc.want) {
			t.Errorf("Marks(%q, %q) = %q, want %q (%s)", tc.s, tc.query, got, tc.want, tc.reason)
		}
	}
}

func TestExcerpt(t *testing.T) {
	for _, tc := range []struct {
		s      string
		n      int
		want   string
		reason string
	}{
		{"Short clause.", 40, "Short clause.", "fits"},
		{"The parties agree to a full and lasting ceasefire.", 20, "The parties agree to…", "cut at a space"},
		{"one,   two  three", 40, "one, two three", "spaces collapse"},
		{"Незалежність", 5, "Не…", "never cuts a character"},
	} {
		if got := Excerpt(tc.s, tc.n); got != tc.want {
			t.Errorf("Excerpt(%q, %d) = %q, want %q (%s)", tc.s, tc.n, got, tc.want, tc.reason)
		}
	}
}

func TestFlow(t *testing.T) {
	p := NewPage(fixture(), nil, nil)
	f := p.Flow(Filter{})
	var old, new []string
	for _, n := range f.Old {
		old = append(old, n.Path)
	}
	for _, n := range f.New {
		new = append(new, n.Path)
	}
	if want := []string{"1", "2", "3", "6", "7", "10", "11"}; !slices.Equal(old, want) {
		t.Errorf("old column = %q, want %q (natural order without a plan)", old, want)
	}
	if want := []string{"1", "2", "3", "4", "5", "6", "7"}; !slices.Equal(new, want) {
		t.Errorf("new column = %q, want %q", new, want)
	}
	if len(f.Bands) != 6 {
		t.Fatalf("%d bands, want 6 (added and removed clauses have none)", len(f.Bands))
	}
	b := f.Bands[3]
	if b.Row != 3 || f.Old[b.Old].Path != "6" || f.New[b.New].Path != "4" || !b.Moved || b.Kind != diff.Amended {
		t.Errorf("band 3 = %+v, want row 3 from old 6 to new 4, moved, amended", b)
	}
	if !strings.HasPrefix(b.D, "M") || !strings.HasSuffix(b.D, "Z") || b.Width <= f.Bands[4].Width {
		t.Errorf("band 3 path %q width %v: want a closed path, thicker than the less similar band 4 (%v)", b.D, b.Width, f.Bands[4].Width)
	}
	if b.Title != "6 → 4 amended, moved, 71% of words kept" {
		t.Errorf("band title = %q", b.Title)
	}
	if got := len(p.Flow(Filter{Kind: "amended"}).Bands); got != 2 {
		t.Errorf("%d bands with the amended filter, want 2", got)
	}
	if f.Height <= f.Old[len(f.Old)-1].Y {
		t.Errorf("height %v does not hold the last node at %v", f.Height, f.Old[len(f.Old)-1].Y)
	}
}

func TestComparePaths(t *testing.T) {
	paths := []string{"10", "2", "10.b", "10.a", "1", "b", "a", "2.1"}
	sortPaths(paths)
	if want := []string{"1", "2", "2.1", "10", "10.a", "10.b", "a", "b"}; !slices.Equal(paths, want) {
		t.Errorf("sorted = %q, want %q", paths, want)
	}
}

func ExampleNewPage() {
	r := &diff.Result{
		Old: diff.PlanInfo{Title: "Draft A", Clauses: 1},
		New: diff.PlanInfo{Title: "Draft B", Clauses: 1},
		Matches: []diff.Match{{
			Kind: diff.Amended, Old: []string{"6"}, New: []string{"4"}, Similarity: 0.7, Topics: []string{"armed-forces"},
			Edits: []diff.Edit{
				{Op: diff.Equal, Text: "Troops are capped at "}, {Op: diff.Delete, Text: "600,000"},
				{Op: diff.Insert, Text: "800,000"}, {Op: diff.Equal, Text: "."},
			},
			Changes: []diff.Change{{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"}},
		}},
		Summary: diff.Summary{Amended: 1},
	}
	p := NewPage(r, nil, nil)
	for _, c := range p.Counts {
		fmt.Println(c.Text)
	}
	row := p.Rows[0]
	fmt.Println(row.Summary, "|", row.Old.Text(), "|", row.New.Text())
	fmt.Println(row.Chips[0].Text)
	// Output:
	// 1 → 1 points
	// 1 amended
	// 6 → 4 | Troops are capped at 600,000. | Troops are capped at 800,000.
	// 600,000 personnel → 800,000 personnel
}

// BenchmarkNewPage3000 measures the view model of a 3,000-point pair, the
// part of rendering that does not touch the DOM; the comparison itself is
// reported as a baseline.
func BenchmarkNewPage3000(b *testing.B) {
	oldText, newText := synthPlans(3000)
	start := time.Now()
	c, err := Compare(oldText, newText)
	if err != nil {
		b.Fatal(err)
	}
	compareTime := time.Since(start)
	b.SetBytes(int64(len(oldText) + len(newText)))
	for b.Loop() {
		p := NewPage(c.Result, c.Old, c.New)
		_ = p.Items(Filter{Collapse: true})
		_ = p.Flow(Filter{})
	}
	b.ReportMetric(float64(compareTime.Milliseconds()), "compare-ms")
}
