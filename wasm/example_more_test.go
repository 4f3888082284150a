package wasm_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/peacediff/peacediff/wasm"
)

const (
	draft1 = "id: draft-1\n\n1. A ceasefire takes effect at once.\n2. Troops are capped at 600,000 personnel.\n3. Prisoners are exchanged all for all.\n4. Sanctions are lifted in stages.\n5. Elections are held within 100 days.\n"
	draft2 = "id: draft-2\n\n1. A ceasefire takes effect at once.\n2. Troops are capped at 800,000 personnel.\n3. Prisoners are exchanged all for all.\n4. Sanctions are lifted in stages.\n5. Elections are held as soon as possible.\n"
)

// Compare is what the JavaScript peacediff.compare calls: two texts in,
// the parsed plans and their comparison out.
func ExampleCompare() {
	c, err := wasm.Compare(draft1, draft2)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(c.Old.ID, "→", c.New.ID, c.Result.SummaryLine())
	// Output:
	// draft-1 → draft-2 5 → 5 points · 2 amended · 3 unchanged
}

// NewHistory compares each version with the next, as the timeline shows
// them.
func ExampleNewHistory() {
	draft3 := "id: draft-3\n\n1. A ceasefire takes effect at once.\n2. Troops are capped at 800,000 personnel.\n"
	h, err := wasm.NewHistory([]string{draft1, draft2, draft3})
	if err != nil {
		log.Fatal(err)
	}
	for i, r := range h.Steps {
		fmt.Println(h.Versions[i].ID, "→", h.Versions[i+1].ID, r.SummaryLine())
	}
	// Output:
	// draft-1 → draft-2 5 → 5 points · 2 amended · 3 unchanged
	// draft-2 → draft-3 5 → 2 points · 3 removed · 2 unchanged
}

// Items lists what the row list draws under a filter: every row, runs of
// unchanged rows folded into one item (unless opened), only the changes of
// meaning, or the rows that hold the words of a search.
func ExamplePage_Items() {
	c, err := wasm.Compare(draft1, draft2)
	if err != nil {
		log.Fatal(err)
	}
	p := wasm.NewPage(c.Result, c.Old, c.New)
	for _, f := range []struct {
		name string
		wasm.Filter
	}{
		{"everything", wasm.Filter{}},
		{"folded", wasm.Filter{Collapse: true}},
		{"run opened", wasm.Filter{Collapse: true, Expanded: map[int]bool{2: true}}},
		{"meaning only", wasm.Filter{MeaningOnly: true}},
		{"search", wasm.Filter{Query: "elections"}},
	} {
		var items []string
		for _, it := range p.Items(f.Filter) {
			if it.Run != nil {
				items = append(items, fmt.Sprintf("(%d folded)", len(it.Run)))
			} else {
				items = append(items, p.Rows[it.Row].Summary)
			}
		}
		fmt.Printf("%-12s %s\n", f.name, strings.Join(items, ", "))
	}
	// Output:
	// everything   1 → 1, 2 → 2, 3 → 3, 4 → 4, 5 → 5
	// folded       1 → 1, 2 → 2, (2 folded), 5 → 5
	// run opened   1 → 1, 2 → 2, 3 → 3, 4 → 4, 5 → 5
	// meaning only 2 → 2, 5 → 5
	// search       5 → 5
}

// Changes gives the rows that the n and p keys step through; Row finds the row of
// a link's fragment, by new or old clause number.
func ExamplePage_Changes() {
	c, err := wasm.Compare(draft1, draft2)
	if err != nil {
		log.Fatal(err)
	}
	p := wasm.NewPage(c.Result, c.Old, c.New)
	for _, i := range p.Changes() {
		fmt.Println(i, p.Rows[i].Anchor, p.Rows[i].Chips[0].Text)
	}
	i, ok := p.Row("old-5")
	fmt.Println(i, ok)
	_, ok = p.Row("9")
	fmt.Println(ok)
	// Output:
	// 1 2 600,000 personnel → 800,000 personnel
	// 4 5 100 days → as soon as possible
	// 4 true
	// false
}

// Meaning groups the rows that change the meaning by topic, for the
// Meaning tab.
func ExamplePage_Meaning() {
	c, err := wasm.Compare(draft1, draft2)
	if err != nil {
		log.Fatal(err)
	}
	p := wasm.NewPage(c.Result, c.Old, c.New)
	for _, g := range p.Meaning(wasm.Filter{}) {
		fmt.Println(g.Label, g.Rows)
	}
	// Output:
	// Armed forces [1]
	// Elections and governance [4]
}

// Flow lays out the map: a node per clause in each column and a band per
// link.
func ExamplePage_Flow() {
	c, err := wasm.Compare(draft1, draft2)
	if err != nil {
		log.Fatal(err)
	}
	fl := wasm.NewPage(c.Result, c.Old, c.New).Flow(wasm.Filter{})
	fmt.Println(len(fl.Old), len(fl.New), len(fl.Bands))
	fmt.Println(fl.Bands[1].Title)
	// Output:
	// 5 5 5
	// 2 → 2 amended, 83% of words kept
}

// Shows tells whether a filter lets one row through, folding aside.
func ExamplePage_Shows() {
	c, err := wasm.Compare(draft1, draft2)
	if err != nil {
		log.Fatal(err)
	}
	p := wasm.NewPage(c.Result, c.Old, c.New)
	f := wasm.Filter{Kind: "amended", Collapse: true}
	for i, r := range p.Rows {
		fmt.Println(r.Summary, r.Match.Kind, p.Shows(i, f))
	}
	// Output:
	// 1 → 1 unchanged false
	// 2 → 2 amended true
	// 3 → 3 unchanged false
	// 4 → 4 unchanged false
	// 5 → 5 amended true
}

// Marks splits a text around the words of a search, for highlighting.
func ExampleMarks() {
	fmt.Printf("%q\n", wasm.Marks("Elections are held within 100 days.", "held days"))
	// Output:
	// ["Elections are " "held" " within 100 " "days" "."]
}

// Excerpt shortens a clause for a tooltip, at a word boundary.
func ExampleExcerpt() {
	fmt.Println(wasm.Excerpt("Troops are capped at 600,000 personnel in peacetime.", 30))
	// Output:
	// Troops are capped at 600,000…
}
