//go:build js && wasm

package wasm

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"syscall/js"

	"honnef.co/go/js/dom/v2"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/diff/html/style"
)

// The modes of the viewer, in tab order.
var modes = []struct{ id, label string }{
	{"meaning", "Meaning"},
	{"side", "Side by side"},
	{"inline", "Inline"},
	{"map", "Map"},
}

// Options are the settings a page passes to render.
type Options struct {
	Index       int    // the viewer's number on the page, used in its anchors
	Mode        string // the first tab: meaning (default), side, inline or map
	Collapse    bool   // fold runs of unchanged points
	MeaningOnly bool   // start with "changes of meaning only"
}

// The rows are drawn a chunk at a time: first enough to fill a screen,
// then more each time the reader scrolls towards the end of the list.
const (
	firstChunk = 20
	chunk      = 60
)

// A viewer is one rendered comparison on the page.
type viewer struct {
	index int
	host  js.Value
	root  node
	opts  Options

	hist *History // nil for a single comparison
	step int      // the comparison of hist shown
	page *Page
	mode string
	filt Filter

	timeline, header, status, panel       node
	tabs                                  map[string]node
	steps                                 []node
	kindSel, topicSel, meaningBox, search node
	collapseBox                           node

	// The row list of the side-by-side and inline modes.
	list     node
	items    []Item
	drawn    int // items drawn so far
	sentinel node
	focus    int  // the row reached with n/p, or -1
	focusEl  node // its element, while drawn

	// The map: the groups of old and new clause numbers.
	mapOld, mapNew node
	flow           Flow

	observer  js.Value
	listeners []listener
	funcs     []js.Func
}

type listener struct {
	target js.Value
	typ    string
	fn     js.Func
}

func newViewer(host js.Value, opts Options) *viewer {
	v := &viewer{index: opts.Index, host: host, opts: opts, focus: -1}
	v.mode = "meaning"
	for _, m := range modes {
		if m.id == opts.Mode {
			v.mode = m.id
		}
	}
	v.filt = Filter{Collapse: opts.Collapse, MeaningOnly: opts.MeaningOnly, Expanded: map[int]bool{}}
	return v
}

// mount builds the viewer's elements and puts them into the host element.
func (v *viewer) mount(p *Page) {
	v.page = p
	v.root = el("div", style.Root)
	v.root.attr("data-pd-index", strconv.Itoa(v.index))
	if v.hist != nil {
		v.timeline = v.buildTimeline()
		v.root.add(v.timeline)
	}
	b := newBuilder()
	leaf(b, "div", style.Header, "")
	v.buildToolbar(b)
	leaf(b, "p", style.Status, "", "role", "status", "aria-live", "polite")
	leaf(b, "div", style.Panel, "", "role", "tabpanel", "tabindex", "0", "id", v.id("panel"))
	b.draw(v.root.Value)
	v.header = v.root.find("." + style.Header)
	v.status = v.root.find("." + style.Status)
	v.panel = v.root.find("." + style.Panel)
	v.tabs = map[string]node{}
	for _, m := range modes {
		v.tabs[m.id] = v.root.find("button[data-pd-mode=" + m.id + "]")
	}
	v.kindSel = v.root.find("[data-pd-filter=kind]")
	v.topicSel = v.root.find("[data-pd-filter=topic]")
	v.meaningBox = v.root.find("[data-pd-filter=meaning]")
	v.collapseBox = v.root.find("[data-pd-filter=collapse]")
	v.search = v.root.find("[data-pd-filter=query]")
	v.listen()
	v.show()
	v.host.Call("replaceChildren", v.root.Value)
	if !v.followHash() {
		v.showMode(v.mode)
	}
}

// id returns a document-unique id for one of the viewer's elements.
func (v *viewer) id(part string) string {
	return "pd-" + strconv.Itoa(v.index) + "-" + part
}

