package diff_test

import (
	"fmt"
	"os"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/peace"
)

// small is a hand-built comparison: one point amended, one dropped.
var small = &diff.Result{
	Old: diff.PlanInfo{ID: "draft-1", Date: "2025-11-20", Clauses: 2},
	New: diff.PlanInfo{ID: "draft-2", Date: "2025-11-23", Clauses: 1},
	Matches: []diff.Match{
		{
			Kind: diff.Amended, Old: []string{"1"}, New: []string{"1"}, Topics: []string{"armed-forces"},
			Edits: []diff.Edit{
				{Op: diff.Equal, Text: "Troops are capped at "},
				{Op: diff.Delete, Text: "600,000"}, {Op: diff.Insert, Text: "800,000"},
				{Op: diff.Equal, Text: "."},
			},
			Changes: []diff.Change{{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"}},
		},
		{
			Kind: diff.Removed, Old: []string{"2"}, New: []string{}, Topics: []string{"governance"},
			Edits: []diff.Edit{{Op: diff.Delete, Text: "Elections are held within 100 days."}},
		},
	},
	Summary: diff.Summary{Amended: 1, Removed: 1},
}

func ExampleResult_WriteText() {
	if err := small.WriteText(os.Stdout, diff.TextOptions{Width: 60}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// old  draft-1  2025-11-20
	// new  draft-2  2025-11-23
	//
	// Changes of meaning
	//   Armed forces
	//     1 → 1  600,000 personnel → 800,000 personnel
	//
	//   Elections and governance
	//     2 → –  removed: Elections are held within 100 days.
	//
	// 2 → 1 points · 1 amended · 1 removed
	//
	// Clause by clause
	//
	// 1 → 1  amended
	//     Troops are capped at [-600,000-]{+800,000+}.
	//
	// 2 → –  removed
	//     Elections are held within 100 days.
}

func ExampleResult_WriteMarkdown() {
	var b strings.Builder
	if err := small.WriteMarkdown(&b); err != nil {
		fmt.Println(err)
	}
	// Print the redline of the amended point only.
	_, redline, _ := strings.Cut(b.String(), "### 1 → 1 · amended\n\n")
	redline, _, _ = strings.Cut(redline, "\n")
	fmt.Println(redline)
	// Output:
	// Troops are capped at ~~600,000~~**800,000**.
}

func ExampleChange_String() {
	for _, c := range []diff.Change{
		{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"},
		{Kind: diff.QuantityChange, Before: "100000000000 usd"},
		{Kind: diff.ModalityChange, Before: "will", After: "must"},
		{Kind: diff.PlaceAdded, After: "Kharkiv"},
	} {
		fmt.Println(c)
	}
	// Output:
	// 600,000 personnel → 800,000 personnel
	// − 100 billion usd
	// will → must
	// + Kharkiv
}

func ExampleResult_SummaryLine() {
	fmt.Println(small.SummaryLine())
	// Output:
	// 2 → 1 points · 1 amended · 1 removed
}

func ExampleResult_ByTopic() {
	for _, g := range small.ByTopic() {
		fmt.Printf("%s: %d\n", g.Topic, len(g.Matches))
	}
	// Output:
	// armed-forces: 1
	// governance: 1
}

func ExampleHistory() {
	var versions []*peace.Plan
	for _, text := range []string{
		"id: v1\n\n1. Ukraine's armed forces are capped at 600,000 personnel.\n2. Ukraine will hold elections within 100 days.\n",
		"id: v2\n\n1. Ukraine's armed forces are capped at 800,000 personnel.\n2. Ukraine will hold elections within 100 days.\n",
		"id: v3\n\n1. Ukraine's armed forces are capped at 800,000 personnel.\n",
	} {
		p, err := peace.Parse(strings.NewReader(text))
		if err != nil {
			fmt.Println(err)
			return
		}
		versions = append(versions, p)
	}
	l, err := diff.History(versions)
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, th := range l.Threads {
		var steps []string
		for _, s := range th.Steps {
			steps = append(steps, fmt.Sprintf("%s%v%s", l.Versions[s.Version].ID, s.Paths, s.Kind))
		}
		fmt.Println(strings.Join(steps, " → "))
	}
	// Output:
	// v1[1] → v2[1]amended → v3[1]unchanged
	// v1[2] → v2[2]unchanged → v3[]removed
}

func ExampleLineage_WriteText() {
	l := &diff.Lineage{
		Versions:    []diff.PlanInfo{{ID: "v1", Clauses: 2}, {ID: "v2", Clauses: 1}},
		Comparisons: []diff.Comparison{{From: 0, To: 1, Summary: diff.Summary{Amended: 1, Removed: 1}}},
		Threads: []diff.Thread{
			{Steps: []diff.Step{{Version: 0, Paths: []string{"1"}}, {Version: 1, Paths: []string{"1"}, Kind: diff.Amended}}},
			{Steps: []diff.Step{{Version: 0, Paths: []string{"2"}}, {Version: 1, Paths: []string{}, Kind: diff.Removed}}},
		},
		Topics: []diff.TopicHistory{{Topic: "armed-forces", Label: "Armed forces", Versions: []int{0, 1},
			Changes: []diff.TopicChange{{From: 0, To: 1, Old: []string{"1"}, New: []string{"1"},
				Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"}}}},
	}
	if err := l.WriteText(os.Stdout, diff.TextOptions{}); err != nil {
		fmt.Println(err)
	}
	// Output:
	// History of 2 versions
	//   1  v1  2 points
	//   2  v2  1 points
	//
	//   v1 → v2  2 → 1 points · 1 amended · 1 removed
	//
	// Topics
	//   Armed forces  in v1, v2
	//     v1 → v2  1 → 1  600,000 personnel → 800,000 personnel
	//
	// Clauses
	//   = unchanged   ~ reworded   * amended   < split   > merged   + added
	//   × removed   ^ moved
	//   v1  v2
	//   1   1 *
	//   2   ×
}
