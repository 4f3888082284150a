package diff

import (
	"bytes"
	"fmt"
	"testing"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// benchPair returns the texts of two versions of a generated plan of n points.
func benchPair(n int, seed uint64) (old, new []byte) {
	return peacetest.Pair(n, seed)
}

// BenchmarkCompare parses and compares two versions of plans of growing
// size; ns/clause should stay about flat.
func BenchmarkCompare(b *testing.B) {
	for _, n := range []int{28, 300, 3000, 30000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			old, new := benchPair(n, 1)
			b.SetBytes(int64(len(old) + len(new)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				parseCompare(b, old, new)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/clause")
			if d := cpuTime() - cpu; d > 0 {
				b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// parseCompare is the whole job on two plan texts: parse both, compare.
func parseCompare(b *testing.B, old, new []byte) {
	po, err := peace.Parse(bytes.NewReader(old))
	if err != nil {
		b.Fatal(err)
	}
	pn, err := peace.Parse(bytes.NewReader(new))
	if err != nil {
		b.Fatal(err)
	}
	if _, err := Compare(po, pn); err != nil {
		b.Fatal(err)
	}
}
