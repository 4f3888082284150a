//go:build js && wasm

package wasm

import (
	"testing"
	"time"
)

// BenchmarkRender3000 measures what a reader waits for with a 3,000-point
// pair: parse, compare, build the view model and draw the first screen
// (meaning view), then switch to the side-by-side rows.
//
//	GOOS=js GOARCH=wasm go test -exec wasmbrowsertest -run '^$' -bench Render ./wasm/
func BenchmarkRender3000(b *testing.B) {
	oldText, newText := synthPlans(3000)
	b.SetBytes(int64(len(oldText) + len(newText)))
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	defer host.Call("remove")
	var compare, draw time.Duration
	for i := 0; b.Loop(); i++ {
		start := time.Now()
		c, err := Compare(oldText, newText)
		if err != nil {
			b.Fatal(err)
		}
		mid := time.Now()
		v := newViewer(host, Options{Index: 100 + i, Collapse: true})
		v.mount(NewPage(c.Result, c.Old, c.New))
		v.showMode("side")
		v.showMode("inline")
		v.destroy()
		compare += mid.Sub(start)
		draw += time.Since(mid)
	}
	b.ReportMetric(float64(compare.Milliseconds())/float64(b.N), "compare-ms/op")
	b.ReportMetric(float64(draw.Milliseconds())/float64(b.N), "draw-ms/op")
}

// BenchmarkMap3000 measures drawing the clause-flow map of a 3,000-point pair.
func BenchmarkMap3000(b *testing.B) {
	oldText, newText := synthPlans(3000)
	c, err := Compare(oldText, newText)
	if err != nil {
		b.Fatal(err)
	}
	p := NewPage(c.Result, c.Old, c.New)
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	defer host.Call("remove")
	v := newViewer(host, Options{Index: 99, Collapse: true})
	v.mount(p)
	defer v.destroy()
	for b.Loop() {
		v.showMode("map")
	}
}