func (v *viewer) fillHeader() {
	v.header.clear()
	p := v.page
	b := newBuilder()
	b.open("h2", style.Title)
	leaf(b, "span", "", planTitle(p.Old))
	leaf(b, "span", style.Arrow, "→", "aria-hidden", "true")
	srOnly(b, " compared with ")
	leaf(b, "span", "", planTitle(p.New))
	b.close()
	b.open("p", style.Summary)
	for _, c := range p.Counts {
		cls := style.Count
		if c.Kind != "" {
			cls += " " + style.KindClass(c.Kind)
		}
		leaf(b, "span", cls, c.Text)
	}
	b.close()
	b.draw(v.header.Value)
}

func planTitle(info diff.PlanInfo) string {
	t := info.Title
	if t == "" {
		t = info.ID
	}
	if t == "" {
		t = "Untitled plan"
	}
	if info.Date != "" {
		t += " (" + info.Date + ")"
	}
	return t
}

func (v *viewer) buildToolbar(b builder) {
	b.open("div", style.Toolbar)
	b.open("div", style.Tabs, "role", "tablist", "aria-label", "Views")
	for _, m := range modes {
		leaf(b, "button", style.Tab, m.label, "type", "button", "role", "tab",
			"id", v.id("tab-"+m.id), "aria-controls", v.id("panel"), "data-pd-mode", m.id)
	}
	b.close()
	b.open("div", style.Filters)
	leaf(b, "select", "", "", "data-pd-filter", "kind", "aria-label", "Kind of change")
	leaf(b, "select", "", "", "data-pd-filter", "topic", "aria-label", "Topic")
	b.open("label", "")
	leaf(b, "input", "", "", "type", "checkbox", "data-pd-filter", "meaning")
	b.text("changes of meaning only")
	b.close()
	b.open("label", "")
	leaf(b, "input", "", "", "type", "checkbox", "data-pd-filter", "collapse")
	b.text("collapse unchanged")
	b.close()
	leaf(b, "input", style.Search, "", "type", "search", "data-pd-filter", "query",
		"placeholder", "Search", "aria-label", "Search the clauses")
	b.close()
	b.close()
}

// fillFilters puts the choices of the current page into the filter controls.
func (v *viewer) fillFilters() {
	p := v.page
	v.kindSel.clear()
	b := newBuilder()
	leaf(b, "option", "", "All kinds", "value", "")
	for _, k := range p.Kinds {
		leaf(b, "option", "", k, "value", k)
	}
	b.draw(v.kindSel.Value)
	if !slices.Contains(p.Kinds, v.filt.Kind) {
		v.filt.Kind = ""
	}
	v.kindSel.Set("value", v.filt.Kind)
	v.topicSel.clear()
	leaf(b, "option", "", "All topics", "value", "")
	var topics []string
	for _, t := range p.Labels {
		leaf(b, "option", "", t.Label, "value", t.Value)
		topics = append(topics, t.Value)
	}
	b.draw(v.topicSel.Value)
	if !slices.Contains(topics, v.filt.Topic) {
		v.filt.Topic = ""
	}
	v.topicSel.Set("value", v.filt.Topic)
	v.topicSel.Set("hidden", len(p.Labels) == 0)
	v.meaningBox.Set("checked", v.filt.MeaningOnly)
	v.collapseBox.Set("checked", v.filt.Collapse)
	v.search.Set("value", v.filt.Query)
}

