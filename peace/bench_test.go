package peace_test

import (
	"bytes"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// BenchmarkParse reads generated plans of 300, 3,000 and 30,000 points
// (about 90 KB, 0.9 MB and 9 MB). The "json" sub-benchmark reads the same
// 3,000-point plan as JSON, a baseline for the text parser in the same run.
//
//	go test -run=NONE -bench=Parse -cpuprofile=cpu.out ./peace
func BenchmarkParse(b *testing.B) {
	for _, n := range []int{300, 3000, 30_000} {
		text := peacetest.Plan(n, 1)
		b.Run(fmt.Sprintf("N=%d", n), func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			b.ReportAllocs()
			for b.Loop() {
				if _, err := peace.Parse(bytes.NewReader(text)); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
	p, err := peace.Parse(bytes.NewReader(peacetest.Plan(3000, 1)))
	if err != nil {
		b.Fatal(err)
	}
	js, err := json.Marshal(p)
	if err != nil {
		b.Fatal(err)
	}
	b.Run("json/N=3000", func(b *testing.B) {
		b.SetBytes(int64(len(js)))
		b.ReportAllocs()
		for b.Loop() {
			if _, err := peace.Parse(bytes.NewReader(js)); err != nil {
				b.Fatal(err)
			}
		}
	})
}
