package diff

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
	"github.com/sergi/go-diff/diffmatchpatch"
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
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/clause")
			if d := cpuTime() - cpu; d > 0 {
				b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}

// BenchmarkWordModeBaseline is the naive use of go-diff this package
// avoids: one word-level diff over the whole documents.
func BenchmarkWordModeBaseline(b *testing.B) {
	for _, n := range []int{300, 3000} {
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			old, new := benchPair(n, 1)
			b.SetBytes(int64(len(old) + len(new)))
			b.ReportAllocs()
			cpu := cpuTime()
			for b.Loop() {
				ids := make(map[string]rune)
				enc := func(s []byte) []rune {
					ws := strings.Fields(string(s))
					rs := make([]rune, len(ws))
					for i, w := range ws {
						r, ok := ids[w]
						if !ok {
							r = rune(0x10000 + len(ids))
							ids[w] = r
						}
						rs[i] = r
					}
					return rs
				}
				dmp := diffmatchpatch.New()
				dmp.DiffTimeout = 0
				dmp.DiffMainRunes(enc(old), enc(new), false)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/clause")
			if d := cpuTime() - cpu; d > 0 {
				b.ReportMetric(float64(d.Nanoseconds())/float64(b.N), "cpu-ns/op")
			}
		})
	}
}
