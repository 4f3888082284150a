package diff

import (
	"bytes"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// sampleResult returns a hand-built, realistic Result (us-28 → ua-20,
// abridged) that exercises every kind of match and change.
func sampleResult(t testing.TB) *Result {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", "sample-result.json"))
	if err != nil {
		t.Fatal(err)
	}
	var r Result
	if err := json.Unmarshal(b, &r); err != nil {
		t.Fatal(err)
	}
	return &r
}

// golden compares got with testdata/name, or rewrites the file with -update.
func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from the golden file (go test -update rewrites it):\n%s", name, lineDiff(string(want), string(got)))
	}
}

// lineDiff shows the first lines where want and got part.
func lineDiff(want, got string) string {
	wl, gl := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := 0; i < max(len(wl), len(gl)); i++ {
		var w, g string
		if i < len(wl) {
			w = wl[i]
		}
		if i < len(gl) {
			g = gl[i]
		}
		if w != g {
			return "line " + strconv.Itoa(i+1) + ":\n  want: " + strconv.Quote(w) + "\n  got:  " + strconv.Quote(g)
		}
	}
	return "(same lines, different bytes)"
}

func TestWriteText(t *testing.T) {
	r := sampleResult(t)
	for _, tc := range []struct {
		name   string
		opts   TextOptions
		reason string
	}{
		{"result.txt.golden", TextOptions{}, "the default view: 80 columns, markers, unchanged clauses left out"},
		{"result-color.txt.golden", TextOptions{Color: true}, "ANSI colours replace the markers"},
		{"result-narrow.txt.golden", TextOptions{Width: 50, All: true}, "narrow terminals wrap, and All shows unchanged clauses"},
	} {
		var b bytes.Buffer
		if err := r.WriteText(&b, tc.opts); err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		golden(t, tc.name, b.Bytes())
		width := tc.opts.width()
		for i, l := range strings.Split(b.String(), "\n") {
			if n := visibleWidth(l); n > width {
				t.Errorf("%s line %d is %d columns wide, want at most %d (%s): %q", tc.name, i+1, n, width, tc.reason, l)
			}
		}
	}
}

// visibleWidth counts the runes of l that are not part of an ANSI escape.
func visibleWidth(l string) int {
	n, esc := 0, false
	for _, r := range l {
		switch {
		case r == '\x1b':
			esc = true
		case esc:
			esc = r != 'm'
		default:
			n++
		}
	}
	return n
}

func TestWriteJSON(t *testing.T) {
	r := sampleResult(t)
	var a, b bytes.Buffer
	if err := r.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	if err := r.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("two WriteJSON calls on the same Result differ")
	}
	if !bytes.HasSuffix(a.Bytes(), []byte("}\n")) {
		t.Error("WriteJSON output does not end in a newline")
	}
	var back Result
	if err := json.Unmarshal(a.Bytes(), &back); err != nil {
		t.Fatalf("WriteJSON output does not decode: %v", err)
	}
	var again bytes.Buffer
	if err := back.WriteJSON(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), again.Bytes()) {
		t.Errorf("JSON does not round-trip:\n%s", lineDiff(a.String(), again.String()))
	}
	golden(t, "result.json.golden", a.Bytes())
}

func TestWriteMarkdown(t *testing.T) {
	r := sampleResult(t)
	var b bytes.Buffer
	if err := r.WriteMarkdown(&b); err != nil {
		t.Fatal(err)
	}
	golden(t, "result.md.golden", b.Bytes())
}

func TestMarkdownEscapes(t *testing.T) {
	for _, tc := range []struct {
		text, want, reason string
	}{
		{"<script>alert(1)</script>", "&lt;script&gt;alert(1)&lt;/script&gt;", "no HTML gets through"},
		{"[click](http://x)", `\[click\](http://x)`, "no links"},
		{"a | b", `a \| b`, "a pipe must not end a table cell"},
		{"**bold** ~~x~~", `\*\*bold\*\* \~\~x\~\~`, "plan text cannot fake a redline"},
		{"# heading", `\# heading`, "no headings"},
	} {
		r := &Result{Matches: []Match{{Kind: Amended, Old: []string{"1"}, New: []string{"1"},
			Edits:   []Edit{{Op: Equal, Text: "x "}, {Op: Insert, Text: tc.text}},
			Changes: []Change{{Kind: PartyAdded, After: tc.text}}}}}
		var b bytes.Buffer
		if err := r.WriteMarkdown(&b); err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(b.String(), "**"+tc.want+"**") {
			t.Errorf("%q: redline lacks %q (%s):\n%s", tc.text, "**"+tc.want+"**", tc.reason, b.String())
		}
		if !strings.Contains(b.String(), "+ "+tc.want) {
			t.Errorf("%q: meaning table lacks %q (%s):\n%s", tc.text, "+ "+tc.want, tc.reason, b.String())
		}
	}
}

