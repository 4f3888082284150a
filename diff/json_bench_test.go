package diff

import (
	"bytes"
	"encoding/json"
	"io"
	"testing"

	"github.com/peacediff/peacediff/peace/peacetest"
)

// BenchmarkWriteJSON writes the indented JSON of a comparison of two
// generated 300-point plans, with the hand-written encoder and, as the
// baseline in the same run, with encoding/json as WriteJSON used to.
// AppendJSON is the compact form the viewer uses, against json.Marshal.
func BenchmarkWriteJSON(b *testing.B) {
	old, new := peacetest.Pair(300, 1)
	r, err := Compare(parseText(b, old), parseText(b, new))
	if err != nil {
		b.Fatal(err)
	}
	var size bytes.Buffer
	if err := r.WriteJSON(&size); err != nil {
		b.Fatal(err)
	}
	compact, err := r.AppendJSON(nil)
	if err != nil {
		b.Fatal(err)
	}
	run := func(name string, n int, write func() error) {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(n))
			b.ReportAllocs()
			for b.Loop() {
				if err := write(); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(len(r.Matches)), "ns/match")
		})
	}
	run("engine=diff/indent", size.Len(), func() error { return r.WriteJSON(io.Discard) })
	run("engine=encoding-json/indent", size.Len(), func() error {
		var buf bytes.Buffer
		enc := json.NewEncoder(&buf)
		enc.SetIndent("", "  ")
		if err := enc.Encode(r); err != nil {
			return err
		}
		_, err := io.Discard.Write(buf.Bytes())
		return err
	})
	run("engine=diff/compact", len(compact), func() error {
		_, err := r.AppendJSON(nil)
		return err
	})
	run("engine=encoding-json/compact", len(compact), func() error {
		_, err := json.Marshal(r)
		return err
	})
}
