package peace_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/peacediff/peacediff/peace"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/")

// planCmp compares plans field by field, clause paths included.
var planCmp = cmp.AllowUnexported(peace.Clause{})

func mustParse(t testing.TB, s string) *peace.Plan {
	t.Helper()
	p, err := peace.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatalf("Parse: %v\ninput:\n%s", err, s)
	}
	return p
}

// bundled returns the bundled plans as name → text.
func bundled(t testing.TB) map[string][]byte {
	t.Helper()
	files, err := filepath.Glob("../examples/plans/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no bundled plans in ../examples/plans: %v", err)
	}
	m := make(map[string][]byte)
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		m[filepath.Base(f)] = b
	}
	return m
}

// The reference plan of the variant tests, in the canonical format.
const reference = `title: Test framework
id: t-3
date: 2025-11-20
author: First Author
author: Second Author
source: a test

1. The sovereignty of Ukraine will be confirmed.
2. Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.
3. Guarantee provided by the United States:
   a) The United States will be compensated.
   b) If Ukraine invades Russia, Ukraine will lose the guarantee.
4. Ukraine will hold elections within 100 days.
`

// The same tree with sub-points that have no labels of their own.
const referenceBullets = `title: Test framework
id: t-3
date: 2025-11-20
author: First Author
author: Second Author
source: a test

1. The sovereignty of Ukraine will be confirmed.
2. Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.
3. Guarantee provided by the United States:
   1) The United States will be compensated.
   2) If Ukraine invades Russia, Ukraine will lose the guarantee.
4. Ukraine will hold elections within 100 days.
`

const refHeader = "title: Test framework\nid: t-3\ndate: 2025-11-20\nauthor: First Author\nauthor: Second Author\nsource: a test\n\n"