// listen registers the viewer's event handlers: a few delegated listeners
// on the root, one on the window, all released by destroy.
func (v *viewer) listen() {
	on := func(typ string, h func(dom.Event)) {
		v.listeners = append(v.listeners, listener{v.root.Value, typ, addListener(v.root.Value, typ, guard(h))})
	}
	on("click", v.onClick)
	on("keydown", v.onKey)
	on("input", v.onInput)
	on("change", v.onInput)
	on("mouseover", func(ev dom.Event) { v.hover(ev.Underlying().Get("target"), true) })
	on("mouseout", func(ev dom.Event) { v.hover(ev.Underlying().Get("target"), false) })
	on("focusin", func(ev dom.Event) { v.hover(ev.Underlying().Get("target"), true) })
	on("focusout", func(ev dom.Event) { v.hover(ev.Underlying().Get("target"), false) })
	v.listeners = append(v.listeners, listener{js.Global(), "hashchange",
		addListener(js.Global(), "hashchange", guard(func(dom.Event) { v.followHash() }))})
	if io := js.Global().Get("IntersectionObserver"); io.Truthy() {
		fn := js.FuncOf(func(this js.Value, args []js.Value) any {
			defer report()
			entries := args[0]
			for i := 0; i < entries.Length(); i++ {
				if entries.Index(i).Get("isIntersecting").Bool() {
					v.drawMore(chunk)
					break
				}
			}
			return nil
		})
		v.funcs = append(v.funcs, fn)
		opts := js.Global().Get("Object").New()
		opts.Set("rootMargin", "800px 0px")
		v.observer = io.New(fn, opts)
	}
}

// addListener adds h as a listener for typ events on target and returns
// the callback to release, as dom/v2's AddEventListener methods do, but
// without their wrapping: dom.WrapElement and dom/v2's event wrapper each
// switch over every element or event type the package knows, which links
// all those types' method tables into the wasm file (79 KB of its gzipped
// size). h gets the *dom.KeyboardEvent dom/v2 would give for a keyboard
// event and a *dom.BasicEvent for the others; the handlers use no more.
func addListener(target js.Value, typ string, h func(dom.Event)) js.Func {
	fn := js.FuncOf(func(_ js.Value, args []js.Value) any {
		h(wrapEvent(args[0]))
		return nil
	})
	target.Call("addEventListener", typ, fn, false)
	return fn
}

func wrapEvent(v js.Value) dom.Event {
	ev := &dom.BasicEvent{Value: v}
	if v.Get("constructor").Equal(js.Global().Get("KeyboardEvent")) {
		return &dom.KeyboardEvent{BasicEvent: ev}
	}
	return ev
}

// guard wraps an event handler so that a bug in it is logged instead of
// ending the Go program that every viewer on the page shares.
func guard(h func(dom.Event)) func(dom.Event) {
	return func(ev dom.Event) {
		defer report()
		h(ev)
	}
}

// report logs a recovered panic to the browser console.
func report() {
	if r := recover(); r != nil {
		js.Global().Get("console").Call("error", fmt.Sprint("peacediff: internal error: ", r))
	}
}

// destroy removes the viewer from the page and releases every callback.
func (v *viewer) destroy() {
	if v.observer.Truthy() {
		v.observer.Call("disconnect")
		v.observer = js.Undefined()
	}
	for _, l := range v.listeners {
		l.target.Call("removeEventListener", l.typ, l.fn)
		l.fn.Release()
	}
	v.listeners = nil
	for _, f := range v.funcs {
		f.Release()
	}
	v.funcs = nil
	if v.root.Truthy() {
		v.root.Call("remove")
	}
}

func (v *viewer) onClick(ev dom.Event) {
	t := ev.Underlying().Get("target")
	if a := closest(t, "button[data-pd-mode]"); a.Truthy() {
		v.showMode(a.Call("getAttribute", "data-pd-mode").String())
		return
	}
	if a := closest(t, "[data-pd-step]"); a.Truthy() {
		if i, err := strconv.Atoi(a.Call("getAttribute", "data-pd-step").String()); err == nil {
			v.showStep(i)
		}
		return
	}
	if a := closest(t, "[data-pd-run]"); a.Truthy() {
		if i, err := strconv.Atoi(a.Call("getAttribute", "data-pd-run").String()); err == nil {
			v.filt.Expanded[i] = true
			v.redraw()
			v.goTo(i, false)
		}
		return
	}
	if a := closest(t, "[data-pd-go]"); a.Truthy() {
		if i, err := strconv.Atoi(a.Call("getAttribute", "data-pd-go").String()); err == nil && i < len(v.page.Rows) {
			ev.PreventDefault()
			v.goTo(i, true)
			v.setHash(i)
		}
	}
}

