//go:build js && wasm

package wasm

import (
	"strconv"

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
	v.sentinel = el("li", "pd-sentinel").attr("aria-hidden", "true")
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
		v.list.add(el("li", style.Empty).text("No clause matches the filters."))
		return
	}
	first := chunk
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
	frag := node{document().Call("createDocumentFragment")}
	end := min(len(v.items), v.drawn+n)
	for _, it := range v.items[v.drawn:end] {
		if it.Run != nil {
			frag.add(v.expander(it))
			continue
		}
		var row node
		if inline {
			row = v.inlineRow(it.Row)
		} else {
			row = v.sideRow(it.Row)
		}
		v.rowEls[it.Row] = row
		frag.add(row)
	}
	v.drawn = end
	if v.sentinel.Get("parentNode").Truthy() {
		v.sentinel.Call("remove")
	}
	v.list.add(frag)
	if v.drawn < len(v.items) && v.observer.Truthy() {
		v.list.add(v.sentinel)
		v.observer.Call("disconnect")
		v.observer.Call("observe", v.sentinel.Value)
	}
}

// redraw rebuilds the current row list, keeping the mode.
func (v *viewer) redraw() {
	v.showMode(v.mode)
}

func (v *viewer) expander(it Item) node {
	first, last := v.page.Rows[it.Run[0]], v.page.Rows[it.Run[len(it.Run)-1]]
	label := "Show " + strconv.Itoa(len(it.Run)) + " unchanged points (" +
		rowNumber(first) + "–" + rowNumber(last) + ")"
	b := el("button", style.Button).attr("type", "button").attr("data-pd-run", strconv.Itoa(it.Row))
	b.attr("aria-expanded", "false")
	return el("li", style.Row+" "+style.Expander).add(b.text("= " + label))
}

func rowNumber(r Row) string {
	if len(r.New.Paths) > 0 {
		return r.New.Paths[0]
	}
	return r.Old.Numbers()
}

// rowShell creates the li of row i with its classes and anchor.
func (v *viewer) rowShell(i int) node {
	r := &v.page.Rows[i]
	cls := style.Row + " " + style.KindClass(string(r.Match.Kind))
	if r.Match.Moved {
		cls += " " + style.Moved
	}
	li := el("li", cls).attr("id", v.id(r.Anchor)).attr("tabindex", "-1")
	li.attr("data-pd-row", strconv.Itoa(i))
	return li
}

// sideRow draws row i with the old clause on the left and the new on the right.
func (v *viewer) sideRow(i int) node {
	r := &v.page.Rows[i]
	li := v.rowShell(i)
	// A clause on one side only is all deleted or all inserted; the badge
	// says so, and plain text reads better than a wall of strike-through.
	whole := len(r.Old.Paths) == 0 || len(r.New.Paths) == 0
	li.add(v.side(r.Old, "old", whole), v.side(r.New, "new", whole))
	return li.add(v.meta(r))
}

func (v *viewer) side(s Side, which string, plain bool) node {
	cls, label := style.Old, "old point "
	if which == "new" {
		cls, label = style.New, "new point "
	}
	cell := el("div", cls)
	if len(s.Paths) == 0 {
		missing := "not in the new plan"
		if which == "old" {
			missing = "not in the old plan"
		}
		cell.Set("className", cls+" pd-missing")
		return cell.add(el("p", "pd-placeholder").text(missing))
	}
	clause := el("div", "pd-clause")
	clause.add(el("span", style.Num).add(srOnly(label)).text(s.Numbers()))
	text := el("p", style.Text)
	for _, g := range s.Segments {
		if plain {
			g.Op = diff.Equal
		}
		text.add(v.segment(g))
	}
	if len(s.Segments) == 0 {
		text.add(el("span", "pd-placeholder").text("(text not available)"))
	}
	return cell.add(clause.add(text))
}

// segment draws one run of words: plain, deleted or inserted, with search
// hits marked.
func (v *viewer) segment(g Segment) node {
	var n node
	switch g.Op {
	case diff.Delete:
		n = el("del", style.Del).add(srOnly("deleted: "))
	case diff.Insert:
		n = el("ins", style.Ins).add(srOnly("inserted: "))
	default:
		n = el("span", "")
	}
	parts := Marks(g.Text, v.filt.Query)
	for k, s := range parts {
		if k%2 == 1 {
			n.add(el("mark", "").text(s))
		} else {
			n.text(s)
		}
	}
	return n
}