func TestParseVariants(t *testing.T) {
	for _, tt := range []struct {
		name, reason string
		input, want  string
	}{
		{"canonical", "the format Plan.Format writes", reference, reference},
		{"paren", "numbers and letters in parentheses, sub-points not indented",
			refHeader + "(1) The sovereignty of Ukraine will be confirmed.\n(2) Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\n(3) Guarantee provided by the United States:\n(a) The United States will be compensated.\n(b) If Ukraine invades Russia, Ukraine will lose the guarantee.\n(4) Ukraine will hold elections within 100 days.\n",
			reference},
		{"close-paren-dot-letters", "1) points and a. sub-points",
			refHeader + "1) The sovereignty of Ukraine will be confirmed.\n2) Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\n3) Guarantee provided by the United States:\na. The United States will be compensated.\nb. If Ukraine invades Russia, Ukraine will lose the guarantee.\n4) Ukraine will hold elections within 100 days.\n",
			reference},
		{"ordinal", "Spanish and Portuguese ordinal numbers 1.º",
			refHeader + "1.º The sovereignty of Ukraine will be confirmed.\n2.º Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\n3.º Guarantee provided by the United States:\n  a) The United States will be compensated.\n  b) If Ukraine invades Russia, Ukraine will lose the guarantee.\n4º Ukraine will hold elections within 100 days.\n",
			reference},
		{"point-keyword", "Point N: labels with dash bullets, CRLF and a byte order mark",
			"\ufeff" + strings.ReplaceAll(refHeader+"Point 1: The sovereignty of Ukraine will be confirmed.\nPoint 2: Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\nPoint 3 - Guarantee provided by the United States:\n- The United States will be compensated.\n- If Ukraine invades Russia, Ukraine will lose the guarantee.\nPoint 4 - Ukraine will hold elections within 100 days.\n", "\n", "\r\n"),
			referenceBullets},
		{"article-keyword", "Article N on a line of its own, its text on the next lines",
			refHeader + "Article 1\nThe sovereignty of Ukraine will be confirmed.\n\nArticle 2.\nTerritory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\n\nArticle 3\nGuarantee provided by the United States:\n• The United States will be compensated.\n• If Ukraine invades Russia, Ukraine will lose the guarantee.\n\nArticle 4\nUkraine will hold elections within 100 days.\n",
			referenceBullets},
		{"markdown", "a Markdown ordered list with a # title, emphasis and nested bullets",
			"id: t-3\ndate: 2025-11-20\nauthor: First Author\nauthor: Second Author\nsource: a test\n\n# Test framework\n\n1. The sovereignty of Ukraine will be confirmed.\n2. **Territory:** Russia, Ukraine and Europe will conclude a non-aggression agreement.\n3. **Guarantee provided by the United States:**\n   * The United States will be compensated.\n   * If Ukraine invades Russia, Ukraine will lose the guarantee.\n4. Ukraine will hold elections within 100 days.\n",
			referenceBullets},
		{"markdown-bold-labels", "labels in bold and blank lines between points",
			refHeader + "**1.** The sovereignty of Ukraine will be confirmed.\n\n**2.** Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\n\n**3.** Guarantee provided by the United States:\n\n   a. The United States will be compensated.\n\n   b. If Ukraine invades Russia, Ukraine will lose the guarantee.\n\n**4.** Ukraine will hold elections within 100 days.\n",
			reference},
		{"wrapped", "points wrapped over several lines, some continuation lines indented",
			refHeader + "1. The sovereignty of\nUkraine will be confirmed.\n2. Territory: Russia, Ukraine\n   and Europe will conclude\n   a non-aggression agreement.\n3. Guarantee provided by\nthe United States:\n   a) The United States will\n      be compensated.\n   b) If Ukraine invades Russia,\n   Ukraine will lose the guarantee.\n4. Ukraine will hold elections\nwithin 100 days.\n",
			reference},
		{"tabs-and-spaces", "tabs, no-break spaces and runs of spaces become single spaces",
			refHeader + "1.\tThe  sovereignty of\u00a0Ukraine will be confirmed.   \n2.  Territory:\tRussia, Ukraine and Europe will conclude a non-aggression agreement.\n3. Guarantee provided by the United States:\n\ta) The United States will be compensated.\n\tb) If Ukraine invades Russia, Ukraine will lose the guarantee.\n4. Ukraine will hold elections within 100 days.\n",
			reference},
		{"arrows", "arrow bullets under a number, not indented",
			refHeader + "1. The sovereignty of Ukraine will be confirmed.\n2. Territory: Russia, Ukraine and Europe will conclude a non-aggression agreement.\n3. Guarantee provided by the United States:\n→ The United States will be compensated.\n→ If Ukraine invades Russia, Ukraine will lose the guarantee.\n4. Ukraine will hold elections within 100 days.\n",
			referenceBullets},
		{"capitalised-header", "known header keys in any case; the first blank line ends the header",
			"Title: Test framework\nID: t-3\nDate: 2025-11-20\nAuthor: First Author\nauthor: Second Author\nSOURCE: a test\n\n" + reference[len(refHeader):],
			reference},
		{"wrapped-header", "an indented header line continues the value above",
			"title: Test\n  framework\nid: t-3\ndate: 2025-11-20\nauthor: First Author\nauthor: Second Author\nsource: a test\n\n" + reference[len(refHeader):],
			reference},
		{"preamble", "a news article's introduction before point 1 is kept in Meta",
			"Washington, 20 November. The draft, seen by reporters,\nreads as follows.\n\nIt has four points.\n1. One.\n2. Two.\n",
			"preamble: Washington, 20 November. The draft, seen by reporters, reads as follows. It has four points.\n\n1. One.\n2. Two.\n"},
		{"postscript", "a note after the last point is kept in Meta, an indented paragraph continues the point",
			"1. One.\n2. Two.\n\n   Second paragraph of two.\n\nSource: a news agency.\nAll rights reserved.\n",
			"postscript: Source: a news agency. All rights reserved.\n\n1. One.\n2. Two. Second paragraph of two.\n"},
		{"paragraph-between-points", "a paragraph between two points continues the first",
			"1. One.\n\nMore about one.\n\n2. Two.\n",
			"1. One. More about one.\n2. Two.\n"},
		{"sections", "Markdown section headings after the first point go to Meta",
			"# Plan\n\n## Security\n\n1. One.\n\n## Economy\n\nIntroduction to the economy.\n\n2. Two.\n",
			"title: Plan\npreamble: Security\nsection: Economy Introduction to the economy.\n\n1. One.\n2. Two.\n"},
		{"heading-points", "points written as Markdown headings",
			"## 1. One.\n## Article 2: Two.\nMore of two.\n",
			"1. One.\n2. Two. More of two.\n"},
		{"roman-under-letters", "i) after b) starts roman sub-points; c) goes back to the letters",
			"1. One:\na) x\nb) y\ni) y one\nii) y two\nc) z\n2. Two.\n",
			"1. One:\n   a) x\n   b) y\n      i) y one\n      ii) y two\n   c) z\n2. Two.\n"},
		{"i-after-h", "i) after h) is the next letter, not a roman one",
			"1. One:\na) a\nb) b\nc) c\nd) d\ne) e\nf) f\ng) g\nh) h\ni) i\nj) j\nv) v\n",
			"1. One:\n   a) a\n   b) b\n   c) c\n   d) d\n   e) e\n   f) f\n   g) g\n   h) h\n   i) i\n   j) j\n   v) v\n"},
		{"upper-sections", "A. sections holding numbered points",
			"A. Security\n1. One.\n2. Two.\nB. Economy\n1. Three.\n",
			"A. Security\n   1) One.\n   2) Two.\nB. Economy\n   1) Three.\n"},
		{"article-reference", "a wrapped line starting 'Article 5:' continues the text",
			"1. A guarantee that mirrors\nArticle 5: it is binding.\n2. Two.\n",
			"1. A guarantee that mirrors Article 5: it is binding.\n2. Two.\n"},
		{"mixed-numbering", "Point 3 - after 2. continues the numbering",
			"1. One.\n2. Two.\nPoint 3 - Three.\n",
			"1. One.\n2. Two.\n3. Three.\n"},
		{"deep-indent", "three levels by indentation, bullets and numbers",
			"1. One\n  - two\n    - three\n      1. four\n  - five\n2. Six\n",
			"1. One\n   1) two\n      1) three\n         1) four\n   2) five\n2. Six\n"},
		{"same-indent-siblings", "under an indented sub-point, points at its indentation are siblings",
			"1. One\n   a) x\n   - y\n",
			"1. One\n   a) x\n   2) y\n"},
		{"repeated-header-keys", "a second title goes to Meta; unknown keys stay in order",
			"title: One\nversion: 2\ntitle: Two\nlang: en\nnote:\n\n1. x\n",
			"title: One\nversion: 2\ntitle: Two\nlang: en\n\n1. x\n"},
		{"not-a-header", "a capitalised unknown key is the preamble, not a header",
			"Washington: the plan has points.\n\n1. x\n",
			"preamble: Washington: the plan has points.\n\n1. x\n"},
		{"not-labels", "e.g., 1.5 and St. are not labels",
			"1. x\ne.g. one\n1.5 million\nSt. Petersburg\n",
			"1. x e.g. one 1.5 million St. Petersburg\n"},
		{"rules", "Markdown rules count as blank lines",
			"1. x\n---\n2. y\n* * *\n",
			"1. x\n2. y\n"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got := mustParse(t, tt.input)
			want := mustParse(t, tt.want)
			if d := cmp.Diff(want, got, planCmp); d != "" {
				t.Errorf("%s\nParse mismatch (-want +got):\n%s", tt.reason, d)
			}
		})
	}
}