func (v *viewer) onKey(ev dom.Event) {
	u := ev.Underlying()
	if u.Get("ctrlKey").Bool() || u.Get("metaKey").Bool() || u.Get("altKey").Bool() {
		return
	}
	key := ev.(*dom.KeyboardEvent).Key()
	t := u.Get("target")
	tag := strings.ToLower(t.Get("tagName").String())
	if tag == "input" || tag == "select" || tag == "textarea" {
		if key == "Escape" && t.Equal(v.search.Value) {
			v.search.Set("value", "")
			v.filt.Query = ""
			v.refresh()
		}
		return
	}
	if tab := closest(t, "[role=tab]"); tab.Truthy() && (key == "ArrowRight" || key == "ArrowLeft") {
		at := 0
		for i, m := range modes {
			if m.id == v.mode {
				at = i
			}
		}
		step := 1
		if key == "ArrowLeft" {
			step = len(modes) - 1
		}
		next := modes[(at+step)%len(modes)].id
		v.showMode(next)
		v.tabs[next].Call("focus")
		ev.PreventDefault()
		return
	}
	if b := closest(t, "[data-pd-go]"); b.Truthy() && key == "Enter" && b.Get("tagName").String() != "A" {
		if i, err := strconv.Atoi(b.Call("getAttribute", "data-pd-go").String()); err == nil && i < len(v.page.Rows) {
			v.goTo(i, true)
			v.setHash(i)
			ev.PreventDefault()
		}
		return
	}
	switch key {
	case "n", "j":
		v.step1(1)
	case "p", "k":
		v.step1(-1)
	default:
		return
	}
	ev.PreventDefault()
}

func (v *viewer) onInput(ev dom.Event) {
	t := ev.Underlying().Get("target")
	if !t.Get("getAttribute").Truthy() {
		return
	}
	switch t.Call("getAttribute", "data-pd-filter").String() {
	case "kind":
		v.filt.Kind = t.Get("value").String()
	case "topic":
		v.filt.Topic = t.Get("value").String()
	case "meaning":
		v.filt.MeaningOnly = t.Get("checked").Bool()
	case "collapse":
		v.filt.Collapse = t.Get("checked").Bool()
		v.filt.Expanded = map[int]bool{}
	case "query":
		if v.filt.Query == t.Get("value").String() {
			return
		}
		v.filt.Query = t.Get("value").String()
	default:
		return
	}
	v.refresh()
}

// refresh redraws the current mode after a change of filter.
func (v *viewer) refresh() {
	v.focus = -1
	v.showMode(v.mode)
}

// showMode switches to a tab and draws its content.
func (v *viewer) showMode(mode string) {
	v.mode = mode
	for id, t := range v.tabs {
		sel := id == mode
		t.attr("aria-selected", strconv.FormatBool(sel))
		if sel {
			t.attr("tabindex", "0")
			v.panel.attr("aria-labelledby", t.Get("id").String())
		} else {
			t.attr("tabindex", "-1")
		}
	}
	v.panel.clear()
	v.list, v.sentinel, v.focusEl = node{}, node{}, node{}
	v.mapOld, v.mapNew = node{}, node{}
	if v.observer.Truthy() {
		v.observer.Call("disconnect")
	}
	v.collapseBox.Get("parentNode").Set("hidden", mode == "meaning" || mode == "map")
	switch mode {
	case "meaning":
		v.drawMeaning()
	case "map":
		v.drawMap()
	default:
		v.drawRows(mode == "inline")
	}
	v.root.attr("data-pd-mode", mode)
}

// show is called after the page changes: header, counts and filters are new.
func (v *viewer) show() {
	v.fillHeader()
	v.fillFilters()
}

// setStatus says how many rows the filters let through.
func (v *viewer) setStatus(shown, total int, what string) {
	s := "Showing all " + strconv.Itoa(total) + " " + what
	if shown != total {
		s = "Showing " + strconv.Itoa(shown) + " of " + strconv.Itoa(total) + " " + what
	}
	if v.mode == "side" || v.mode == "inline" {
		s += " · keys n and p step through the changes"
	}
	v.status.Set("textContent", s)
}

