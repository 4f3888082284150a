//go:build js && wasm

package wasm

import (
	"strconv"
	"syscall/js"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/diff/html/style"
)

// drawRows starts the row list of the side-by-side or inline mode; rows are
// drawn a chunk at a time as the reader scrolls.
func (v *viewer) drawRows(inline bool) {
	v.items = v.page.Items(v.filt)
	cls := style.Rows
	if inline {
		cls += " " + style.Inline
	}
	v.list = el("ol", cls).attr("aria-label", "Clauses")
	v.drawn = 0
	v.sentinel = node{}
	v.panel.add(v.list)
	shown := 0
	for _, it := range v.items {
		if it.Run != nil {
			shown += len(it.Run)
		} else {
			shown++
		}
	}
	v.setStatus(shown, len(v.page.Rows), "points")
	if len(v.items) == 0 {
		b := newBuilder()
		leaf(b, "li", style.Empty, "No clause matches the filters.")
		b.draw(v.list.Value)
		return
	}
	first := firstChunk
	if !v.observer.Truthy() {
		first = len(v.items) // no lazy drawing without IntersectionObserver
	}
	v.drawMore(first)
}

// drawMore draws up to n more items of the row list.
func (v *viewer) drawMore(n int) {
	if !v.list.Truthy() || v.drawn >= len(v.items) {
		return
	}
	inline := v.mode == "inline"
	b := newBuilder()
	end := min(len(v.items), v.drawn+n)
	for _, it := range v.items[v.drawn:end] {
		switch {
		case it.Run != nil:
			v.expander(b, it)
		case inline:
			v.inlineRow(b, it.Row)
		default:
			v.sideRow(b, it.Row)
		}
	}
	v.drawn = end
	if v.sentinel.Truthy() {
		v.sentinel.Call("remove")
	}
	// The sentinel, last in the list while rows remain, draws more when
	// it comes near the screen. The first is described with the rows.
	more := v.drawn < len(v.items) && v.observer.Truthy()
	fresh := more && !v.sentinel.Truthy()
	if fresh {
		leaf(b, "li", "pd-sentinel", "", "aria-hidden", "true")
	}
	b.draw(v.list.Value)
	switch {
	case fresh:
		v.sentinel = node{v.list.Get("lastElementChild")}
	case more:
		v.list.add(v.sentinel)
	}
	if more {
		v.observer.Call("disconnect")
		v.observer.Call("observe", v.sentinel.Value)
	}
}

// rowEl returns the drawn element of row i, or a null node.
func (v *viewer) rowEl(i int) node {
	if !v.list.Truthy() {
		return node{js.Null()}
	}
	return v.list.find(`li[data-pd-row="` + strconv.Itoa(i) + `"]`)
}

// redraw rebuilds the current row list, keeping the mode.
func (v *viewer) redraw() {
	v.showMode(v.mode)
}

func (v *viewer) expander(b builder, it Item) {
	first, last := v.page.Rows[it.Run[0]], v.page.Rows[it.Run[len(it.Run)-1]]
	label := "Show " + strconv.Itoa(len(it.Run)) + " unchanged points (" +
		rowNumber(first) + "–" + rowNumber(last) + ")"
	b.open("li", style.Row+" "+style.Expander)
	leaf(b, "button", style.Button, "= "+label,
		"type", "button", "data-pd-run", strconv.Itoa(it.Row), "aria-expanded", "false")
	b.close()
}

func rowNumber(r Row) string {
	if len(r.New.Paths) > 0 {
		return r.New.Paths[0]
	}
	return r.Old.Numbers()
}

// openRow opens the li of row i with its classes and anchor.
func (v *viewer) openRow(b builder, i int) {
	r := &v.page.Rows[i]
	cls := style.Row + " " + style.KindClass(string(r.Match.Kind))
	if r.Match.Moved {
		cls += " " + style.Moved
	}
	b.open("li", cls, "id", v.id(r.Anchor), "tabindex", "-1", "data-pd-row", strconv.Itoa(i))
}

// sideRow draws row i with the old clause on the left and the new on the right.
func (v *viewer) sideRow(b builder, i int) {
	r := &v.page.Rows[i]
	v.openRow(b, i)
	// A clause on one side only is all deleted or all inserted; the badge
	// says so, and plain text reads better than a wall of strike-through.
	whole := len(r.Old.Paths) == 0 || len(r.New.Paths) == 0
	v.side(b, r.Old, "old", whole)
	v.side(b, r.New, "new", whole)
	v.meta(b, r)
	b.close()
}

