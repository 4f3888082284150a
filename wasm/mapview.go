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
// (or Enter) opens its row.
func (v *viewer) drawMap() {
	f := v.page.Flow(v.filt)
	v.flow = f
	legend := el("ul", "pd-legend").attr("aria-label", "Legend")
	for _, k := range []struct{ cls, text string }{
		{style.Unchanged, "unchanged"}, {style.Reworded, "reworded, split or merged"},
		{style.Amended, "amended (meaning changed)"}, {style.Moved, "moved"},
	} {
		legend.add(el("li", k.cls).text(k.text))
	}
	legend.add(el("li", "pd-legend-note").text("band thickness: share of words kept"))
	v.panel.add(legend)

	shown := map[int]bool{}
	for _, b := range f.Bands {
		shown[b.Row] = true
	}
	v.setStatus(len(shown), len(v.page.Rows), "matches on the map")

	s := svg("svg", style.Map)
	s.attr("viewBox", "0 0 "+num(f.Width)+" "+num(f.Height))
	s.attr("width", num(f.Width)).attr("height", num(f.Height))
	s.attr("role", "group").attr("aria-label", "Clause-flow map: "+planTitle(v.page.Old)+" on the left, "+planTitle(v.page.New)+" on the right")
	head := func(x float64, anchor, label string) node {
		t := svg("text", "pd-map-head").attr("x", num(x)).attr("y", "14").attr("text-anchor", anchor)
		return t.text(label)
	}
	s.add(head(0, "start", "old"), head(f.Width, "end", "new"))
	bands := svg("g", "pd-bands")
	for k, b := range f.Bands {
		cls := style.Band + " " + style.KindClass(string(b.Kind))
		if b.Moved {
			cls += " " + style.Moved
		}
		p := svg("path", cls).attr("d", b.D).attr("tabindex", "0").attr("role", "link")
		p.attr("data-pd-go", strconv.Itoa(b.Row)).attr("data-pd-band", strconv.Itoa(k))
		p.attr("aria-label", b.Title)
		p.add(svg("title", "").text(b.Title))
		v.bands = append(v.bands, p)
		bands.add(p)
	}
	s.add(bands)
	v.oldNodes = v.mapColumn(s, f.Old, "old")
	v.newNodes = v.mapColumn(s, f.New, "new")
	v.panel.add(el("div", "pd-map-wrap").add(s))
}

func (v *viewer) mapColumn(s node, nodes []FlowNode, which string) []node {
	out := make([]node, len(nodes))
	g := svg("g", "pd-map-"+which)
	for i, n := range nodes {
		cls := style.MapNode
		if n.Kind != "" {
			cls += " " + style.KindClass(string(n.Kind))
		}
		box := svg("g", cls).attr("aria-hidden", "true")
		box.add(svg("rect", "").attr("x", num(n.X)).attr("y", num(n.Y)).attr("width", num(n.W)).
			attr("height", num(n.H)).attr("rx", "3"))
		label := n.Path
		switch n.Kind {
		case "added":
			label = "+ " + label
		case "removed":
			label = "− " + label
		}
		box.add(svg("text", "").attr("x", num(n.X+n.W/2)).attr("y", num(n.Y+n.H/2+4)).
			attr("text-anchor", "middle").text(label))
		out[i] = box
		g.add(box)
	}
	s.add(g)
	return out
}

// hover highlights a band and the clauses at both of its ends.
func (v *viewer) hover(target js.Value, on bool) {
	b := closest(target, "[data-pd-band]")
	if !b.Truthy() {
		return
	}
	k, err := strconv.Atoi(b.Call("getAttribute", "data-pd-band").String())
	if err != nil || k >= len(v.flow.Bands) || k >= len(v.bands) {
		return
	}
	band := v.flow.Bands[k]
	op := "remove"
	if on {
		op = "add"
	}
	v.bands[k].Get("classList").Call(op, style.Active)
	if band.Old < len(v.oldNodes) {
		v.oldNodes[band.Old].Get("classList").Call(op, style.Active)
	}
	if band.New < len(v.newNodes) {
		v.newNodes[band.New].Get("classList").Call(op, style.Active)
	}
}

func num(f float64) string { return strconv.FormatFloat(f, 'f', -1, 64) }
