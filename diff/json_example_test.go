package diff_test

import (
	"fmt"

	"github.com/peacediff/peacediff/diff"
)

// AppendJSON gives the compact form of the JSON contract, the bytes
// json.Marshal gives, without encoding/json.
func ExampleResult_AppendJSON() {
	r := &diff.Result{
		Old: diff.PlanInfo{ID: "draft-1", Title: "Draft <1>", Clauses: 1},
		New: diff.PlanInfo{ID: "draft-2", Title: "Draft <2>", Clauses: 1},
		Matches: []diff.Match{{
			Kind: diff.Reworded, Old: []string{"1"}, New: []string{"1"}, Similarity: 0.75,
			Edits: []diff.Edit{
				{Op: diff.Delete, Text: "All troops"}, {Op: diff.Insert, Text: "Troops"},
				{Op: diff.Equal, Text: " withdraw."},
			},
		}},
		Summary: diff.Summary{Reworded: 1},
	}
	b, err := r.AppendJSON(nil)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// {"old":{"id":"draft-1","title":"Draft \u003c1\u003e","clauses":1},"new":{"id":"draft-2","title":"Draft \u003c2\u003e","clauses":1},"matches":[{"kind":"reworded","old":["1"],"new":["1"],"similarity":0.75,"moved":false,"renumbered":false,"edits":[{"op":"delete","text":"All troops"},{"op":"insert","text":"Troops"},{"op":"equal","text":" withdraw."}]}],"summary":{"unchanged":0,"reworded":1,"amended":0,"split":0,"merged":0,"added":0,"removed":0,"moved":0}}
}

// AppendJSON of a Lineage is the compact form of the document that
// [diff.Lineage.WriteJSON] indents.
func ExampleLineage_AppendJSON() {
	l := &diff.Lineage{
		Versions:    []diff.PlanInfo{{ID: "a", Title: "A", Clauses: 1}, {ID: "b", Title: "B", Clauses: 1}},
		Comparisons: []diff.Comparison{{From: 0, To: 1, Summary: diff.Summary{Unchanged: 1}}},
		Threads:     []diff.Thread{{Topics: []string{}, Steps: []diff.Step{{Version: 0, Paths: []string{"1"}}, {Version: 1, Paths: []string{"1"}, Kind: diff.Unchanged}}}},
		Topics:      []diff.TopicHistory{},
	}
	b, err := l.AppendJSON([]byte("history = "))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(string(b))
	// Output:
	// history = {"versions":[{"id":"a","title":"A","clauses":1},{"id":"b","title":"B","clauses":1}],"comparisons":[{"from":0,"to":1,"summary":{"unchanged":1,"reworded":0,"amended":0,"split":0,"merged":0,"added":0,"removed":0,"moved":0}}],"threads":[{"topics":[],"steps":[{"version":0,"paths":["1"]},{"version":1,"paths":["1"],"kind":"unchanged"}]}],"topics":[]}
}

// PlanInfo.AppendJSON writes one side's description, for programs that
// build a JSON document of their own around it.
func ExamplePlanInfo_AppendJSON() {
	p := diff.PlanInfo{ID: "us-28", Title: "Twenty-eight points", Date: "2025-11-20", Clauses: 28}
	fmt.Println(string(p.AppendJSON(nil)))
	// Output:
	// {"id":"us-28","title":"Twenty-eight points","date":"2025-11-20","clauses":28}
}

// AppendJSONString quotes a string as the JSON of a Result does, for a
// program that writes JSON of its own around one.
func ExampleAppendJSONString() {
	b := []byte(`{"note":`)
	b = diff.AppendJSONString(b, "Point 6 <600,000>\n")
	b = append(b, '}')
	fmt.Println(string(b))
	// Output:
	// {"note":"Point 6 \u003c600,000\u003e\n"}
}