func TestWrapStyled(t *testing.T) {
	for _, tc := range []struct {
		text   string
		width  int
		reason string
	}{
		{"a b c d e f g h i j k l m n o p", 7, "short words fill lines"},
		{"supercalifragilisticexpialidocious is long", 10, "a word wider than a line gets a line of its own"},
		{"  spaces   collapse  between words ", 12, "runs of spaces become one"},
		{"", 10, "nothing in, nothing out"},
	} {
		lines := wrapStyled([]styled{{text: tc.text}}, tc.width, false)
		for _, l := range lines {
			if n := visibleWidth(l); n > tc.width && strings.Contains(l, " ") {
				t.Errorf("%q at %d: line %q is %d wide (%s)", tc.text, tc.width, l, n, tc.reason)
			}
		}
		if got, want := strings.Join(lines, " "), strings.Join(strings.Fields(tc.text), " "); got != want {
			t.Errorf("%q at %d: words changed: %q (%s)", tc.text, tc.width, got, tc.reason)
		}
	}
}

func BenchmarkWriteText(b *testing.B) {
	r := sampleResult(b)
	// A 300-match result: the sample's matches repeated.
	big := *r
	big.Matches = nil
	for len(big.Matches) < 300 {
		big.Matches = append(big.Matches, r.Matches...)
	}
	var out bytes.Buffer
	if err := big.WriteText(&out, TextOptions{}); err != nil {
		b.Fatal(err)
	}
	b.SetBytes(int64(out.Len()))
	b.ResetTimer()
	for b.Loop() {
		out.Reset()
		if err := big.WriteText(&out, TextOptions{Color: true}); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(len(big.Matches)), "matches/op")
}

func TestEscapeListStart(t *testing.T) {
	for _, tc := range []struct {
		in, want, reason string
	}{
		{"- a dash", `\- a dash`, "a dash and a space would start a bullet list"},
		{"+ a plus", `\+ a plus`, "so would a plus"},
		{"12. The point", `12\. The point`, "a number and a dot would start an ordered list"},
		{"3) The point", `3\) The point`, "so would a number and a parenthesis"},
		{"600,000 troops", "600,000 troops", "other numbers are left alone"},
		{"-5 degrees", "-5 degrees", "a dash without a space starts no list"},
		{"2025", "2025", "a bare number starts no list"},
	} {
		if got := escapeListStart(tc.in); got != tc.want {
			t.Errorf("escapeListStart(%q) = %q, want %q (%s)", tc.in, got, tc.want, tc.reason)
		}
	}
}

// TestWritersOddInput feeds the writers results that Compare never makes
// but a hand-edited JSON document may hold: they must not fail or panic.
func TestWritersOddInput(t *testing.T) {
	results := []struct {
		r      *Result
		reason string
	}{
		{&Result{}, "the zero Result"},
		{&Result{Matches: []Match{{}}}, "a match with no kind, paths or edits"},
		{&Result{Matches: []Match{{Kind: Amended, Edits: []Edit{{Op: Delete, Text: "   "}, {Op: Insert, Text: " "}, {Op: "bogus", Text: "x"}}}}}, "blank edits and an unknown op"},
		{&Result{Matches: []Match{{Kind: Added, Changes: []Change{{}}}}}, "an empty change"},
	}
	for _, tc := range results {
		var b bytes.Buffer
		if err := tc.r.WriteText(&b, TextOptions{Color: true, Width: 1}); err != nil {
			t.Errorf("WriteText (%s): %v", tc.reason, err)
		}
		if err := tc.r.WriteMarkdown(&b); err != nil {
			t.Errorf("WriteMarkdown (%s): %v", tc.reason, err)
		}
		if err := tc.r.WriteJSON(&b); err != nil {
			t.Errorf("WriteJSON (%s): %v", tc.reason, err)
		}
	}
	lineages := []struct {
		l      *Lineage
		reason string
	}{
		{&Lineage{}, "the zero Lineage"},
		{&Lineage{
			Comparisons: []Comparison{{From: 3, To: -1}},
			Threads:     []Thread{{Steps: []Step{{Version: 9, Paths: []string{"1"}}}}},
			Topics:      []TopicHistory{{Topic: "x", Versions: []int{7}, Changes: []TopicChange{{From: 5, To: 6}}}},
		}, "indices that name no version"},
	}
	for _, tc := range lineages {
		var b bytes.Buffer
		if err := tc.l.WriteText(&b, TextOptions{Width: 1}); err != nil {
			t.Errorf("WriteText (%s): %v", tc.reason, err)
		}
		if err := tc.l.WriteMarkdown(&b); err != nil {
			t.Errorf("WriteMarkdown (%s): %v", tc.reason, err)
		}
	}
}