func TestParseHeadings(t *testing.T) {
	for _, tt := range []struct {
		reason, line  string
		heading, text string
	}{
		{"whole text ends with a colon", "1. Territories:", "Territories", ""},
		{"long heading", "1. Guarantee provided by the United States:", "Guarantee provided by the United States", ""},
		{"short capitalised phrase", "1. Territory: Ukraine commits to it.", "Territory", "Ukraine commits to it."},
		{"three words", "1. Security Guarantees Annex: text.", "Security Guarantees Annex", "text."},
		{"four words are a sentence", "1. Ukraine's sovereignty will be: text.", "", "Ukraine's sovereignty will be: text."},
		{"lower case is a sentence", "1. sanctions: lifted.", "", "sanctions: lifted."},
		{"a ratio is not a heading", "1. Shares 50:50 apply.", "", "Shares 50:50 apply."},
		{"bold heading", "1. **Energy:** the plant restarts.", "Energy", "the plant restarts."},
		{"bold heading, colon outside", "1. **Energy**: the plant restarts.", "Energy", "the plant restarts."},
		{"bold whole heading", "1. **Territories:**", "Territories", ""},
		{"empty point", "1.", "", ""},
	} {
		p := mustParse(t, tt.line+"\n")
		c := p.Clauses[0]
		if c.Heading != tt.heading || c.Text != tt.text {
			t.Errorf("%s: %q: got heading %q text %q, want %q %q", tt.reason, tt.line, c.Heading, c.Text, tt.heading, tt.text)
		}
	}
}

