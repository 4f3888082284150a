package diff

import (
	"math"
	"testing"
)

// FuzzJSON puts a fuzzed string into every string of a Result and of a
// Lineage, and a fuzzed float into every similarity, and checks the bytes
// against encoding/json's:
//
//	go test ./diff/ -run '^$' -fuzz FuzzJSON -fuzztime 60s
//
// NaN and the infinities, which encoding/json refuses, are
// TestJSONNotFinite's.
func FuzzJSON(f *testing.F) {
	for i, s := range nasty {
		f.Add(s, []float64{0, 1, 0.5, 1e-7, 1e21, 123456789, -0.25, 0.33, 5e-324, math.MaxFloat64, 1e20, 9.99e-7, 0.07}[i%13])
	}
	f.Fuzz(func(t *testing.T, s string, sim float64) {
		if math.IsNaN(sim) || math.IsInf(sim, 0) {
			return
		}
		sameJSON(t, "Result", nastyResult(s, sim))
		sameJSON(t, "Lineage", nastyLineage(s))
	})
}
