//go:build js && wasm

package wasm

import (
	"slices"
	"strings"
	"syscall/js"
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
)

// mountFixture renders the fixture into a new element of the test page.
func mountFixture(t *testing.T, opts Options) (*viewer, js.Value) {
	t.Helper()
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	v := newViewer(host, opts)
	v.mount(NewPage(fixture(), nil, nil))
	t.Cleanup(func() {
		v.destroy()
		host.Call("remove")
	})
	return v, host
}

func all(root js.Value, sel string) []js.Value {
	list := root.Call("querySelectorAll", sel)
	out := make([]js.Value, list.Length())
	for i := range out {
		out[i] = list.Index(i)
	}
	return out
}

func textsOf(root js.Value, sel string) []string {
	var out []string
	for _, e := range all(root, sel) {
		out = append(out, e.Get("textContent").String())
	}
	return out
}

func dispatch(target js.Value, typ string, init map[string]any) {
	ctor := "Event"
	if typ == "keydown" {
		ctor = "KeyboardEvent"
	}
	if typ == "click" || typ == "mouseover" || typ == "mouseout" {
		ctor = "MouseEvent"
	}
	opts := map[string]any{"bubbles": true, "cancelable": true}
	for k, v := range init {
		opts[k] = v
	}
	target.Call("dispatchEvent", js.Global().Get(ctor).New(typ, opts))
}

func TestHeader(t *testing.T) {
	_, host := mountFixture(t, Options{Index: 1, Collapse: true})
	title := textsOf(host, ".pd-title")
	if len(title) != 1 || !strings.Contains(title[0], "Old draft (2025-11-20)") || !strings.Contains(title[0], "New draft (2025-12-24)") {
		t.Errorf("title = %q", title)
	}
	counts := strings.Join(textsOf(host, ".pd-summary .pd-count"), "|")
	if want := "7 → 7 points|2 amended|1 reworded|1 removed|1 added|1 moved|3 unchanged"; counts != want {
		t.Errorf("counts = %q, want %q", counts, want)
	}
	if n := len(all(host, ".pd-count.pd-amended")); n != 1 {
		t.Errorf("%d amended counts with their class, want 1", n)
	}
	tabs := textsOf(host, "[role=tab]")
	if strings.Join(tabs, "|") != "Meaning|Side by side|Inline|Map" {
		t.Errorf("tabs = %q", tabs)
	}
	if sel := all(host, "[role=tab][aria-selected=true]"); len(sel) != 1 || sel[0].Get("textContent").String() != "Meaning" {
		t.Errorf("the Meaning tab is not the one selected")
	}
}

func TestMeaningView(t *testing.T) {
	_, host := mountFixture(t, Options{Index: 2, Collapse: true})
	labels := textsOf(host, ".pd-topic-label")
	if len(labels) != 3 {
		t.Fatalf("topic labels = %q, want 3 groups", labels)
	}
	chips := all(host, ".pd-meaning .pd-chip")
	var kinds []string
	for _, c := range chips {
		kinds = append(kinds, c.Call("getAttribute", "data-pd-change").String())
	}
	if strings.Join(kinds, " ") != "quantity modality party-added  " {
		// The last two chips are the removed and the added clause, with no change kind.
		t.Errorf("chip kinds = %q", kinds)
	}
	q := chips[0]
	if got := q.Get("textContent").String(); !strings.Contains(got, "600,000 personnel") || !strings.Contains(got, "800,000 personnel") {
		t.Errorf("quantity chip = %q", got)
	}
	if href := q.Call("getAttribute", "href").String(); href != "#pd-2-4" {
		t.Errorf("quantity chip links to %q, want #pd-2-4", href)
	}
	nato := chips[2]
	if !nato.Get("classList").Call("contains", "pd-chip-add").Bool() || !strings.HasSuffix(nato.Get("textContent").String(), "NATO") {
		t.Errorf("party chip = %q, class %q", nato.Get("textContent").String(), nato.Get("className").String())
	}
	// Clicking a chip opens its row in the side-by-side view.
	dispatch(q, "click", nil)
	row := host.Call("querySelector", "#pd-2-4")
	if !row.Truthy() || !row.Get("classList").Call("contains", "pd-focus").Bool() {
		t.Fatalf("after clicking the chip, row #pd-2-4 is missing or not focused")
	}
	if mode := host.Call("querySelector", ".pd-root").Call("getAttribute", "data-pd-mode").String(); mode != "side" {
		t.Errorf("mode after clicking a chip = %q, want side", mode)
	}
}