func TestParsePaths(t *testing.T) {
	p := mustParse(t, "1. a\n2. b\n- x\n- y\nC) z\n")
	var got []string
	for c := range p.All() {
		got = append(got, c.Path())
	}
	want := []string{"1", "2", "2.1", "2.2", "2.2.c"}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("paths (-want +got):\n%s", d)
	}
}

// TestParseBundled checks that each bundled plan is canonical: it parses,
// and Format writes its bytes back unchanged.
func TestParseBundled(t *testing.T) {
	for name, b := range bundled(t) {
		p := mustParse(t, string(b))
		if len(p.Clauses) < 10 || p.ID == "" || p.Title == "" {
			t.Errorf("%s: %d points, id %q, title %q", name, len(p.Clauses), p.ID, p.Title)
		}
		var out bytes.Buffer
		if err := p.Format(&out); err != nil {
			t.Fatal(err)
		}
		if out.String() != string(b) {
			t.Errorf("%s: Format(Parse(file)) differs from the file:\n%s", name, cmp.Diff(string(b), out.String()))
		}
	}
}

// A rewrite prints a plan in one of the styles people use.
type rewrite struct {
	name, reason string
	bullets      bool // sub-points lose their labels
	render       func(p *peace.Plan) string
}

func clauseText(c *peace.Clause) string {
	switch {
	case c.Heading != "" && c.Text != "":
		return c.Heading + ": " + c.Text
	case c.Heading != "":
		return c.Heading + ":"
	}
	return c.Text
}

func headerLines(p *peace.Plan, title bool, keys func(string) string) string {
	var b strings.Builder
	h := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", keys(k), v)
		}
	}
	if title {
		h("title", p.Title)
	}
	h("id", p.ID)
	h("date", p.Date)
	for _, a := range p.Authors {
		h("author", a)
	}
	h("source", p.Source)
	for _, f := range p.Meta {
		fmt.Fprintf(&b, "%s: %s\n", f.Key, f.Value)
	}
	b.WriteString("\n")
	return b.String()
}

// wrap breaks s into lines of at most width bytes at spaces.
func wrap(s string, width int) []string {
	var lines []string
	for len(s) > width {
		i := strings.LastIndexByte(s[:width+1], ' ')
		if i <= 0 {
			i = strings.IndexByte(s, ' ')
			if i < 0 {
				break
			}
		}
		lines = append(lines, s[:i])
		s = s[i+1:]
	}
	return append(lines, s)
}

var rewrites = []rewrite{
	{
		name:   "paren-flush",
		reason: "(1) points and (a) sub-points, nothing indented, blank lines between points, capitalised header keys",
		render: func(p *peace.Plan) string {
			var b strings.Builder
			b.WriteString(headerLines(p, true, func(k string) string { return strings.ToUpper(k[:1]) + k[1:] }))
			for _, c := range p.Clauses {
				fmt.Fprintf(&b, "(%s) %s\n", c.Label, clauseText(c))
				for _, k := range c.Children {
					fmt.Fprintf(&b, "(%s) %s\n", k.Label, clauseText(k))
				}
				b.WriteString("\n")
			}
			return b.String()
		},
	},
	{
		name:    "point-bullets-crlf-bom",
		reason:  "Point N: labels, dash bullets, CRLF line ends and a byte order mark",
		bullets: true,
		render: func(p *peace.Plan) string {
			var b strings.Builder
			b.WriteString("\ufeff")
			b.WriteString(headerLines(p, true, strings.ToLower))
			for _, c := range p.Clauses {
				fmt.Fprintf(&b, "Point %s: %s\n", c.Label, clauseText(c))
				for _, k := range c.Children {
					fmt.Fprintf(&b, "- %s\n", clauseText(k))
				}
			}
			return strings.ReplaceAll(b.String(), "\n", "\r\n")
		},
	},
	{
		name:   "markdown",
		reason: "Markdown: # title, bold ordered-list labels, nested a. items indented four spaces",
		render: func(p *peace.Plan) string {
			var b strings.Builder
			b.WriteString(headerLines(p, false, strings.ToLower))
			fmt.Fprintf(&b, "# %s\n\n", p.Title)
			for _, c := range p.Clauses {
				fmt.Fprintf(&b, "**%s.** %s\n", c.Label, clauseText(c))
				if len(c.Children) > 0 {
					b.WriteString("\n")
				}
				for _, k := range c.Children {
					fmt.Fprintf(&b, "    %s. %s\n", k.Label, clauseText(k))
				}
				b.WriteString("\n")
			}
			return b.String()
		},
	},
	{
		name:   "wrapped-60",
		reason: "canonical labels, text wrapped at 60 columns, continuation lines flush left",
		render: func(p *peace.Plan) string {
			var b strings.Builder
			b.WriteString(headerLines(p, true, strings.ToLower))
			for _, c := range p.Clauses {
				b.WriteString(strings.Join(wrap(c.Label+". "+clauseText(c), 60), "\n"))
				b.WriteString("\n")
				for _, k := range c.Children {
					b.WriteString(strings.Join(wrap("   "+k.Label+") "+clauseText(k), 60), "\n"))
					b.WriteString("\n")
				}
			}
			return b.String()
		},
	},
	{
		name:   "article-tabs",
		reason: "Article N. points, tab-indented sub-points, text wrapped at 70 with hanging indents",
		render: func(p *peace.Plan) string {
			var b strings.Builder
			b.WriteString(headerLines(p, true, strings.ToLower))
			for _, c := range p.Clauses {
				lines := wrap("Article "+c.Label+". "+clauseText(c), 70)
				b.WriteString(strings.Join(lines, "\n    "))
				b.WriteString("\n")
				for _, k := range c.Children {
					lines := wrap(k.Label+") "+clauseText(k), 70)
					b.WriteString("\t" + strings.Join(lines, "\n\t   "))
					b.WriteString("\n")
				}
			}
			return b.String()
		},
	},
}

