package html_test

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/diff"
	diffhtml "github.com/peacediff/peacediff/diff/html"
	"github.com/peacediff/peacediff/diff/html/style"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sample reads the hand-built Result that the diff package's writers are
// tested with.
func sample(t *testing.T) *diff.Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("..", "testdata", "sample-result.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r diff.Result
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.MkdirAll("testdata", 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
		for i := range max(len(wl), len(gl)) {
			if i >= len(wl) || i >= len(gl) || wl[i] != gl[i] {
				w, g := "", ""
				if i < len(wl) {
					w = wl[i]
				}
				if i < len(gl) {
					g = gl[i]
				}
				t.Fatalf("%s differs at line %d (go test -update rewrites it):\nwant: %q\ngot:  %q", name, i+1, w, g)
			}
		}
	}
}

func TestWrite(t *testing.T) {
	r := sample(t)
	var b bytes.Buffer
	if err := diffhtml.Write(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	// The stylesheet is inlined, not linked: CSS would not survive
	// template escaping if it were passed as plain text.
	golden(t, "report.html.golden", []byte(strings.Replace(page, style.CSS, "/* style.CSS */", 1)))
	for _, tc := range []struct {
		want, reason string
	}{
		{style.CSS, "the shared stylesheet is inlined verbatim"},
		{"@media print", "the page prints well"},
		{"prefers-color-scheme: dark", "the page follows the dark setting"},
		{`<del class="pd-del">`, "deletions are del elements"},
		{`<ins class="pd-ins">`, "insertions are ins elements"},
		{`deleted: </span>`, "screen readers hear what was deleted"},
		{`href="#m4"`, "the meaning list links to its rows"},
		{`id="m4"`, "rows carry the anchors the links point to"},
		{"600,000 personnel", "changes are phrased for readers"},
	} {
		if !strings.Contains(page, tc.want) {
			t.Errorf("report lacks %q (%s)", tc.want, tc.reason)
		}
	}
	for _, bad := range []string{"<script", "http://", "https://", "<link", "@import", "ZgotmplZ"} {
		if strings.Contains(page, bad) {
			t.Errorf("report contains %q: it must be self-contained and script-free", bad)
		}
	}
}

func TestWriteEscapes(t *testing.T) {
	evil := `<script>alert(1)</script>`
	r := &diff.Result{
		Old: diff.PlanInfo{ID: evil, Title: evil},
		New: diff.PlanInfo{ID: "b", Title: `" onmouseover="alert(1)`},
		Matches: []diff.Match{{
			Kind: diff.Amended, Old: []string{evil}, New: []string{"1"}, Topics: []string{evil},
			Edits:   []diff.Edit{{Op: diff.Equal, Text: "x "}, {Op: diff.Delete, Text: evil}, {Op: diff.Insert, Text: "<img src=x onerror=alert(1)>"}},
			Changes: []diff.Change{{Kind: diff.PartyAdded, After: evil}},
		}},
	}
	var b bytes.Buffer
	if err := diffhtml.Write(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	for _, tc := range []struct {
		bad, reason string
	}{
		{"<script>", "clause text is escaped, never run"},
		{"<img", "inserted words cannot add elements"},
		{`" onmouseover="`, "titles cannot add attributes"},
	} {
		if strings.Contains(page, tc.bad) {
			t.Errorf("report contains %q (%s)", tc.bad, tc.reason)
		}
	}
	if !strings.Contains(page, "&lt;script&gt;alert(1)&lt;/script&gt;") {
		t.Error("escaped clause text is missing from the report")
	}
}

func TestWriteLineage(t *testing.T) {
	l := &diff.Lineage{
		Versions:    []diff.PlanInfo{{ID: "v1", Date: "2025-11-20", Clauses: 2}, {ID: "v2", Clauses: 2}},
		Comparisons: []diff.Comparison{{From: 0, To: 1, Summary: diff.Summary{Amended: 1, Removed: 1, Added: 1}}},
		Threads: []diff.Thread{
			{Topics: []string{"armed-forces"}, Steps: []diff.Step{{Version: 0, Paths: []string{"1"}}, {Version: 1, Paths: []string{"2"}, Kind: diff.Amended, Moved: true}}},
			{Topics: []string{}, Steps: []diff.Step{{Version: 0, Paths: []string{"2"}}, {Version: 1, Paths: []string{}, Kind: diff.Removed}}},
			{Topics: []string{}, Steps: []diff.Step{{Version: 1, Paths: []string{"1"}, Kind: diff.Added}}},
		},
		Topics: []diff.TopicHistory{{Topic: "armed-forces", Label: "Armed forces", Versions: []int{0, 1}, Changes: []diff.TopicChange{
			{From: 0, To: 1, Old: []string{"1"}, New: []string{"2"}, Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"},
		}}},
	}
	var b bytes.Buffer
	if err := diffhtml.WriteLineage(&b, l); err != nil {
		t.Fatal(err)
	}
	golden(t, "lineage.html.golden", []byte(strings.Replace(b.String(), style.CSS, "/* style.CSS */", 1)))
	if !strings.Contains(b.String(), "<td>2 *^</td>") {
		t.Error("the thread table lacks the cell of the amended, moved clause")
	}
}

// Write produces a whole page from a Result.
func ExampleWrite() {
	r := &diff.Result{
		Old: diff.PlanInfo{ID: "draft-1", Clauses: 1},
		New: diff.PlanInfo{ID: "draft-2", Clauses: 1},
		Matches: []diff.Match{{
			Kind: diff.Amended, Old: []string{"6"}, New: []string{"6"},
			Edits: []diff.Edit{
				{Op: diff.Equal, Text: "Troops are capped at "},
				{Op: diff.Delete, Text: "600,000"}, {Op: diff.Insert, Text: "800,000"},
				{Op: diff.Equal, Text: "."},
			},
			Changes: []diff.Change{{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"}},
		}},
		Summary: diff.Summary{Amended: 1},
	}
	var b strings.Builder
	if err := diffhtml.Write(&b, r); err != nil {
		fmt.Println(err)
		return
	}
	page := b.String()
	fmt.Println(strings.HasPrefix(page, "<!DOCTYPE html>"))
	fmt.Println(strings.Contains(page, `<del class="pd-del"><span class="pd-sr-only">[deleted: </span>600,000`))
	// Output:
	// true
	// true
}

// TestOddInput checks that results no Compare makes, as a hand-edited JSON
// document may hold, still give a page rather than an error or a panic.
func TestOddInput(t *testing.T) {
	var b bytes.Buffer
	if err := diffhtml.Write(&b, &diff.Result{Matches: []diff.Match{{}}}); err != nil {
		t.Errorf("a match with nothing in it: %v", err)
	}
	odd := &diff.Lineage{
		Versions:    []diff.PlanInfo{{ID: "a"}, {ID: "b"}, {ID: "c"}},
		Comparisons: []diff.Comparison{{From: 4, To: -2}},
		Threads:     []diff.Thread{{Steps: []diff.Step{{Version: 8}}}},
		Topics:      []diff.TopicHistory{{Versions: []int{9}, Changes: []diff.TopicChange{{From: 7, To: 8}}}},
	}
	if err := diffhtml.WriteLineage(&b, odd); err != nil {
		t.Errorf("a lineage whose indices name no version: %v", err)
	}
}

func TestFoldUnchanged(t *testing.T) {
	r := &diff.Result{}
	for _, p := range []string{"1", "2", "3", "4"} {
		r.Matches = append(r.Matches, diff.Match{Kind: diff.Unchanged, Old: []string{p}, New: []string{p},
			Edits: []diff.Edit{{Op: diff.Equal, Text: "point " + p}}})
	}
	r.Matches = append(r.Matches, diff.Match{Kind: diff.Added, New: []string{"5"}},
		diff.Match{Kind: diff.Unchanged, Old: []string{"5"}, New: []string{"6"}})
	var b bytes.Buffer
	if err := diffhtml.Write(&b, r); err != nil {
		t.Fatal(err)
	}
	page := b.String()
	if n := strings.Count(page, "<details>"); n != 1 {
		t.Errorf("got %d folds, want 1: a run of four unchanged points folds, a lone one does not", n)
	}
	if !strings.Contains(page, "4 unchanged clauses (1 to 4)") {
		t.Error("the fold does not say what it holds")
	}
	for _, p := range []string{"point 1", "point 4"} {
		if !strings.Contains(page, p) {
			t.Errorf("folded text %q is missing: folds hide rows, they do not drop them", p)
		}
	}
}
