package wasm

import (
	"strconv"

	"github.com/peacediff/peacediff/diff"
)

// A Flow is the geometry of the clause-flow map: the old plan's clause
// numbers in a column on the left, the new plan's on the right, and one band
// for each link of a match between them. Units are SVG user units.
type Flow struct {
	Width, Height float64
	Old, New      []FlowNode
	Bands         []FlowBand
}

// A FlowNode is one clause number in a column of the map.
type FlowNode struct {
	Path       string
	X, Y, W, H float64 // the node's box
	Row        int     // the row of the clause's match
	Kind       diff.Kind
}

// A FlowBand links an old clause to a new one.
type FlowBand struct {
	Row      int // the row of the match
	Old, New int // indexes into Flow.Old and Flow.New
	Kind     diff.Kind
	Moved    bool
	Width    float64 // thickness at the ends: the share of words kept
	D        string  // the SVG path of the band's outline
	Title    string  // "6 → 4 amended, moved, 71% of words kept"
}

// Map geometry, in SVG user units.
const (
	flowWidth = 640.0
	nodeW     = 64.0
	nodeH     = 20.0
	nodeGap   = 6.0
	flowTop   = 28.0 // room for the column headings
)

// Flow lays out the clause-flow map of p, showing the rows f lets through
// (the columns always hold every clause, so positions do not jump).
func (p *Page) Flow(f Filter) Flow {
	p.fillOrder()
	fl := Flow{Width: flowWidth}
	oldAt := map[string]int{}
	newAt := map[string]int{}
	rowOf := func(path string, old bool) int {
		key := path
		if old {
			key = "old-" + path
		}
		if i, ok := p.anchors[key]; ok {
			return i
		}
		return -1
	}
	for i, path := range p.oldOrder {
		r := rowOf(path, true)
		n := FlowNode{Path: path, X: 0, Y: flowTop + float64(i)*(nodeH+nodeGap), W: nodeW, H: nodeH, Row: r}
		if r >= 0 {
			n.Kind = p.Rows[r].Match.Kind
		}
		oldAt[path] = len(fl.Old)
		fl.Old = append(fl.Old, n)
	}
	for i, path := range p.newOrder {
		r := rowOf(path, false)
		n := FlowNode{Path: path, X: flowWidth - nodeW, Y: flowTop + float64(i)*(nodeH+nodeGap), W: nodeW, H: nodeH, Row: r}
		if r >= 0 {
			n.Kind = p.Rows[r].Match.Kind
		}
		newAt[path] = len(fl.New)
		fl.New = append(fl.New, n)
	}
	rows := max(len(p.oldOrder), len(p.newOrder))
	fl.Height = flowTop + float64(rows)*(nodeH+nodeGap)
	for i, r := range p.Rows {
		if !p.Shows(i, f) {
			continue
		}
		m := r.Match
		for _, o := range m.Old {
			for _, n := range m.New {
				a, b := fl.Old[oldAt[o]], fl.New[newAt[n]]
				w := 3 + (nodeH-5)*clamp(m.Similarity)
				fl.Bands = append(fl.Bands, FlowBand{
					Row: i, Old: oldAt[o], New: newAt[n], Kind: m.Kind, Moved: m.Moved, Width: w,
					D:     bandPath(a.X+a.W, a.Y+a.H/2, b.X, b.Y+b.H/2, w),
					Title: bandTitle(r),
				})
			}
		}
	}
	return fl
}

func clamp(x float64) float64 {
	return min(1, max(0, x))
}

// bandPath returns the outline of a band of thickness w from (x0, y0) to
// (x1, y1): two cubic curves with horizontal tangents at both ends.
func bandPath(x0, y0, x1, y1, w float64) string {
	h := w / 2
	xm := (x0 + x1) / 2
	pts := [...][2]float64{
		{x0, y0 - h}, {xm, y0 - h}, {xm, y1 - h}, {x1, y1 - h},
		{x1, y1 + h}, {xm, y1 + h}, {xm, y0 + h}, {x0, y0 + h},
	}
	// The command or separator before each point: one loop rather than
	// sixteen inlined number writes keeps this function small in the wasm file.
	const before = "MC,,LC,,"
	b := make([]byte, 0, 160)
	for i, p := range pts {
		b = append(b, before[i])
		b = strconv.AppendFloat(b, p[0], 'f', 1, 64)
		b = append(b, ' ')
		b = strconv.AppendFloat(b, p[1], 'f', 1, 64)
	}
	return string(append(b, 'Z'))
}

func bandTitle(r Row) string {
	s := r.Summary + " " + string(r.Match.Kind)
	if r.Match.Moved {
		s += ", moved"
	}
	return s + ", " + strconv.Itoa(int(clamp(r.Match.Similarity)*100+0.5)) + "% of words kept"
}