// positional relabels every sub-point by its position, as bullets are.
func positional(p *peace.Plan) {
	var relabel func(cs []*peace.Clause)
	relabel = func(cs []*peace.Clause) {
		for i, c := range cs {
			c.Label = fmt.Sprint(i + 1)
			relabel(c.Children)
		}
	}
	for _, c := range p.Clauses {
		relabel(c.Children)
	}
	p.Link()
}

// TestParseRewrites prints every bundled plan in other styles and checks
// that each reads back into the same tree.
func TestParseRewrites(t *testing.T) {
	for name, b := range bundled(t) {
		for _, rw := range rewrites {
			t.Run(name+"/"+rw.name, func(t *testing.T) {
				want := mustParse(t, string(b))
				text := rw.render(want)
				if text == string(b) {
					t.Fatal("the rewrite did not change the text")
				}
				got := mustParse(t, text)
				if rw.bullets {
					positional(want)
				}
				if d := cmp.Diff(want, got, planCmp); d != "" {
					t.Errorf("%s: tree differs (-want +got):\n%s\ninput:\n%s", rw.reason, d, text)
				}
			})
		}
	}
}

func TestParseJSON(t *testing.T) {
	for name, b := range bundled(t) {
		want := mustParse(t, string(b))
		for _, indent := range []string{"", "  "} {
			data, err := json.MarshalIndent(want, "", indent)
			if err != nil {
				t.Fatal(err)
			}
			got := mustParse(t, "\ufeff \n"+string(data))
			if d := cmp.Diff(want, got, planCmp); d != "" {
				t.Errorf("%s: JSON round trip (-want +got):\n%s", name, d)
			}
			if got.Clause("10") == nil && got.Clause("1") == nil {
				t.Errorf("%s: JSON plan not linked", name)
			}
		}
	}
}

// lazyReader produces n bytes of b, or bytes forever when n < 0, without
// holding them.
type lazyReader struct {
	b byte
	n int64
}

func (r *lazyReader) Read(p []byte) (int, error) {
	if r.n == 0 {
		return 0, io.EOF
	}
	if r.n > 0 && int64(len(p)) > r.n {
		p = p[:r.n]
	}
	for i := range p {
		p[i] = r.b
	}
	if r.n > 0 {
		r.n -= int64(len(p))
	}
	return len(p), nil
}

// nestedReader writes n points, each indented two columns more than the
// one before, without holding them.
type nestedReader struct {
	i, n int
	buf  []byte
}

func (r *nestedReader) Read(p []byte) (int, error) {
	for len(r.buf) == 0 {
		if r.i == r.n {
			return 0, io.EOF
		}
		r.buf = append(bytes.Repeat([]byte(" "), 2*r.i), "- sub-point\n"...)
		r.i++
	}
	n := copy(p, r.buf)
	r.buf = r.buf[n:]
	return n, nil
}