func (v *viewer) side(b builder, s Side, which string, plain bool) {
	cls, label := style.Old, "old point "
	if which == "new" {
		cls, label = style.New, "new point "
	}
	if len(s.Paths) == 0 {
		missing := "not in the new plan"
		if which == "old" {
			missing = "not in the old plan"
		}
		b.open("div", cls+" pd-missing")
		leaf(b, "p", "pd-placeholder", missing)
		b.close()
		return
	}
	b.open("div", cls)
	b.open("div", "pd-clause")
	b.open("span", style.Num)
	srOnly(b, label)
	b.text(s.Numbers())
	b.close()
	b.open("p", style.Text)
	for _, g := range s.Segments {
		if plain {
			g.Op = diff.Equal
		}
		v.segment(b, g)
	}
	if len(s.Segments) == 0 {
		leaf(b, "span", "pd-placeholder", "(text not available)")
	}
	b.close()
	b.close()
	b.close()
}

// segment draws one run of words: plain, deleted or inserted, with search
// hits marked.
func (v *viewer) segment(b builder, g Segment) {
	switch g.Op {
	case diff.Delete:
		b.open("del", style.Del)
		srOnly(b, "deleted: ")
	case diff.Insert:
		b.open("ins", style.Ins)
		srOnly(b, "inserted: ")
	default:
		b.open("span", "")
	}
	parts := Marks(g.Text, v.filt.Query)
	for k, s := range parts {
		if k%2 == 1 {
			leaf(b, "mark", "", s)
		} else {
			b.text(s)
		}
	}
	b.close()
}

// meta draws the kind badges and the chips of a row.
func (v *viewer) meta(b builder, r *Row) {
	b.open("div", "pd-meta")
	leaf(b, "span", style.Badge+" "+style.KindClass(string(r.Match.Kind)), kindBadge(r))
	if r.Match.Moved {
		leaf(b, "span", style.Badge+" "+style.Moved, "⟲ moved")
	}
	for _, c := range r.Chips {
		chipNode(b, c, "span", "")
	}
	b.close()
}

// kindBadge names a row's kind with a symbol, so that colour never stands alone.
func kindBadge(r *Row) string {
	m := r.Match
	switch m.Kind {
	case diff.Amended:
		return "± amended"
	case diff.Reworded:
		return "≈ reworded"
	case diff.Unchanged:
		return "= unchanged"
	case diff.Added:
		return "+ added"
	case diff.Removed:
		return "− removed"
	case diff.Split:
		return "⑂ split into " + strconv.Itoa(len(m.New))
	case diff.Merged:
		return "⋈ merged from " + strconv.Itoa(len(m.Old))
	}
	return string(m.Kind)
}

// chipNode draws a chip: "600,000 personnel → 800,000 personnel", "+ NATO".
// A chip drawn as a link (tag a) goes to row go, with the fragment href.
func chipNode(b builder, c Chip, tag, extra string, attrs ...string) {
	cls := style.Chip
	switch c.Sign {
	case ChipAdd:
		cls += " " + style.ChipAdd
	case ChipRemove:
		cls += " " + style.ChipRemove
	}
	if extra != "" {
		cls += " " + extra
	}
	b.open(tag, cls, append([]string{"data-pd-change", string(c.Kind)}, attrs...)...)
	switch c.Sign {
	case ChipAdd:
		leaf(b, "span", "", "+ ", "aria-hidden", "true")
		srOnly(b, "added: ")
	case ChipRemove:
		leaf(b, "span", "", "− ", "aria-hidden", "true")
		srOnly(b, "removed: ")
	}
	if c.Prefix != "" {
		b.text(c.Prefix + ": ")
	}
	if c.Before != "" && c.After != "" {
		leaf(b, "span", style.Before, c.Before)
		leaf(b, "span", style.Arrow, " → ", "aria-hidden", "true")
		srOnly(b, " changed to ")
		leaf(b, "span", style.After, c.After)
	} else {
		b.text(c.Before + c.After)
	}
	b.close()
}