func TestSideBySide(t *testing.T) {
	v, host := mountFixture(t, Options{Index: 3, Mode: "side", Collapse: true})
	rows := all(host, "li.pd-row")
	if len(rows) != 6 {
		t.Fatalf("%d rows, want 6 (5 rows and one folded run)", len(rows))
	}
	if got := textsOf(host, ".pd-expander button"); len(got) != 1 || !strings.Contains(got[0], "3 unchanged points (1–3)") {
		t.Errorf("expander = %q", got)
	}
	amended := host.Call("querySelector", "#pd-3-4")
	if !amended.Get("classList").Call("contains", "pd-amended").Bool() || !amended.Get("classList").Call("contains", "pd-moved").Bool() {
		t.Errorf("row 6 → 4 classes = %q", amended.Get("className").String())
	}
	if got := textsOf(amended, "del.pd-del"); len(got) != 1 || got[0] != "deleted: 600,000" {
		t.Errorf("del = %q, want one with screen-reader text", got)
	}
	if got := textsOf(amended, "ins.pd-ins"); len(got) != 1 || got[0] != "inserted: 800,000" {
		t.Errorf("ins = %q", got)
	}
	if got := textsOf(amended, ".pd-sr-only"); !slices.Contains(got, "deleted: ") || !slices.Contains(got, "inserted: ") {
		t.Errorf("screen-reader texts = %q", got)
	}
	if got := textsOf(amended, ".pd-num"); len(got) != 2 || got[0] != "old point 6" || got[1] != "new point 4" {
		t.Errorf("numbers = %q", got)
	}
	if got := textsOf(amended, ".pd-badge"); len(got) != 2 || got[1] != "⟲ moved" {
		t.Errorf("badges = %q", got)
	}
	// Unfold the run of unchanged points.
	dispatch(host.Call("querySelector", ".pd-expander button"), "click", nil)
	if n := len(all(host, "li.pd-row")); n != 8 {
		t.Errorf("%d rows after unfolding, want 8", n)
	}
	// Inline mode interleaves deletions and insertions in one column.
	v.showMode("inline")
	inline := host.Call("querySelector", "#pd-3-4 .pd-text").Get("textContent").String()
	if inline != "The armed forces of Ukraine are capped at deleted: 600,000inserted: 800,000 personnel." {
		t.Errorf("inline redline = %q", inline)
	}
	if n := len(all(host, "#pd-3-old-7 del")); n != 1 {
		t.Errorf("removed clause inline: %d del elements, want 1", n)
	}
}

func TestNoMarkupFromText(t *testing.T) {
	before := document().Get("title").String()
	v, host := mountFixture(t, Options{Index: 4, Mode: "side"})
	for _, mode := range []string{"side", "inline", "meaning", "map"} {
		v.showMode(mode)
		if n := len(all(host, "img, script")); n != 0 {
			t.Errorf("%s: %d img/script elements made from clause text", mode, n)
		}
	}
	v.showMode("side")
	row := host.Call("querySelector", "#pd-4-6")
	if got := row.Get("textContent").String(); !strings.Contains(got, `<img src=x onerror="document.title='pwned'">`) || !strings.Contains(got, "<script>") {
		t.Errorf("the clause's markup is not shown literally: %q", got)
	}
	v.showMode("meaning")
	if got := document().Get("title").String(); got != before {
		t.Errorf("document.title changed to %q", got)
	}
}