func TestParseLimits(t *testing.T) {
	start := time.Now()
	_, err := peace.Parse(&lazyReader{b: 'a', n: -1})
	if !errors.Is(err, peace.ErrTooLarge) {
		t.Errorf("endless single line: got %v, want ErrTooLarge", err)
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("endless single line took %v", d)
	}

	// 100,000 nested sub-points: far past the size limit, read lazily.
	_, err = peace.Parse(&nestedReader{n: 100_000})
	if !errors.Is(err, peace.ErrTooLarge) {
		t.Errorf("100,000 nested points: got %v, want ErrTooLarge", err)
	}
	// ... and with a limit large enough for the first 3,000 of them.
	pp := peace.Parser{MaxBytes: 10 << 20}
	_, err = pp.Parse(&nestedReader{n: 3000})
	var pe *peace.ParseError
	if !errors.As(err, &pe) || pe.Line != peace.DefaultMaxDepth+1 || !strings.Contains(err.Error(), "deeper than 8 levels") {
		t.Errorf("3,000 nested points: got %v, want a depth error at line %d", err, peace.DefaultMaxDepth+1)
	}

	// 100,000 nested children in JSON.
	var js strings.Builder
	js.WriteString(`{"clauses":[`)
	for range 100_000 {
		js.WriteString(`{"label":"a","text":"x","children":[`)
	}
	for range 100_000 {
		js.WriteString(`]}`)
	}
	js.WriteString(`]}`)
	if _, err := peace.Parse(strings.NewReader(js.String())); !errors.As(err, &pe) {
		t.Errorf("100,000 nested JSON points: got %v, want a ParseError", err)
	}

	// 100,000 points in cycling label styles: a result, quickly.
	var flat strings.Builder
	styles := []string{"%d.", "a)", "i)", "-", "•", "→", "A.", "I."}
	for i := range 100_000 {
		s := styles[i%len(styles)]
		if s == "%d." {
			s = fmt.Sprintf("%d.", i/len(styles)+1)
		}
		fmt.Fprintf(&flat, "%s point %d\n", s, i)
	}
	p, err := peace.Parse(strings.NewReader(flat.String()))
	if err != nil {
		t.Fatalf("100,000 points in cycling styles: %v", err)
	}
	if n := p.Len(); n != 100_000 {
		t.Errorf("100,000 points in cycling styles: got %d clauses", n)
	}

	small := peace.Parser{MaxBytes: 100, MaxDepth: 2, MaxClauses: 3}
	for _, tt := range []struct {
		reason, input, want string
	}{
		{"past MaxBytes", strings.Repeat("1. x\n", 30), "larger than 100 bytes"},
		{"past MaxDepth", "1. x\n  a) y\n    i) z\n", "line 3, column 5: points nested deeper than 2 levels"},
		{"past MaxClauses", "1. x\n2. y\n3. z\n4. w\n", "line 4: more than 3 clauses"},
		{"JSON past MaxClauses", `{"clauses":[{"label":"1"},{"label":"2"},{"label":"3"},{"label":"4"}]}`, "more than 3 clauses"},
		{"JSON past MaxDepth", `{"clauses":[{"children":[{"children":[{}]}]}]}`, "deeper than 2 levels"},
		{"JSON null clause", `{"clauses":[{"children":[null]}]}`, "JSON plan has a null clause"},
		{"JSON duplicate paths", `{"clauses":[{"label":"A"},{"label":"a"}]}`, "two clauses with path a"},
		{"JSON position clashes with label", `{"clauses":[{"label":"2"},{}]}`, "two clauses with path 2"},
	} {
		_, err := small.Parse(strings.NewReader(tt.input))
		if err == nil || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: got error %v, want one containing %q", tt.reason, err, tt.want)
		}
	}
}

