package peace_test

import (
	"bytes"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/peacediff/peacediff/peace"
)

// FuzzParse checks that Parse never panics and that every plan it reads
// survives a round trip through Format: Parse(Format(p)) is p.
//
//	go test -run=FuzzParse -fuzz=FuzzParse -fuzztime=60s -fuzzminimizetime=5s ./peace
//
// The seeds include the bundled plans, which are long: without
// -fuzzminimizetime the fuzzer may spend up to a minute shrinking each new
// interesting input, reporting 0 execs/sec meanwhile.
func FuzzParse(f *testing.F) {
	for _, b := range bundled(f) {
		f.Add(string(b))
	}
	for _, rw := range rewrites {
		for _, b := range bundled(f) {
			p, err := peace.Parse(bytes.NewReader(b))
			if err != nil {
				f.Fatal(err)
			}
			f.Add(rw.render(p))
			break
		}
	}
	for _, s := range []string{
		reference,
		"1. a\n\nmore\n\n## Section\n\ntext\n2. b\n  - c\n    i) d\nSource: x\n",
		"Point 1 - x:\n→ y\n• z\nArticle 2. **Energy:** w\n",
		"# T\n\nintro\n\n**1.** a\n   (a) b\n   (b) c\n",
		`{"id":"x","clauses":[{"label":"1","text":"a","children":[{"text":"b"}]}]}`,
		"title: x\n  y\nkey: v\n\n1.º a\n2º b\n",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, err := peace.Parse(strings.NewReader(s))
		if err != nil {
			return
		}
		if strings.TrimSpace(s)[0] == '{' {
			return // JSON may hold text that the plain format folds
		}
		var out bytes.Buffer
		if err := p.Format(&out); err != nil {
			t.Fatal(err)
		}
		formatted := out.String()
		q, err := peace.Parse(&out)
		if err != nil {
			t.Fatalf("Parse(Format(p)): %v\nformatted:\n%s", err, formatted)
		}
		if !cmp.Equal(p, q, planCmp) {
			t.Fatalf("Parse(Format(p)) differs (-p +again):\n%s\nformatted:\n%s", cmp.Diff(p, q, planCmp), formatted)
		}
	})
}
