package diff_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log"
	"os"
	"strings"
	"time"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

// mustParse parses a plan written inline in an example.
func mustParse(text string) *peace.Plan {
	p, err := peace.Parse(strings.NewReader(text))
	if err != nil {
		log.Fatal(err)
	}
	return p
}

// Compare on two of the bundled plans: the United States' 28-point draft
// and Ukraine's 20-point answer.
func ExampleCompare_bundledPlans() {
	us, err := plans.Load("us-28")
	if err != nil {
		log.Fatal(err)
	}
	ua, err := plans.Load("ua-20")
	if err != nil {
		log.Fatal(err)
	}
	r, err := diff.Compare(us, ua)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s: %d points, %s: %d points\n", r.Old.ID, r.Old.Clauses, r.New.ID, r.New.Clauses)
	// Output:
	// us-28: 28 points, ua-20: 20 points
}

// The JSON document is the contract with programs in other languages:
// its field names are stable, and the same inputs give the same bytes. A
// consumer decodes only the fields it needs.
func ExampleResult_WriteJSON() {
	r, err := diff.Compare(
		mustParse("id: v1\n\n1. Elections will be held within 100 days.\n"),
		mustParse("id: v2\n\n1. Elections will be held within 60 days.\n"),
	)
	if err != nil {
		log.Fatal(err)
	}
	var b bytes.Buffer
	if err := r.WriteJSON(&b); err != nil {
		log.Fatal(err)
	}

	var doc struct {
		Matches []struct {
			Kind    string   `json:"kind"`
			Old     []string `json:"old"`
			New     []string `json:"new"`
			Changes []struct {
				Kind   string `json:"kind"`
				Before string `json:"before"`
				After  string `json:"after"`
			} `json:"changes"`
		} `json:"matches"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		log.Fatal(err)
	}
	for _, m := range doc.Matches {
		fmt.Println(m.Kind, m.Old, "→", m.New)
		for _, c := range m.Changes {
			fmt.Printf("  %s: %q → %q\n", c.Kind, c.Before, c.After)
		}
	}
	// Output:
	// amended [1] → [1]
	//   duration: "100 days" → "60 days"
}

// A comparison that runs past its deadline stops with an error wrapping
// [context.DeadlineExceeded]; it never returns a partial result. A
// deadline already past stops it before any work is done.
func ExampleWithDeadline() {
	old := mustParse("1. The sovereignty of Ukraine will be confirmed.\n")
	new := mustParse("1. The sovereignty of Ukraine is confirmed.\n")

	_, err := diff.Compare(old, new, diff.WithDeadline(time.Now().Add(-time.Second)))
	fmt.Println(errors.Is(err, context.DeadlineExceeded))

	r, err := diff.Compare(old, new, diff.WithDeadline(time.Now().Add(time.Minute)))
	fmt.Println(r.Matches[0].Kind, err)
	// Output:
	// true
	// reworded <nil>
}

// A cancelled context stops a comparison with the context's error.
func ExampleWithContext() {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := diff.Compare(
		mustParse("1. A ceasefire will take effect.\n"),
		mustParse("1. A ceasefire takes effect.\n"),
		diff.WithContext(ctx),
	)
	fmt.Println(errors.Is(err, context.Canceled))
	// Output:
	// true
}

// A lexicon for another negotiation changes what counts as a change of
// meaning. Two invented states argue over a valley: the default lexicon
// does not know the Copper Hills, so adding them reads as a rewording;
// with the places merged in, it is an amendment that names the place.
func ExampleWithLexicon() {
	old := mustParse("1. Northland will withdraw its rangers from Amber Valley.\n")
	new := mustParse("1. Northland will withdraw its rangers from Amber Valley and the Copper Hills.\n")

	extra, err := peace.LoadLexicon(strings.NewReader(`{
	  "parties": [{"name": "Northland"}],
	  "places": [{"name": "Amber Valley"}, {"name": "Copper Hills"}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	lex := peace.DefaultLexicon()
	lex.Merge(extra)

	r, err := diff.Compare(old, new)
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("default lexicon:", r.Matches[0].Kind, r.Matches[0].Changes)

	r, err = diff.Compare(old, new, diff.WithLexicon(lex))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("merged lexicon: ", r.Matches[0].Kind, r.Matches[0].Changes)
	// Output:
	// default lexicon: reworded []
	// merged lexicon:  amended [+ Copper Hills]
}

// Limits make Compare refuse inputs too large for the caller's budget,
// with an error wrapping [ErrTooLarge], rather than run for minutes.
func ExampleMaxClauses() {
	p := mustParse("1. First point.\n2. Second point:\n   a) a sub-point.\n")
	_, err := diff.Compare(p, p, diff.MaxClauses(2))
	fmt.Println(errors.Is(err, diff.ErrTooLarge))
	_, err = diff.Compare(p, p, diff.MaxClauses(3))
	fmt.Println(err)
	// Output:
	// true
	// <nil>
}

// MaxBytes bounds the words of each plan, headings included.
func ExampleMaxBytes() {
	p := mustParse("1. The sovereignty of Ukraine will be confirmed.\n")
	_, err := diff.Compare(p, p, diff.MaxBytes(20))
	fmt.Println(errors.Is(err, diff.ErrTooLarge))
	// Output:
	// true
}

// Options print as the calls that made them, so a configuration can be
// logged.
func ExampleOptions() {
	opts := diff.Options{diff.MaxClauses(500), diff.MaxBytes(1 << 20)}
	fmt.Println(opts)
	_, err := diff.Compare(mustParse("1. A.\n"), mustParse("1. B.\n"), opts)
	fmt.Println(err)
	// Output:
	// Options{MaxClauses(500), MaxBytes(1048576)}
	// <nil>
}

// Sides gives the two halves of a change as a reader should see them, for
// renderers that lay them out in columns of their own.
func ExampleChange_Sides() {
	for _, c := range []diff.Change{
		{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"},
		{Kind: diff.NegationChange, Before: "false", After: "true"},
		{Kind: diff.PlaceAdded, After: "Kharkiv"},
	} {
		before, after := c.Sides()
		fmt.Printf("%-12s %q → %q\n", c.Kind, before, after)
	}
	// Output:
	// quantity     "600,000 personnel" → "800,000 personnel"
	// negation     "" → "negated"
	// place-added  "" → "Kharkiv"
}

// twoVersions is a small history: one point amended, one removed.
func twoVersions() *diff.Lineage {
	l, err := diff.History([]*peace.Plan{
		mustParse("id: v1\n\n1. Troops are capped at 600,000 personnel.\n2. Elections are held within 100 days.\n"),
		mustParse("id: v2\n\n1. Troops are capped at 800,000 personnel.\n"),
	})
	if err != nil {
		log.Fatal(err)
	}
	return l
}

// The JSON of a lineage follows each point through the versions: a
// thread is one point's story, a step its place in one version.
func ExampleLineage_WriteJSON() {
	var b bytes.Buffer
	if err := twoVersions().WriteJSON(&b); err != nil {
		log.Fatal(err)
	}

	var doc struct {
		Versions []struct {
			ID string `json:"id"`
		} `json:"versions"`
		Threads []struct {
			Steps []struct {
				Version int      `json:"version"`
				Paths   []string `json:"paths"`
				Kind    string   `json:"kind"`
			} `json:"steps"`
		} `json:"threads"`
	}
	if err := json.Unmarshal(b.Bytes(), &doc); err != nil {
		log.Fatal(err)
	}
	for _, th := range doc.Threads {
		var steps []string
		for _, s := range th.Steps {
			steps = append(steps, strings.TrimSpace(fmt.Sprint(doc.Versions[s.Version].ID, s.Paths, " ", s.Kind)))
		}
		fmt.Println(strings.Join(steps, " → "))
	}
	// Output:
	// v1[1] → v2[1] amended
	// v1[2] → v2[] removed
}

func ExampleLineage_WriteMarkdown() {
	if err := twoVersions().WriteMarkdown(os.Stdout); err != nil {
		log.Fatal(err)
	}
	// Output:
	// # History of 2 versions
	//
	// | # | Plan | Date | Points | Title |
	// |---|---|---|---|---|
	// | 1 | v1 |  | 2 |  |
	// | 2 | v2 |  | 1 |  |
	//
	// - **v1 → v2:** 2 → 1 points · 1 amended · 1 removed
	//
	// ## Topics
	//
	// ### Armed forces
	//
	// In v1, v2.
	//
	// | Versions | Points | Change |
	// |---|---|---|
	// | v1 → v2 | 1 → 1 | 600,000 personnel → 800,000 personnel |
	//
	// ### Elections and governance
	//
	// In v1.
	//
	// ## Clauses
	//
	// = unchanged  \~ reworded  \* amended  &lt; split  &gt; merged  + added  × removed  ^ moved
	//
	// | v1 | v2 |
	// |---|---|
	// | 1 | 1 \* |
	// | 2 | × |
}

// Version never fails: an index out of range, as in a hand-edited
// document, gives a placeholder that writers can still print.
func ExampleLineage_Version() {
	l := twoVersions()
	fmt.Println(l.Version(1).ID, l.Version(1).Clauses)
	fmt.Println(l.Version(7).ID)
	// Output:
	// v2 1
	// [7]
}

// TopicLabel names a topic as the writers and the viewer show it.
func ExampleTopicLabel() {
	fmt.Println(diff.TopicLabel("armed-forces"))
	fmt.Println(diff.TopicLabel("no-such-topic"))
	// Output:
	// Armed forces
	// no-such-topic
}

// A Result names its topics with the labels of the lexicon it was made
// with; Phrase writes a change with them, where String would use the
// default lexicon's.
func ExampleResult_TopicLabel() {
	extra, err := peace.LoadLexicon(strings.NewReader(`{
	  "topics": [{"id": "water", "label": "Water sharing", "keywords": ["river", "dam"]}]
	}`))
	if err != nil {
		log.Fatal(err)
	}
	lex := peace.DefaultLexicon()
	lex.Merge(extra)
	old := mustParse("1. The parties share the harbour.\n")
	new := mustParse("1. The parties share the harbour and the river.\n")
	r, err := diff.Compare(old, new, diff.WithLexicon(lex))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(r.TopicLabel("water"))
	for _, c := range r.Matches[0].Changes {
		fmt.Println(c.Phrase(r.TopicLabel), "|", c.String())
	}
	// Output:
	// Water sharing
	// + topic: Water sharing | + topic: Water
}