func TestTextControlCharacters(t *testing.T) {
	evil := "line\none\ttab \x1b[2Jclear \x07bell \u009bcsi"
	r := &Result{
		Old: PlanInfo{ID: "a\x1b]0;title\x07", Title: evil},
		New: PlanInfo{ID: "b"},
		Matches: []Match{{Kind: Amended, Old: []string{"1\x1b"}, New: []string{"1"}, Topics: []string{evil},
			Edits:   []Edit{{Op: Equal, Text: evil}, {Op: Insert, Text: evil}},
			Changes: []Change{{Kind: PartyAdded, After: evil}}}},
	}
	for _, color := range []bool{false, true} {
		var b bytes.Buffer
		if err := r.WriteText(&b, TextOptions{Color: color}); err != nil {
			t.Fatal(err)
		}
		out := b.String()
		if color {
			// Only the writer's own colour codes may remain.
			out = regexpSGR.ReplaceAllString(out, "")
		}
		for _, bad := range []string{"\x1b", "\x07", "\u009b", "\t"} {
			if strings.Contains(out, bad) {
				t.Errorf("color %v: output contains %q: plan text must not reach the terminal raw", color, bad)
			}
		}
		if strings.Contains(out, "line\none") {
			t.Errorf("color %v: a line break in plan text broke the layout", color)
		}
	}
	var md bytes.Buffer
	if err := r.WriteMarkdown(&md); err != nil {
		t.Fatal(err)
	}
	if strings.ContainsAny(md.String(), "\x1b\x07") {
		t.Error("Markdown output contains control characters")
	}
}

var regexpSGR = regexp.MustCompile("\x1b\\[[0-9;]*m")

// FuzzWriteText checks that any text in a Result, at any width, gives
// lines no wider than the width (unless a single word is) and no panic.
//
//	go test -fuzz FuzzWriteText -fuzztime 30s ./diff
func FuzzWriteText(f *testing.F) {
	f.Add("The Armed Forces of Ukraine ", "are capped at 600,000", "keep 800,000 in peacetime", 80, true)
	f.Add("", "  ", "\n\t", 1, false)
	f.Add("a\x1b[31mb", "é\u0301 ünïcode", "[-x-]{+y+}", 45, true)
	f.Fuzz(func(t *testing.T, equal, del, ins string, width int, color bool) {
		r := &Result{
			Old: PlanInfo{ID: "old", Title: equal}, New: PlanInfo{ID: "new", Title: ins},
			Matches: []Match{{Kind: Amended, Old: []string{"1"}, New: []string{"1"}, Topics: []string{del},
				Edits:   []Edit{{Op: Equal, Text: equal}, {Op: Delete, Text: del}, {Op: Insert, Text: ins}},
				Changes: []Change{{Kind: QuantityChange, Before: del, After: ins}}}},
		}
		opts := TextOptions{Width: width % 200, Color: color}
		var b bytes.Buffer
		if err := r.WriteText(&b, opts); err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(b.String(), "\n") {
			plain := regexpSGR.ReplaceAllString(l, "")
			if n := utf8.RuneCountInString(plain); n > opts.width() && strings.Contains(strings.TrimSpace(plain), " ") && !longWord(plain, opts.width()) {
				t.Errorf("line is %d wide at width %d: %q", n, opts.width(), plain)
			}
		}
	})
}

// longWord reports whether l holds a word too wide for a line on its own,
// which is the one reason a line may overflow.
func longWord(l string, width int) bool {
	for _, w := range strings.Fields(l) {
		if utf8.RuneCountInString(w) > width/2 {
			return true
		}
	}
	return false
}