func TestFilters(t *testing.T) {
	v, host := mountFixture(t, Options{Index: 5, Mode: "side", Collapse: true})
	search := host.Call("querySelector", "input[type=search]")
	search.Set("value", "nato")
	dispatch(search, "input", nil)
	if n := len(all(host, "li.pd-row")); n != 2 {
		t.Errorf("%d rows for the search nato, want 2", n)
	}
	if got := textsOf(host, "li.pd-row mark"); len(got) != 2 || !strings.EqualFold(got[0], "nato") {
		t.Errorf("marks = %q", got)
	}
	if got := host.Call("querySelector", ".pd-status").Get("textContent").String(); !strings.HasPrefix(got, "Showing 2 of 8 points") {
		t.Errorf("status = %q", got)
	}
	dispatch(search, "keydown", map[string]any{"key": "Escape"})
	if n := len(all(host, "li.pd-row")); n != 6 {
		t.Errorf("%d rows after Escape, want 6", n)
	}
	kind := host.Call("querySelector", "select[data-pd-filter=kind]")
	kind.Set("value", "amended")
	dispatch(kind, "change", nil)
	if got := len(all(host, "li.pd-row")); got != 2 || v.filt.Kind != "amended" {
		t.Errorf("%d rows for kind amended (filter %q), want 2", got, v.filt.Kind)
	}
	kind.Set("value", "")
	dispatch(kind, "change", nil)
	meaning := host.Call("querySelector", "input[data-pd-filter=meaning]")
	meaning.Set("checked", true)
	dispatch(meaning, "change", nil)
	if n := len(all(host, "li.pd-row")); n != 4 {
		t.Errorf("%d rows with meaning only, want 4", n)
	}
}

func TestKeyboard(t *testing.T) {
	v, host := mountFixture(t, Options{Index: 6, Mode: "side", Collapse: true})
	panel := host.Call("querySelector", ".pd-panel")
	var seen []int
	for range 3 {
		dispatch(panel, "keydown", map[string]any{"key": "n"})
		seen = append(seen, v.focus)
	}
	dispatch(panel, "keydown", map[string]any{"key": "k"})
	seen = append(seen, v.focus)
	if !slices.Equal(seen, []int{3, 4, 5, 4}) {
		t.Errorf("n n n k visits rows %v, want [3 4 5 4]", seen)
	}
	focused := all(host, ".pd-focus")
	if len(focused) != 1 || focused[0].Get("id").String() != "pd-6-5" {
		t.Errorf("focused rows: %d, want #pd-6-5 only", len(focused))
	}
	if !document().Get("activeElement").Equal(focused[0]) {
		t.Errorf("keyboard focus is not on the row")
	}
}

func TestDeepLink(t *testing.T) {
	history := js.Global().Get("history")
	history.Call("replaceState", js.Null(), "", "#pd-7-old-7")
	defer history.Call("replaceState", js.Null(), "", "#")
	v, host := mountFixture(t, Options{Index: 7, Collapse: true})
	if v.mode != "side" || v.focus != 5 {
		t.Errorf("after #pd-7-old-7: mode %q focus %d, want side and row 5", v.mode, v.focus)
	}
	// A fragment inside a folded run unfolds it.
	history.Call("replaceState", js.Null(), "", "#pd-7-2")
	v.followHash()
	row := host.Call("querySelector", "#pd-7-2")
	if !row.Truthy() || !row.Get("classList").Call("contains", "pd-focus").Bool() {
		t.Errorf("#pd-7-2 was not unfolded and focused")
	}
	// Another viewer's fragment is left alone.
	history.Call("replaceState", js.Null(), "", "#pd-77-4")
	if v.followHash() {
		t.Errorf("viewer 7 followed the fragment of viewer 77")
	}
}

func TestMap(t *testing.T) {
	v, host := mountFixture(t, Options{Index: 8, Mode: "map"})
	svg := host.Call("querySelector", "svg.pd-map")
	if !svg.Truthy() || svg.Get("namespaceURI").String() != svgNS {
		t.Fatalf("no SVG map")
	}
	bands := all(host, "path.pd-band")
	if len(bands) != 6 {
		t.Fatalf("%d bands, want 6", len(bands))
	}
	b := bands[3]
	if got := b.Call("getAttribute", "class").String(); got != "pd-band pd-amended pd-moved" {
		t.Errorf("band class = %q", got)
	}
	dispatch(b, "mouseover", nil)
	if n := len(all(host, ".pd-map-node.pd-active")); n != 2 || !b.Get("classList").Call("contains", "pd-active").Bool() {
		t.Errorf("hovering a band highlights %d nodes, want 2 and the band", n)
	}
	dispatch(b, "mouseout", nil)
	if n := len(all(host, ".pd-active")); n != 0 {
		t.Errorf("%d elements still highlighted after mouseout", n)
	}
	dispatch(b, "click", nil)
	if v.mode != "side" || v.focus != 3 {
		t.Errorf("clicking band 6 → 4: mode %q focus %d, want side and row 3", v.mode, v.focus)
	}
}

