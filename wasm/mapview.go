//go:build js && wasm

package wasm

import (
	"strconv"
	"syscall/js"

	"github.com/peacediff/peacediff/diff/html/style"
)

// drawMap draws the clause-flow map: old numbers on the left, new on the
// right, a band for each link coloured by kind and as thick as the share of
// words kept. Hovering or focusing a band highlights both ends; clicking it
// (or Enter) opens its row. The map is drawn only when its tab opens.
func (v *viewer) drawMap() {
	f := v.page.Flow(v.filt)
	v.flow = f
	b := newBuilder()
	b.open("ul", "pd-legend", "aria-label", "Legend")
	for _, k := range []struct{ cls, text string }{
		{style.Unchanged, "unchanged"}, {style.Reworded, "reworded, split or merged"},
		{style.Amended, "amended (meaning changed)"}, {style.Moved, "moved"},
	} {
		leaf(b, "li", k.cls, k.text)
	}
	leaf(b, "li", "pd-legend-note", "band thickness: share of words kept")
	b.close()

	shown := map[int]bool{}
	for _, b := range f.Bands {
		shown[b.Row] = true
	}
	v.setStatus(len(shown), len(v.page.Rows), "matches on the map")

	b.open("div", "pd-map-wrap")
	b.open("svg:svg", style.Map,
		"viewBox", "0 0 "+num(f.Width)+" "+num(f.Height),
		"width", num(f.Width), "height", num(f.Height),
		"role", "group",
		"aria-label", "Clause-flow map: "+planTitle(v.page.Old)+" on the left, "+planTitle(v.page.New)+" on the right")
	leaf(b, "svg:text", "pd-map-head", "old", "x", num(0), "y", "14", "text-anchor", "start")
	leaf(b, "svg:text", "pd-map-head", "new", "x", num(f.Width), "y", "14", "text-anchor", "end")
	b.open("svg:g", "pd-bands")
	for k, band := range f.Bands {
		cls := style.Band + " " + style.KindClass(string(band.Kind))
		if band.Moved {
			cls += " " + style.Moved
		}
		b.open("svg:path", cls, "d", band.D, "tabindex", "0", "role", "link",
			"data-pd-go", strconv.Itoa(band.Row), "data-pd-band", strconv.Itoa(k),
			"aria-label", band.Title)
		leaf(b, "svg:title", "", band.Title)
		b.close()
	}
	b.close()
	mapColumn(b, f.Old, "old")
	mapColumn(b, f.New, "new")
	b.close()
	b.close()
	b.draw(v.panel.Value)
	v.mapOld = v.panel.find("g.pd-map-old")
	v.mapNew = v.panel.find("g.pd-map-new")
}

func mapColumn(b builder, nodes []FlowNode, which string) {
	b.open("svg:g", "pd-map-"+which)
	for _, n := range nodes {
		cls := style.MapNode
		if n.Kind != "" {
			cls += " " + style.KindClass(string(n.Kind))
		}
		b.open("svg:g", cls, "aria-hidden", "true")
		b.open("svg:rect", "", "x", num(n.X), "y", num(n.Y), "width", num(n.W), "height", num(n.H), "rx", "3")
		b.close()
		label := n.Path
		switch n.Kind {
		case "added":
			label = "+ " + label
		case "removed":
			label = "− " + label
		}
		leaf(b, "svg:text", "", label,
			"x", num(n.X+n.W/2), "y", num(n.Y+n.H/2+4), "text-anchor", "middle")
		b.close()
	}
	b.close()
}

// hover highlights a band and the clauses at both of its ends.
func (v *viewer) hover(target js.Value, on bool) {
	b := closest(target, "[data-pd-band]")
	if !b.Truthy() || !v.mapOld.Truthy() {
		return
	}
	k, err := strconv.Atoi(b.Call("getAttribute", "data-pd-band").String())
	if err != nil || k < 0 || k >= len(v.flow.Bands) {
		return
	}
	band := v.flow.Bands[k]
	op := "remove"
	if on {
		op = "add"
	}
	b.Get("classList").Call(op, style.Active)
	for _, end := range []struct {
		g node
		i int
	}{{v.mapOld, band.Old}, {v.mapNew, band.New}} {
		if end.i < 0 {
			continue
		}
		if n := end.g.Get("children").Index(end.i); n.Truthy() {
			n.Get("classList").Call(op, style.Active)
		}
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