// inlineRow draws row i as one redline: numbers, then the words of both
// sides interleaved, deletions struck through and insertions underlined.
func (v *viewer) inlineRow(b builder, i int) {
	r := &v.page.Rows[i]
	v.openRow(b, i)
	b.open("div", style.New)
	b.open("div", "pd-clause")
	b.open("span", style.Num)
	switch {
	case len(r.Old.Paths) == 0:
		srOnly(b, "new point ")
		b.text(r.New.Numbers())
	case len(r.New.Paths) == 0:
		srOnly(b, "old point ")
		b.text(r.Old.Numbers())
	case r.Old.Numbers() == r.New.Numbers():
		srOnly(b, "point ")
		b.text(r.New.Numbers())
	default:
		srOnly(b, "old point ")
		b.text(r.Old.Numbers())
		leaf(b, "span", style.Arrow, "→", "aria-hidden", "true")
		srOnly(b, ", new point ")
		b.text(r.New.Numbers())
	}
	b.close()
	b.open("p", style.Text)
	for _, g := range inlineSegments(r) {
		v.segment(b, g)
	}
	b.close()
	b.close()
	b.close()
	v.meta(b, r)
	b.close()
}

// inlineSegments returns the redline of a row: its edits in order, or the
// whole clause deleted or inserted when it is on one side only.
func inlineSegments(r *Row) []Segment {
	switch {
	case len(r.Old.Paths) == 0:
		return asOp(r.New.Segments, diff.Insert)
	case len(r.New.Paths) == 0:
		return asOp(r.Old.Segments, diff.Delete)
	}
	if len(r.Match.Edits) > 0 {
		var out []Segment
		for _, e := range r.Match.Edits {
			if e.Text != "" {
				out = appendSegment(out, Segment{Op: e.Op, Text: e.Text})
			}
		}
		return out
	}
	return r.New.Segments
}

func asOp(s []Segment, op diff.Op) []Segment {
	var out []Segment
	for _, g := range s {
		if g.Op == diff.Equal || g.Op == op {
			out = appendSegment(out, Segment{Op: op, Text: g.Text})
		}
	}
	return out
}

// drawMeaning draws the changes of meaning grouped by topic.
func (v *viewer) drawMeaning() {
	groups := v.page.Meaning(v.filt)
	n := 0
	for _, g := range groups {
		n += len(g.Rows)
	}
	total := 0
	for _, g := range v.page.Topics {
		total += len(g.Rows)
	}
	v.setStatus(n, total, "changes of meaning")
	b := newBuilder()
	if len(groups) == 0 {
		msg := "No change of meaning found: every clause kept its facts."
		if total > 0 {
			msg = "No change of meaning matches the filters."
		}
		leaf(b, "p", style.Empty, msg)
		b.draw(v.panel.Value)
		return
	}
	b.open("ul", style.Meaning)
	for _, g := range groups {
		b.open("li", style.Topic, "data-pd-topic", g.ID)
		leaf(b, "h3", style.TopicLabel, g.Label)
		b.open("ul", "")
		for _, i := range g.Rows {
			v.meaningItem(b, i)
		}
		b.close()
		b.close()
	}
	b.close()
	b.draw(v.panel.Value)
}

func (v *viewer) meaningItem(b builder, i int) {
	r := &v.page.Rows[i]
	href := "#" + v.id(r.Anchor)
	row := strconv.Itoa(i)
	b.open("li", style.Item)
	b.open("a", style.Numbers, "href", href, "data-pd-go", row)
	srOnly(b, "points ")
	b.text(r.Summary)
	b.close()
	b.open("span", style.Chips)
	for _, c := range r.Chips {
		chipNode(b, c, "a", "", "href", href, "data-pd-go", row)
	}
	switch r.Match.Kind {
	case diff.Added:
		excerptChip(b, ChipAdd, "new point: ", r.New.Text(), "href", href, "data-pd-go", row)
	case diff.Removed:
		excerptChip(b, ChipRemove, "point dropped: ", r.Old.Text(), "href", href, "data-pd-go", row)
	}
	if r.Match.Moved {
		leaf(b, "span", style.Badge+" "+style.Moved, "⟲ moved")
	}
	b.close()
	b.close()
}

func excerptChip(b builder, sign ChipSign, what, text string, attrs ...string) {
	c := Chip{Sign: sign, After: what + Excerpt(text, 90)}
	chipNode(b, c, "a", style.Excerpt, attrs...)
}