func TestDestroy(t *testing.T) {
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	defer host.Call("remove")
	v := newViewer(host, Options{Index: 9, Mode: "side"})
	v.mount(NewPage(fixture(), nil, nil))
	root := v.root.Value
	tab := host.Call("querySelector", "[data-pd-mode=map]")
	v.destroy()
	if host.Get("childElementCount").Int() != 0 {
		t.Errorf("the host still holds %d elements", host.Get("childElementCount").Int())
	}
	if len(v.listeners) != 0 || len(v.funcs) != 0 {
		t.Errorf("%d listeners and %d funcs kept", len(v.listeners), len(v.funcs))
	}
	// A released handler still registered would throw "call to released
	// function"; a removed one does nothing.
	document().Get("body").Call("appendChild", root)
	defer root.Call("remove")
	dispatch(tab, "click", nil)
	dispatch(js.Global(), "hashchange", nil)
	if v.mode != "side" {
		t.Errorf("a click after destroy switched the mode to %q", v.mode)
	}
}

func TestRealComparison(t *testing.T) {
	oldText, err := plans.Text("us-28")
	if err != nil {
		t.Fatal(err)
	}
	newText, err := plans.Text("ua-20")
	if err != nil {
		t.Fatal(err)
	}
	c, err := Compare(string(oldText), string(newText))
	if err != nil {
		t.Fatal(err)
	}
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	defer host.Call("remove")
	v := newViewer(host, Options{Index: 10, Collapse: true})
	v.mount(NewPage(c.Result, c.Old, c.New))
	defer v.destroy()
	if got := textsOf(host, ".pd-count")[0]; got != "28 → 20 points" {
		t.Errorf("first count = %q", got)
	}
	if n := len(all(host, ".pd-topic")); n == 0 {
		t.Errorf("no topic in the meaning view")
	}
	if n := len(all(host, ".pd-chip")); n == 0 {
		t.Errorf("no chip in the meaning view")
	}
	v.showMode("side")
	if n := len(all(host, "li.pd-row")); n == 0 {
		t.Errorf("no rows")
	}
	if n := len(all(host, "del.pd-del")) + len(all(host, "ins.pd-ins")); n == 0 {
		t.Errorf("no word-level edits")
	}
}

func TestRegister(t *testing.T) {
	global := js.Global().Get("Object").New()
	box := js.Global().Get("Object").New()
	readyCalled := false
	ready := js.FuncOf(func(js.Value, []js.Value) any { readyCalled = true; return nil })
	defer ready.Release()
	box.Set("ready", ready)
	global.Set(Hook, box)
	if err := Register(global); err != nil {
		t.Fatal(err)
	}
	if !readyCalled {
		t.Fatal("Register did not call ready")
	}
	r := box.Call("compare", "1. A ceasefire starts.", 42)
	if msg := r.Get("error"); msg.Type() != js.TypeString || !strings.HasPrefix(msg.String(), "peacediff: new must be a string") {
		t.Errorf("compare with a number: %v", msg)
	}
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	defer host.Call("remove")
	in := js.Global().Get("Object").New()
	in.Set("result", mustJS(t, fixture()))
	r = box.Call("render", host, in, map[string]any{"index": 11, "mode": "inline"})
	if r.Get("error").Truthy() {
		t.Fatalf("render: %s", r.Get("error").String())
	}
	if n := len(all(host, "li.pd-row")); n != 6 {
		t.Errorf("render from a result: %d rows, want 6", n)
	}
	box.Call("destroy", r.Get("value"))
	if host.Get("childElementCount").Int() != 0 {
		t.Errorf("destroy left the viewer in place")
	}
	bad := js.Global().Get("Object").New()
	bad.Set("result", map[string]any{"old": map[string]any{}})
	if r := box.Call("render", host, bad, nil); !strings.HasPrefix(r.Get("error").String(), "peacediff: result: ") {
		t.Errorf("render of an object that is no result: %v", r.Get("error"))
	}
}

func mustJS(t *testing.T, v any) js.Value {
	t.Helper()
	x, err := toJS(v)
	if err != nil {
		t.Fatal(err)
	}
	return x
}