func TestParseErrors(t *testing.T) {
	for _, tt := range []struct {
		name, reason string
		input        string
		line, col    int
		msg          string
	}{
		{"empty", "nothing to read", "", 1, 0, "peace: line 1: empty input"},
		{"blank", "white space only", " \n\t\r\n", 1, 0, "empty input"},
		{"bom-only", "a byte order mark alone", "\ufeff", 1, 0, "empty input"},
		{"header-only", "a header and no points", "title: x\nid: y\n", 2, 0, "peace: line 2: no numbered points found"},
		{"prose", "prose with no labels", "The plan\nhas no points.\n\n", 3, 0, "no numbered points found"},
		{"invalid-utf8", "a Latin-1 byte", "1. x\n2. caf\xe9 au lait\n", 2, 7, "invalid UTF-8 byte 0xe9"},
		{"binary", "a NUL byte", "1. x\x00y\n", 1, 5, "control character U+0000"},
		{"duplicate", "two points 3 would have the same path", "1. a\n3. b\n\n3. c\n", 4, 1, "point 3 appears twice"},
		{"duplicate-case", "A and a give the same path", "1. x\n  a) y\n  A) z\n", 3, 3, "point A appears twice"},
		{"duplicate-position", "a bullet in position 2 clashes with label 2", "1. x\n  2) y\n  - z\n", 3, 3, "unlabelled point in position 2"},
		{"json-syntax", "a missing comma", "{\n  \"id\": \"x\"\n  \"title\": \"y\"\n}", 3, 3, `JSON: want ',' or '}' after the value of "id", got '"'`},
		{"json-type", "a number where a string belongs", "{\"clauses\": [\n  {\"label\": 7}\n]}", 2, 13, "JSON: clauses[0].label: want a string, got a number"},
		{"json-empty", "a JSON plan with no clauses", `{"id": "x"}`, 1, 1, "JSON plan has no clauses"},
		{"json-trailing", "data after the object", "{\"clauses\":[{}]} x", 1, 18, "JSON: data after the JSON value"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, err := peace.Parse(strings.NewReader(tt.input))
			var pe *peace.ParseError
			if !errors.As(err, &pe) {
				t.Fatalf("%s: got %v, want a *ParseError", tt.reason, err)
			}
			if pe.Line != tt.line || pe.Col != tt.col || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("%s: got line %d col %d %q, want line %d col %d and %q", tt.reason, pe.Line, pe.Col, err, tt.line, tt.col, tt.msg)
			}
		})
	}
}

type failReader struct{}

func (failReader) Read([]byte) (int, error) { return 0, errors.New("disk on fire") }

func TestParseReadError(t *testing.T) {
	_, err := peace.Parse(failReader{})
	if err == nil || !strings.Contains(err.Error(), "peace: reading plan: disk on fire") {
		t.Errorf("got %v", err)
	}
}

// A txtar archive: a comment, then files introduced by "-- name --" lines.
type archive struct {
	comment string
	files   []txtarFile
}

type txtarFile struct {
	name string
	data string
}

func parseTxtar(s string) archive {
	var a archive
	cur := -1
	for line := range strings.Lines(s) {
		t := strings.TrimRight(line, "\n")
		if strings.HasPrefix(t, "-- ") && strings.HasSuffix(t, " --") && len(t) > 6 {
			a.files = append(a.files, txtarFile{name: t[3 : len(t)-3]})
			cur = len(a.files) - 1
			continue
		}
		if cur < 0 {
			a.comment += line
		} else {
			a.files[cur].data += line
		}
	}
	return a
}

func (a archive) format() string {
	var b strings.Builder
	b.WriteString(a.comment)
	for _, f := range a.files {
		fmt.Fprintf(&b, "-- %s --\n%s", f.name, f.data)
		if f.data != "" && !strings.HasSuffix(f.data, "\n") {
			b.WriteString("\n")
		}
	}
	return b.String()
}

// TestParseGolden parses the input.txt of each testdata/parse/*.txtar and
// compares the plan, as indented JSON, with its want.json; a file named
// error instead holds the expected error. Run with -update to rewrite the
// expectations from the output.
func TestParseGolden(t *testing.T) {
	files, err := filepath.Glob("testdata/parse/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no golden files: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			b, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			a := parseTxtar(string(b))
			if len(a.files) < 2 || a.files[0].name != "input.txt" {
				t.Fatalf("want files input.txt and want.json or error, got %d files", len(a.files))
			}
			var got string
			p, err := peace.Parse(strings.NewReader(a.files[0].data))
			if err != nil {
				got = err.Error() + "\n"
				a.files[1].name = "error"
			} else {
				js, err := json.MarshalIndent(p, "", "  ")
				if err != nil {
					t.Fatal(err)
				}
				got = string(js) + "\n"
				a.files[1].name = "want.json"
			}
			if *update {
				a.files[1].data = got
				if err := os.WriteFile(file, []byte(a.format()), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			if want := a.files[1].data; got != want {
				t.Errorf("%s\n(-want +got):\n%s", strings.TrimSpace(a.comment), cmp.Diff(want, got))
			}
		})
	}
}