// followHash shows the row the location's fragment names, if it belongs to
// this viewer. It reports whether it did.
func (v *viewer) followHash() bool {
	h := js.Global().Get("location").Get("hash").String()
	prefix := "#" + v.id("")
	if !strings.HasPrefix(h, prefix) {
		return false
	}
	anchor := h[len(prefix):]
	if a, err := decodeURI(anchor); err == nil {
		anchor = a
	}
	i, ok := v.page.Row(anchor)
	if !ok {
		return false
	}
	v.goTo(i, true)
	return true
}

func decodeURI(s string) (res string, err error) {
	defer func() {
		if recover() != nil {
			res, err = s, errBadURI
		}
	}()
	return js.Global().Call("decodeURIComponent", s).String(), nil
}

type uriError struct{}

func (uriError) Error() string { return "peacediff: malformed fragment" }

var errBadURI error = uriError{}

// setHash records row i in the location without scrolling the page.
func (v *viewer) setHash(i int) {
	h := js.Global().Get("history")
	if h.Truthy() && h.Get("replaceState").Truthy() {
		h.Call("replaceState", js.Null(), "", "#"+v.id(v.page.Rows[i].Anchor))
	}
}

// goTo shows row i in the redline: it switches to the side-by-side view
// unless a redline is shown, loosens filters that hide the row, unfolds it,
// draws the rows up to it and scrolls it into view. With focus it also
// moves the keyboard focus there.
func (v *viewer) goTo(i int, focus bool) {
	if i < 0 || i >= len(v.page.Rows) {
		return
	}
	if !v.page.Shows(i, v.filt) {
		v.filt = Filter{Collapse: v.filt.Collapse, Expanded: v.filt.Expanded}
		v.fillFilters()
		v.list = node{}
	}
	for _, it := range v.page.Items(v.filt) {
		if it.Run != nil && slices.Contains(it.Run, i) {
			v.filt.Expanded[it.Row] = true
			v.list = node{}
		}
	}
	if v.mode != "side" && v.mode != "inline" {
		v.showMode("side")
	} else if !v.list.Truthy() {
		v.showMode(v.mode)
	}
	at := -1
	for k, it := range v.items {
		if it.Row == i {
			at = k
		}
	}
	if at < 0 {
		return
	}
	if at >= v.drawn {
		v.drawMore(at - v.drawn + chunk)
	}
	row := v.rowEl(i)
	if !row.Truthy() {
		return
	}
	v.setFocus(i, row, focus)
}

func (v *viewer) setFocus(i int, row node, focus bool) {
	if v.focusEl.Truthy() {
		v.focusEl.Get("classList").Call("remove", style.Focus)
	}
	v.focus, v.focusEl = i, row
	row.Get("classList").Call("add", style.Focus)
	opts := js.Global().Get("Object").New()
	opts.Set("block", "center")
	row.Call("scrollIntoView", opts)
	if focus {
		fo := js.Global().Get("Object").New()
		fo.Set("preventScroll", true)
		row.Call("focus", fo)
	}
}

// step1 moves to the next (dir 1) or previous (dir -1) changed row shown.
func (v *viewer) step1(dir int) {
	if v.mode != "side" && v.mode != "inline" {
		v.showMode("side")
	}
	var rows []int
	for _, it := range v.items {
		if it.Run == nil && v.page.Rows[it.Row].Match.Kind != diff.Unchanged {
			rows = append(rows, it.Row)
		}
	}
	if len(rows) == 0 {
		return
	}
	target := rows[0]
	if dir < 0 {
		target = rows[len(rows)-1]
	}
	if v.focus >= 0 {
		if dir > 0 {
			for _, r := range rows {
				if r > v.focus {
					target = r
					break
				}
			}
		} else {
			for k := len(rows) - 1; k >= 0; k-- {
				if rows[k] < v.focus {
					target = rows[k]
					break
				}
			}
		}
	}
	v.goTo(target, true)
	v.setHash(target)
}