// meta draws the kind badges and the chips of a row.
func (v *viewer) meta(r *Row) node {
	m := el("div", "pd-meta")
	m.add(el("span", style.Badge+" "+style.KindClass(string(r.Match.Kind))).text(kindBadge(r)))
	if r.Match.Moved {
		m.add(el("span", style.Badge+" "+style.Moved).text("⟲ moved"))
	}
	for _, c := range r.Chips {
		m.add(chipNode(c, "span"))
	}
	return m
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
func chipNode(c Chip, tag string) node {
	cls := style.Chip
	switch c.Sign {
	case ChipAdd:
		cls += " " + style.ChipAdd
	case ChipRemove:
		cls += " " + style.ChipRemove
	}
	n := el(tag, cls).attr("data-pd-change", string(c.Kind))
	switch c.Sign {
	case ChipAdd:
		n.add(el("span", "").attr("aria-hidden", "true").text("+ "), srOnly("added: "))
	case ChipRemove:
		n.add(el("span", "").attr("aria-hidden", "true").text("− "), srOnly("removed: "))
	}
	if c.Prefix != "" {
		n.text(c.Prefix + ": ")
	}
	if c.Before != "" && c.After != "" {
		n.add(el("span", style.Before).text(c.Before))
		n.add(el("span", style.Arrow).attr("aria-hidden", "true").text(" → "), srOnly(" changed to "))
		n.add(el("span", style.After).text(c.After))
	} else {
		n.text(c.Before + c.After)
	}
	return n
}

// inlineRow draws row i as one redline: numbers, then the words of both
// sides interleaved, deletions struck through and insertions underlined.
func (v *viewer) inlineRow(i int) node {
	r := &v.page.Rows[i]
	li := v.rowShell(i)
	clause := el("div", "pd-clause")
	num := el("span", style.Num)
	switch {
	case len(r.Old.Paths) == 0:
		num.add(srOnly("new point ")).text(r.New.Numbers())
	case len(r.New.Paths) == 0:
		num.add(srOnly("old point ")).text(r.Old.Numbers())
	case r.Old.Numbers() == r.New.Numbers():
		num.add(srOnly("point ")).text(r.New.Numbers())
	default:
		num.add(srOnly("old point ")).text(r.Old.Numbers())
		num.add(el("span", style.Arrow).attr("aria-hidden", "true").text("→"), srOnly(", new point "))
		num.text(r.New.Numbers())
	}
	text := el("p", style.Text)
	for _, g := range inlineSegments(r) {
		text.add(v.segment(g))
	}
	clause.add(num, text)
	return li.add(el("div", style.New).add(clause), v.meta(r))
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
	if len(groups) == 0 {
		msg := "No change of meaning found: every clause kept its facts."
		if total > 0 {
			msg = "No change of meaning matches the filters."
		}
		v.panel.add(el("p", style.Empty).text(msg))
		return
	}
	list := el("ul", style.Meaning)
	for _, g := range groups {
		topic := el("li", style.Topic).attr("data-pd-topic", g.ID)
		items := el("ul", "")
		for _, i := range g.Rows {
			items.add(v.meaningItem(i))
		}
		list.add(topic.add(el("h3", style.TopicLabel).text(g.Label), items))
	}
	v.panel.add(list)
}

func (v *viewer) meaningItem(i int) node {
	r := &v.page.Rows[i]
	href := "#" + v.id(r.Anchor)
	item := el("li", style.Item)
	nums := el("a", style.Numbers).attr("href", href).attr("data-pd-go", strconv.Itoa(i))
	nums.add(srOnly("points ")).text(r.Summary)
	chips := el("span", style.Chips)
	for _, c := range r.Chips {
		chips.add(chipNode(c, "a").attr("href", href).attr("data-pd-go", strconv.Itoa(i)))
	}
	switch r.Match.Kind {
	case diff.Added:
		chips.add(excerptChip(ChipAdd, "new point: ", r.New.Text()).attr("href", href).attr("data-pd-go", strconv.Itoa(i)))
	case diff.Removed:
		chips.add(excerptChip(ChipRemove, "point dropped: ", r.Old.Text()).attr("href", href).attr("data-pd-go", strconv.Itoa(i)))
	}
	if r.Match.Moved {
		chips.add(el("span", style.Badge+" "+style.Moved).text("⟲ moved"))
	}
	return item.add(nums, chips)
}

func excerptChip(sign ChipSign, what, text string) node {
	c := Chip{Sign: sign, After: what + Excerpt(text, 90)}
	n := chipNode(c, "a")
	n.Get("classList").Call("add", style.Excerpt)
	return n
}
