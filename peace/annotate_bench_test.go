package peace_test

import (
	"bytes"
	"testing"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// BenchmarkAnnotate reads the facts of every clause of a generated plan of
// 30,000 points (about 9 MB). Parsing alone is the baseline in the same
// run; "annotate" reads facts of clauses already parsed, and
// "parse+annotate" does both, the work diff.Compare starts with.
//
//	go test -run=NONE -bench=Annotate -cpuprofile=cpu.out ./peace
func BenchmarkAnnotate(b *testing.B) {
	text := peacetest.Plan(30_000, 1)
	plan, err := peace.Parse(bytes.NewReader(text))
	if err != nil {
		b.Fatal(err)
	}
	var clauses []*peace.Clause
	words := 0
	for c := range plan.All() {
		clauses = append(clauses, c)
		words += len(c.Heading) + len(c.Text)
	}
	lex := peace.DefaultLexicon()
	lex.AnnotateText("") // compile the lexicon outside the timing
	b.Run("parse", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			if _, err := peace.Parse(bytes.NewReader(text)); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("annotate", func(b *testing.B) {
		b.SetBytes(int64(words))
		b.ReportAllocs()
		for b.Loop() {
			for _, c := range clauses {
				lex.Annotate(c)
			}
		}
		b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(clauses)), "ns/clause")
	})
	b.Run("parse+annotate", func(b *testing.B) {
		b.SetBytes(int64(len(text)))
		for b.Loop() {
			p, err := peace.Parse(bytes.NewReader(text))
			if err != nil {
				b.Fatal(err)
			}
			for c := range p.All() {
				lex.Annotate(c)
			}
		}
	})
}
