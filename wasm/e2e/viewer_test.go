//go:build !js

package e2e

import (
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

// native compares two plan texts the way the viewer does, with the Go
// packages on the host: peace.Parse both, then diff.Compare with no options.
func native(t *testing.T, oldText, newText []byte) *diff.Result {
	t.Helper()
	old, err := peace.Parse(bytes.NewReader(oldText))
	if err != nil {
		t.Fatalf("parsing the old plan: %v", err)
	}
	new, err := peace.Parse(bytes.NewReader(newText))
	if err != nil {
		t.Fatalf("parsing the new plan: %v", err)
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		t.Fatalf("comparing: %v", err)
	}
	return r
}

// planText returns a bundled plan, or a file of testdata for an id that
// starts with "testdata/".
func planText(t *testing.T, id string) []byte {
	t.Helper()
	if name, ok := strings.CutPrefix(id, "testdata/"); ok {
		b, err := os.ReadFile(filepath.Join("testdata", name))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	b, err := plans.Text(id)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// planURL serves a plan (see planText) under /plans/ and returns its path
// relative to the page.
func planURL(t *testing.T, id string) string {
	t.Helper()
	name := strings.TrimPrefix(id, "testdata/")
	name = strings.TrimSuffix(name, ".txt") + ".txt"
	testSite.addText("/plans/"+name, planText(t, id))
	return "plans/" + name
}

// canonical re-encodes a JSON document so that two encoders of the same
// value give the same bytes: object keys sorted, no HTML escaping, numbers
// kept exactly as written.
func canonical(t *testing.T, what string, doc []byte) []byte {
	t.Helper()
	dec := json.NewDecoder(bytes.NewReader(doc))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		t.Fatalf("%s is not JSON: %v\n%.300s", what, err, doc)
	}
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", " ")
	if err := enc.Encode(v); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// sameJSON fails the test unless the two documents hold the same value,
// showing the first lines that differ.
func sameJSON(t *testing.T, what string, got, want []byte) {
	t.Helper()
	g, w := canonical(t, what+" (browser)", got), canonical(t, what+" (native)", want)
	if bytes.Equal(g, w) {
		return
	}
	gl, wl := strings.Split(string(g), "\n"), strings.Split(string(w), "\n")
	for i := 0; i < len(gl) || i < len(wl); i++ {
		var a, b string
		if i < len(gl) {
			a = gl[i]
		}
		if i < len(wl) {
			b = wl[i]
		}
		if a != b {
			lo, hi := max(0, i-3), min(len(wl), i+3)
			t.Fatalf("%s: the browser's JSON differs from the native one at line %d:\nbrowser: %s\nnative:  %s\nnative context:\n%s",
				what, i+1, a, b, strings.Join(wl[lo:hi], "\n"))
		}
	}
}

// viewerState waits until the viewer in the element sel has rendered or
// failed, and returns "ready" or "error".
func (tb *tab) viewerState(sel string) string {
	tb.t.Helper()
	q := `document.querySelector(` + jsString(sel) + `)`
	tb.wait(q+` && ["ready", "error"].includes(`+q+`.getAttribute("data-peacediff-state"))`, "the viewer in "+sel)
	return eval[string](tb, q+`.getAttribute("data-peacediff-state")`)
}

// waitReady waits for the viewer in sel and fails the test with the
// viewer's own message if it shows an error.
func (tb *tab) waitReady(sel string) {
	tb.t.Helper()
	if tb.viewerState(sel) != "ready" {
		msg := eval[string](tb, `(document.querySelector(`+jsString(sel)+` + " [role=alert]") || {}).textContent || "(no message)"`)
		tb.t.Fatalf("the viewer in %s shows an error: %s", sel, msg)
	}
}

// A shownViewer is what the test reads back from a rendered viewer.
type shownViewer struct {
	Title  string      `json:"title"`
	Counts []shownItem `json:"counts"`
	Rows   []shownRow  `json:"rows"`
	Topics int         `json:"topics"` // topic groups of the meaning view
	Items  int         `json:"items"`  // items of the meaning view
	Status string      `json:"status"`
	Mode   string      `json:"mode"`
}

type shownItem struct {
	Text  string `json:"text"`
	Class string `json:"class"`
}

type shownRow struct {
	Index   int         `json:"index"`
	Class   string      `json:"class"`
	Text    string      `json:"text"`
	Changes []shownChip `json:"changes"`
}

type shownChip struct {
	Kind   string `json:"kind"`
	Before string `json:"before"`
	After  string `json:"after"`
	Text   string `json:"text"`
}

// readViewerJS reads a viewer's header, rows and meaning items; %s is the
// selector of the host element, as a JavaScript string.
const readViewerJS = `(() => {
  const root = document.querySelector(%s + " .pd-root");
  const all = (el, sel) => Array.from(el.querySelectorAll(sel));
  const text = (el) => el ? el.textContent : "";
  return {
    title: text(root.querySelector(".pd-title")),
    counts: all(root, ".pd-summary .pd-count").map(c => ({text: c.textContent, class: c.className})),
    rows: all(root, "li[data-pd-row]").map(r => ({
      index: Number(r.getAttribute("data-pd-row")),
      class: r.className,
      text: r.textContent,
      changes: all(r, "[data-pd-change]").map(c => ({
        kind: c.getAttribute("data-pd-change"),
        before: text(c.querySelector(".pd-before")),
        after: text(c.querySelector(".pd-after")),
        text: c.textContent,
      })),
    })),
    topics: all(root, ".pd-meaning .pd-topic").length,
    items: all(root, ".pd-meaning .pd-item").length,
    status: text(root.querySelector(".pd-status")),
    mode: (root.querySelector("[role=tab][aria-selected=true]") || {getAttribute: () => ""}).getAttribute("data-pd-mode") || "",
  };
})()`

func readViewer(tb *tab, sel string) shownViewer {
	tb.t.Helper()
	return eval[shownViewer](tb, fmt.Sprintf(readViewerJS, jsString(sel)))
}

// showAllRows switches the viewer in sel to the side-by-side tab, turns
// off the folding of unchanged points and scrolls until every row is drawn.
func (tb *tab) showAllRows(sel string) {
	tb.t.Helper()
	root := `document.querySelector(` + jsString(sel) + ` + " .pd-root")`
	tb.do("clicking the side-by-side tab", chromedp.Click(chromedp.CSS(sel+` [data-pd-mode="side"]`)))
	tb.wait(root+`.querySelector('[role=tab][aria-selected=true][data-pd-mode="side"]') && `+root+`.querySelector(".pd-rows")`, "the side-by-side view")
	if eval[bool](tb, root+`.querySelector('input[data-pd-filter="collapse"]').checked`) {
		tb.do("unfolding unchanged points", chromedp.Click(chromedp.CSS(sel+` input[data-pd-filter="collapse"]`)))
	}
	tb.wait(`(() => {
	  const root = `+root+`;
	  if (root.querySelector(".pd-expander")) return false;
	  const s = root.querySelector(".pd-sentinel");
	  if (s) { s.scrollIntoView(); return false; }
	  return true;
	})()`, "every row to be drawn")
}

// checkAgainst compares what the viewer shows with the native result.
func checkAgainst(t *testing.T, got shownViewer, r *diff.Result) {
	t.Helper()
	// The count line: the points, then one count per kind present.
	s := r.Summary
	want := map[string]int{
		"unchanged": s.Unchanged, "reworded": s.Reworded, "amended": s.Amended, "split": s.Split,
		"merged": s.Merged, "added": s.Added, "removed": s.Removed, "moved": s.Moved,
	}
	points := fmt.Sprintf("%d → %d points", r.Old.Clauses, r.New.Clauses)
	if len(got.Counts) == 0 || got.Counts[0].Text != points {
		t.Errorf("count line %v: want it to start with %q", got.Counts, points)
	}
	seen := map[string]bool{}
	for _, c := range got.Counts[min(1, len(got.Counts)):] {
		var n int
		var kind string
		if _, err := fmt.Sscanf(c.Text, "%d %s", &n, &kind); err != nil {
			t.Errorf("count %q: not \"<n> <kind>\"", c.Text)
			continue
		}
		if w, ok := want[kind]; !ok || w != n {
			t.Errorf("count %q: the native summary has %d %s", c.Text, w, kind)
		}
		if !strings.Contains(" "+c.Class+" ", " pd-"+kind+" ") {
			t.Errorf("count %q has classes %q, want pd-%s among them", c.Text, c.Class, kind)
		}
		seen[kind] = true
	}
	for kind, n := range want {
		if n > 0 && !seen[kind] {
			t.Errorf("the count line lacks %d %s", n, kind)
		}
	}

	// One row per match, in order, with the match's kind and its changes.
	if len(got.Rows) != len(r.Matches) {
		t.Fatalf("%d rows, want one per match: %d", len(got.Rows), len(r.Matches))
	}
	for i, row := range got.Rows {
		m := r.Matches[i]
		if row.Index != i {
			t.Errorf("row %d has data-pd-row %d", i, row.Index)
		}
		classes := strings.Fields(row.Class)
		if !slices.Contains(classes, "pd-"+string(m.Kind)) {
			t.Errorf("row %d (%v → %v) has classes %q, want pd-%s", i, m.Old, m.New, row.Class, m.Kind)
		}
		if slices.Contains(classes, "pd-moved") != m.Moved {
			t.Errorf("row %d (%v → %v): pd-moved is %v, native moved is %v", i, m.Old, m.New, !m.Moved, m.Moved)
		}
		// One chip per change; the viewer may order them for readers (topics
		// last), so compare as multisets, then the values kind by kind.
		var kinds, wantKinds []string
		for _, c := range row.Changes {
			kinds = append(kinds, c.Kind)
		}
		for _, c := range m.Changes {
			wantKinds = append(wantKinds, string(c.Kind))
		}
		slices.Sort(kinds)
		slices.Sort(wantKinds)
		if !slices.Equal(kinds, wantKinds) {
			t.Errorf("row %d (%v → %v): chips %q, native changes %q", i, m.Old, m.New, kinds, wantKinds)
			continue
		}
		for _, kind := range []diff.ChangeKind{diff.QuantityChange, diff.DurationChange, diff.ModalityChange} {
			var chips []shownChip
			for _, c := range row.Changes {
				if c.Kind == string(kind) {
					chips = append(chips, c)
				}
			}
			k := 0
			for _, c := range m.Changes {
				if c.Kind != kind {
					continue
				}
				// The values as the diff package phrases them for readers.
				chip := chips[k]
				k++
				before, after, ok := strings.Cut(c.String(), " → ")
				if ok && (chip.Before != before || chip.After != after) {
					t.Errorf("row %d %s chip: %q → %q, native %q", i, kind, chip.Before, chip.After, c.String())
				}
			}
		}
	}
}

// TestViewerMatchesNative embeds the viewer exactly as the README does and
// checks that it shows the same comparison as diff.Compare on the host:
// the count line, one row per match with its kind, its moved flag and one
// chip per change of meaning, and the topics of the meaning view.
func TestViewerMatchesNative(t *testing.T) {
	tests := []struct {
		reason   string
		old, new string
	}{
		{"the README's example: the US draft against the Kyiv–Washington points", "us-28", "ua-20"},
		{"the European counter-proposal, point by point against its source", "us-28", "eu-counter"},
		{"the two European texts, with their gap in the numbering", "eu-24", "eu-counter"},
	}
	for _, tt := range tests {
		t.Run(tt.old+"_"+tt.new, func(t *testing.T) {
			r := native(t, planText(t, tt.old), planText(t, tt.new))
			tb := newTab(t)
			tb.open(testSite.page(t.Name(), fmt.Sprintf(`<h1>What changed</h1>
<div id="v" data-peacediff data-old="%s" data-new="%s"></div>`, planURL(t, tt.old), planURL(t, tt.new))))
			tb.waitReady("#v")

			// The first screen is the meaning view: changes grouped by topic.
			first := readViewer(tb, "#v")
			if first.Mode != "meaning" {
				t.Errorf("the viewer opens on %q, want the meaning view", first.Mode)
			}
			groups := r.ByTopic()
			items := 0
			for _, g := range groups {
				items += len(g.Matches)
			}
			if first.Topics != len(groups) || first.Items != items {
				t.Errorf("meaning view: %d topics with %d items, native ByTopic: %d with %d\nreason: %s",
					first.Topics, first.Items, len(groups), items, tt.reason)
			}
			for _, info := range []diff.PlanInfo{r.Old, r.New} {
				if !strings.Contains(first.Title, info.Title) {
					t.Errorf("title %q lacks %q", first.Title, info.Title)
				}
			}

			tb.showAllRows("#v")
			got := readViewer(tb, "#v")
			checkAgainst(t, got, r)
			if t.Failed() {
				t.Logf("reason: %s", tt.reason)
			}
			if ex := tb.exceptions(); len(ex) > 0 {
				t.Errorf("uncaught exceptions: %q", ex)
			}
		})
	}
}

// TestCompareJSON checks that peacediff.compare in the browser returns the
// JSON contract exactly as diff.Compare and json.Marshal give it natively.
// The loader hands out a parsed object, so both sides are compared after
// the same canonical re-encoding, numbers kept digit for digit.
func TestCompareJSON(t *testing.T) {
	tests := []struct {
		reason   string
		old, new string
	}{
		{"renumbering, merges and changes of quantity", "us-28", "ua-20"},
		{"sub-points and a gap in the numbering", "us-28", "eu-counter"},
		{"a plan against itself: everything unchanged", "eu-24", "eu-24"},
		{"markup in the text travels as characters", "testdata/xss-old.txt", "testdata/xss-new.txt"},
	}
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<p>compare only</p>`))
	tb.wait(`window.peacediff`, "the loader")
	eval[bool](tb, `peacediff.ready.then(() => true)`)
	for _, tt := range tests {
		oldText, newText := planText(t, tt.old), planText(t, tt.new)
		want, err := json.Marshal(native(t, oldText, newText))
		if err != nil {
			t.Fatal(err)
		}
		got := eval[string](tb, fmt.Sprintf(`peacediff.compare(%s, %s).then(r => JSON.stringify(r))`,
			jsString(string(oldText)), jsString(string(newText))))
		sameJSON(t, tt.old+" → "+tt.new+" ("+tt.reason+")", []byte(got), want)

		// The diff package's own JSON writer holds the same value.
		var w bytes.Buffer
		if err := native(t, oldText, newText).WriteJSON(&w); err != nil {
			t.Fatal(err)
		}
		sameJSON(t, tt.old+" → "+tt.new+" (WriteJSON)", []byte(got), w.Bytes())
	}
}

// TestHistoryJSON checks peacediff.history over every bundled plan against
// diff.Compare of each version with the next.
func TestHistoryJSON(t *testing.T) {
	ids := plans.IDs()
	var texts []string
	var steps []json.RawMessage
	for i, id := range ids {
		texts = append(texts, jsString(string(planText(t, id))))
		if i > 0 {
			b, err := json.Marshal(native(t, planText(t, ids[i-1]), planText(t, id)))
			if err != nil {
				t.Fatal(err)
			}
			steps = append(steps, b)
		}
	}
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<p>history only</p>`))
	tb.wait(`window.peacediff`, "the loader")
	got := eval[string](tb, `peacediff.history([`+strings.Join(texts, ",")+`]).then(h => JSON.stringify(h.steps))`)
	want, err := json.Marshal(steps)
	if err != nil {
		t.Fatal(err)
	}
	sameJSON(t, "history of "+strings.Join(ids, ", "), []byte(got), want)
}

// TestKeyboardAndFilters drives the viewer as a reader would: the kind
// filter, the search box, then n and p to step through the changes.
func TestKeyboardAndFilters(t *testing.T) {
	r := native(t, planText(t, "us-28"), planText(t, "ua-20"))
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="v" data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>`))
	tb.waitReady("#v")
	tb.showAllRows("#v")
	all := readViewer(tb, "#v")

	// Filter by kind: only the amended rows remain.
	tb.do("choosing a kind", chromedp.SetValue(chromedp.CSS(`#v select[data-pd-filter="kind"]`), "amended"))
	tb.run(`document.querySelector('#v select[data-pd-filter="kind"]').dispatchEvent(new Event("change", {bubbles: true}))`)
	tb.wait(`document.querySelectorAll("#v li[data-pd-row]:not(.pd-amended)").length === 0`, "the kind filter")
	filtered := readViewer(tb, "#v")
	if len(filtered.Rows) != r.Summary.Amended {
		t.Errorf("kind filter amended: %d rows, native summary %d amended", len(filtered.Rows), r.Summary.Amended)
	}
	wantStatus := fmt.Sprintf("Showing %d of %d", r.Summary.Amended, len(r.Matches))
	if !strings.Contains(filtered.Status, wantStatus) {
		t.Errorf("status %q, want it to say %q", filtered.Status, wantStatus)
	}

	// Back to all kinds, then search for a word.
	tb.do("resetting the kind", chromedp.SetValue(chromedp.CSS(`#v select[data-pd-filter="kind"]`), ""))
	tb.run(`document.querySelector('#v select[data-pd-filter="kind"]').dispatchEvent(new Event("change", {bubbles: true}))`)
	tb.wait(fmt.Sprintf(`document.querySelectorAll("#v li[data-pd-row]").length === %d`, len(all.Rows)), "all rows again")
	const word = "NATO"
	tb.do("typing in the search box", chromedp.SendKeys(chromedp.CSS(`#v .pd-search`), word))
	tb.wait(fmt.Sprintf(`document.querySelectorAll("#v li[data-pd-row]").length < %d`, len(all.Rows)), "the search")
	searched := readViewer(tb, "#v")
	if len(searched.Rows) == 0 {
		t.Fatalf("searching %q leaves no row", word)
	}
	for _, row := range searched.Rows {
		if !strings.Contains(strings.ToLower(row.Text), strings.ToLower(word)) {
			t.Errorf("search %q shows row %d without the word: %.120s", word, row.Index, row.Text)
		}
	}
	hits := 0
	for _, row := range all.Rows {
		if strings.Contains(strings.ToLower(row.Text), strings.ToLower(word)) {
			hits++
		}
	}
	if len(searched.Rows) < hits {
		t.Errorf("search %q shows %d rows, %d rows contain it", word, len(searched.Rows), hits)
	}
	tb.do("clearing the search", chromedp.KeyEvent("\x1b")) // Escape, focus still in the box
	tb.wait(fmt.Sprintf(`document.querySelectorAll("#v li[data-pd-row]").length === %d`, len(all.Rows)), "Escape to clear the search")

	// n moves the focus to the first changed row, n again to the next, p back.
	var changed []int
	for i, m := range r.Matches {
		if m.Kind != diff.Unchanged {
			changed = append(changed, i)
		}
	}
	if len(changed) < 2 {
		t.Fatalf("the plans have %d changed matches; the test needs two", len(changed))
	}
	focused := `(document.activeElement && document.activeElement.closest("#v li[data-pd-row]") || {getAttribute: () => "none"}).getAttribute("data-pd-row")`
	tb.do("focusing the panel", chromedp.Focus(chromedp.CSS(`#v .pd-panel`)))
	for _, step := range []struct {
		key  string
		want int
	}{{"n", changed[0]}, {"n", changed[1]}, {"p", changed[0]}, {"j", changed[1]}, {"k", changed[0]}} {
		tb.do("pressing "+step.key, chromedp.KeyEvent(step.key))
		tb.wait(fmt.Sprintf(`%s === "%d"`, focused, step.want), fmt.Sprintf("%q to focus row %d", step.key, step.want))
		if !eval[bool](tb, fmt.Sprintf(`document.querySelector('#v li[data-pd-row="%d"]').classList.contains("pd-focus")`, step.want)) {
			t.Errorf("after %q row %d has focus but not the pd-focus class", step.key, step.want)
		}
	}
	// The location names the focused row, so the reader can share it.
	hash := eval[string](tb, `location.hash`)
	id := eval[string](tb, fmt.Sprintf(`document.querySelector('#v li[data-pd-row="%d"]').id`, changed[0]))
	if hash != "#"+id {
		t.Errorf("after stepping to row %d the location hash is %q, want #%s", changed[0], hash, id)
	}
	if ex := tb.exceptions(); len(ex) > 0 {
		t.Errorf("uncaught exceptions: %q", ex)
	}
}

// TestDeepLink opens a page whose fragment names a clause of the new plan
// (#pd-<viewer>-<path>): the viewer opens on the redline with that row in
// view and focused.
func TestDeepLink(t *testing.T) {
	r := native(t, planText(t, "us-28"), planText(t, "ua-20"))
	// The last match with a new clause, so that it is far down the page.
	target := -1
	for i, m := range r.Matches {
		if len(m.New) == 1 {
			target = i
		}
	}
	if target < 0 {
		t.Fatal("no match with one new clause")
	}
	path := r.Matches[target].New[0]
	tb := newTab(t)
	url := testSite.page(t.Name(), `<div style="height: 120vh">filler above the viewer</div>
<div id="v" data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>`)
	tb.open(url + "#pd-0-" + path)
	tb.waitReady("#v")
	row := fmt.Sprintf(`document.querySelector('#v li[data-pd-row="%d"]')`, target)
	tb.wait(row+` && `+row+`.classList.contains("pd-focus")`, "the linked row to be highlighted")
	if got := eval[string](tb, row+`.id`); got != "pd-0-"+path {
		t.Errorf("the linked row has id %q, want pd-0-%s", got, path)
	}
	if mode := readViewer(tb, "#v").Mode; mode != "side" && mode != "inline" {
		t.Errorf("a deep link opens the %q view, want the redline", mode)
	}
	tb.wait(`(() => { const b = `+row+`.getBoundingClientRect(); return b.bottom > 0 && b.top < innerHeight; })()`,
		"the linked row to scroll into view")
	if !eval[bool](tb, `document.activeElement === `+row) {
		t.Errorf("the linked row does not have the keyboard focus")
	}

	// A link clicked later (hashchange) moves to another row.
	first := -1
	for i, m := range r.Matches {
		if len(m.New) == 1 && i != target {
			first = i
			break
		}
	}
	tb.run(`location.hash = "#pd-0-` + r.Matches[first].New[0] + `"`)
	tb.wait(fmt.Sprintf(`document.querySelector('#v li[data-pd-row="%d"]').classList.contains("pd-focus")`, first),
		"a new fragment to move the highlight")
}

// TestNoMarkupFromText renders plans whose title and clauses hold markup
// and script. The viewer must show them as characters: nothing runs, no img
// or script element appears, and the text reads as written.
func TestNoMarkupFromText(t *testing.T) {
	oldURL, newURL := planURL(t, "testdata/xss-old.txt"), planURL(t, "testdata/xss-new.txt")
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="v" data-peacediff data-old="`+oldURL+`" data-new="`+newURL+`"></div>
<div id="w"></div>`))
	tb.waitReady("#v")
	tb.showAllRows("#v")
	// The same texts through the JavaScript API, in the inline view.
	tb.run(`Promise.all([fetch("` + oldURL + `").then(r => r.text()), fetch("` + newURL + `").then(r => r.text())])
	  .then(([o, n]) => peacediff.render(document.getElementById("w"), {old: o, new: n}, {mode: "inline", collapse: false}))`)
	tb.waitReady("#w")

	// Let a broken image fail to load, as the injected one would have, so
	// that its onerror would have run by now.
	eval[bool](tb, `new Promise(resolve => { const i = new Image(); i.onerror = i.onload = () => resolve(true); i.src = "x?canary"; })`)

	if pwned := eval[string](tb, `typeof window.__pwned`); pwned != "undefined" {
		t.Errorf("window.__pwned is %s: markup from a plan ran", pwned)
	}
	for _, sel := range []string{"#v", "#w"} {
		if n := eval[int](tb, `document.querySelectorAll("`+sel+` img, `+sel+` script, `+sel+` [onerror]").length`); n != 0 {
			t.Errorf("%s holds %d img/script/onerror elements made from plan text", sel, n)
		}
		text := eval[string](tb, `document.querySelector("`+sel+`").textContent`)
		for _, literal := range []string{
			`<img src=x onerror="window.__pwned=1">`,
			`<script>window.__pwned=1</script>`,
		} {
			if !strings.Contains(text, literal) {
				t.Errorf("%s does not show %s as text", sel, literal)
			}
		}
	}
}

// TestTwoViewers puts two comparisons on one page: both render, their ids
// do not collide, and each one's controls act on it alone.
func TestTwoViewers(t *testing.T) {
	ra := native(t, planText(t, "us-28"), planText(t, "eu-counter"))
	rb := native(t, planText(t, "eu-24"), planText(t, "ua-20"))
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<h2>First</h2>
<div id="a" data-peacediff data-old="plans/us-28.txt" data-new="plans/eu-counter.txt"></div>
<h2>Second</h2>
<div id="b" data-peacediff data-old="plans/eu-24.txt" data-new="plans/ua-20.txt" data-mode="inline"></div>`))
	tb.waitReady("#a")
	tb.waitReady("#b")
	if m := readViewer(tb, "#b").Mode; m != "inline" {
		t.Errorf("data-mode=inline: the second viewer opens on %q", m)
	}
	if dups := eval[[]string](tb, `(() => {
	  const seen = new Set(), dups = [];
	  for (const el of document.querySelectorAll("[id]")) { if (seen.has(el.id)) dups.push(el.id); seen.add(el.id); }
	  return dups;
	})()`); len(dups) > 0 {
		t.Errorf("duplicate ids on a page with two viewers: %q", dups)
	}
	tb.showAllRows("#a")
	tb.showAllRows("#b")
	checkAgainst(t, readViewer(tb, "#a"), ra)
	checkAgainst(t, readViewer(tb, "#b"), rb)

	// Filtering the first leaves the second alone.
	before := len(readViewer(tb, "#b").Rows)
	tb.do("searching in the first viewer", chromedp.SendKeys(chromedp.CSS(`#a .pd-search`), "zzzz-no-such-word"))
	tb.wait(`document.querySelectorAll("#a li[data-pd-row]").length === 0`, "the first viewer's search")
	if after := len(readViewer(tb, "#b").Rows); after != before {
		t.Errorf("searching in the first viewer changed the second: %d rows, then %d", before, after)
	}
}

// TestInlineSource reads the plans from inline <script type="text/plain">
// elements named by #id, indented like the HTML around them.
func TestInlineSource(t *testing.T) {
	const oldPlan = `title: Inline old
id: inline-old

1. The ceasefire starts within 72 hours.
2. Both sides withdraw heavy weapons 15 km from the line of contact.
3. Observers will report every week.
`
	const newPlan = `title: Inline new
id: inline-new

1. The ceasefire starts within 48 hours.
2. Both sides withdraw heavy weapons 30 km from the line of contact.
3. Observers may report every month.
4. Prisoners are exchanged all for all.
`
	indent := func(s string) string {
		return "\n    " + strings.ReplaceAll(strings.TrimRight(s, "\n"), "\n", "\n    ") + "\n  "
	}
	r := native(t, []byte(oldPlan), []byte(newPlan))
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div>
  <script type="text/plain" id="old-plan">`+indent(oldPlan)+`</script>
  <script type="text/plain" id="new-plan">`+indent(newPlan)+`</script>
  <div id="v" data-peacediff data-old="#old-plan" data-new="#new-plan"></div>
</div>`))
	tb.waitReady("#v")
	tb.showAllRows("#v")
	checkAgainst(t, readViewer(tb, "#v"), r)
	if r.Summary.Amended == 0 {
		t.Errorf("the inline plans should differ in meaning; native summary %+v", r.Summary)
	}
}

// TestBadInput gives the viewer a text that is no plan and a URL that does
// not exist: each element shows a readable message (role=alert), the
// promise of render rejects, and the rest of the page keeps working.
func TestBadInput(t *testing.T) {
	testSite.addText("/plans/prose.txt", []byte("title: Not a plan\n\nThis is a paragraph of prose without any numbered point.\n"))
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="prose" data-peacediff data-old="plans/prose.txt" data-new="plans/ua-20.txt"></div>
<div id="missing" data-peacediff data-old="plans/no-such-plan.txt" data-new="plans/ua-20.txt"></div>
<div id="good" data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>
<div id="api"></div>
<p id="after">the host page</p>`))
	for _, c := range []struct{ sel, want string }{
		{"#prose", "no numbered points"},
		{"#missing", "404"},
	} {
		if state := tb.viewerState(c.sel); state != "error" {
			t.Errorf("%s: state %q, want error", c.sel, state)
			continue
		}
		msg := eval[string](tb, `(document.querySelector("`+c.sel+` [role=alert]") || {}).textContent || ""`)
		if !strings.HasPrefix(msg, "peacediff: ") || !strings.Contains(msg, c.want) {
			t.Errorf("%s: alert %q, want a peacediff message about %q", c.sel, msg, c.want)
		}
	}
	tb.waitReady("#good")

	// The JavaScript API rejects with the same kind of message.
	msg := eval[string](tb, `peacediff.render(document.getElementById("api"), {old: "1.\u0000", new: "1. ok"})
	  .then(() => "resolved", e => e.message)`)
	if msg == "resolved" || !strings.HasPrefix(msg, "peacediff: ") {
		t.Errorf("render of a bad text: %q, want a rejection with a peacediff message", msg)
	}
	if n := eval[int](tb, `document.querySelectorAll("#api [role=alert]").length`); n != 1 {
		t.Errorf("render of a bad text: %d alerts in the element, want 1", n)
	}
	if msg := eval[string](tb, `peacediff.compare("", "1. ok").then(() => "resolved", e => e.message)`); !strings.HasPrefix(msg, "peacediff: ") {
		t.Errorf("compare of an empty text: %q, want a rejection with a peacediff message", msg)
	}
	if msg := eval[string](tb, `peacediff.compare(42, "1. ok").then(() => "resolved", e => e.message)`); !strings.HasPrefix(msg, "peacediff: ") {
		t.Errorf("compare of a number: %q, want a rejection with a peacediff message", msg)
	}

	// The page and the viewer still work.
	if got := eval[string](tb, `document.getElementById("after").textContent`); got != "the host page" {
		t.Errorf("the host page changed: %q", got)
	}
	if got := eval[string](tb, `peacediff.render(document.getElementById("api"), {old: "1. One.", new: "1. One.\n2. Two."}).then(v => v.element.getAttribute("data-peacediff-state"))`); got != "ready" {
		t.Errorf("render after the errors: state %q, want ready", got)
	}
	for _, ex := range tb.exceptions() {
		t.Errorf("uncaught exception: %s", ex)
	}
}

// globalsJS lists the window's own properties that were not there when
// the first inline script of the page recorded them.
const globalsJS = `Object.getOwnPropertyNames(window).filter(k => !window.__before.includes(k) && k !== "__before").sort()`

// recordGlobals is the first script of a page that lists its new globals.
const recordGlobals = `<script>window.__before = Object.getOwnPropertyNames(window);</script>`

// TestGlobals checks that the loader adds one global, peacediff, besides
// what Go's own wasm_exec.js defines (Go, and fs, process and path when
// the page has none), and that its private handshake is gone.
func TestGlobals(t *testing.T) {
	tb := newTab(t)
	// What wasm_exec.js alone adds, on the same kind of page.
	tb.open(testSite.add("/globals-go.html", "text/html; charset=utf-8", []byte(`<!doctype html><html><head><meta charset="utf-8">`+
		recordGlobals+`<script src="wasm_exec.js"></script></head><body></body></html>`)))
	goGlobals := eval[[]string](tb, globalsJS)
	if !slices.Contains(goGlobals, "Go") {
		t.Fatalf("wasm_exec.js added %q, no Go", goGlobals)
	}

	page := strings.Replace(pageHTML(t.Name(), `<div id="v" data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>`),
		"<head>\n", "<head>\n"+recordGlobals+"\n", 1)
	tb.open(testSite.add("/globals-viewer.html", "text/html; charset=utf-8", []byte(page)))
	tb.waitReady("#v")
	got := eval[[]string](tb, globalsJS)
	want := append([]string{"peacediff"}, goGlobals...)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("new globals %q, want peacediff and those of wasm_exec.js: %q", got, want)
	}
	if hook := eval[string](tb, `typeof window.__peacediffGo`); hook != "undefined" {
		t.Errorf("the loader's private hook is still there: %s", hook)
	}
	api := eval[[]string](tb, `Object.keys(peacediff).sort()`)
	for _, name := range []string{"compare", "history", "ready", "render"} {
		if !slices.Contains(api, name) {
			t.Errorf("peacediff has %q, no %s", api, name)
		}
	}
}

// TestDestroy renders through the JavaScript API, destroys the view and
// checks that it leaves the element empty and its listeners gone, and that
// the element can host a new view.
func TestDestroy(t *testing.T) {
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="v"></div>`))
	tb.wait(`window.peacediff`, "the loader")
	tb.run(`Promise.all(["plans/us-28.txt", "plans/ua-20.txt"].map(u => fetch(u).then(r => r.text())))
	  .then(([o, n]) => { window.__texts = [o, n]; return peacediff.render(document.getElementById("v"), {old: o, new: n}, {mode: "side"}); })
	  .then(v => { window.__view = v; })`)
	tb.waitReady("#v")
	if n := eval[int](tb, `document.querySelectorAll("#v li[data-pd-row]").length`); n == 0 {
		t.Fatal("the view shows no rows")
	}
	index := eval[int](tb, `window.__view.index`)

	tb.run(`window.__view.destroy()`)
	tb.wait(`document.querySelector("#v .pd-root") === null`, "destroy to remove the view")
	if state := eval[bool](tb, `document.getElementById("v").hasAttribute("data-peacediff-state")`); state {
		t.Error("destroy left data-peacediff-state on the element")
	}
	// Events the old view listened to are harmless now.
	tb.run(fmt.Sprintf(`location.hash = "#pd-%d-4"`, index))
	tb.run(`window.__view.destroy()`) // twice is fine
	tb.run(`document.getElementById("v").dispatchEvent(new KeyboardEvent("keydown", {key: "n", bubbles: true}))`)
	if n := eval[int](tb, `document.getElementById("v").childElementCount`); n != 0 {
		t.Errorf("after destroy the element has %d children", n)
	}

	// A new view in the same element.
	tb.run(`peacediff.render(document.getElementById("v"), {old: __texts[1], new: __texts[0]}).then(v => { window.__view = v; })`)
	tb.waitReady("#v")
	if n := eval[int](tb, `document.querySelectorAll("#v .pd-root").length`); n != 1 {
		t.Errorf("after a second render the element holds %d viewers, want 1", n)
	}
	// Rendering again without destroy replaces the view rather than stacking.
	tb.run(`peacediff.render(document.getElementById("v"), {old: __texts[0], new: __texts[1]})`)
	tb.waitReady("#v")
	if n := eval[int](tb, `document.querySelectorAll("#v .pd-root").length`); n != 1 {
		t.Errorf("render over a live view left %d viewers, want 1", n)
	}
	for _, ex := range tb.exceptions() {
		t.Errorf("uncaught exception: %s", ex)
	}
}

// TestVersions renders the history of every bundled plan (data-versions):
// a timeline with one step per pair of consecutive versions, opening on the
// latest, and a click on a step shows that comparison.
func TestVersions(t *testing.T) {
	ids := plans.IDs()
	var refs []string
	for _, id := range ids {
		refs = append(refs, "plans/"+id+".txt")
	}
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="v" data-peacediff data-versions="`+strings.Join(refs, " ")+`"></div>`))
	tb.waitReady("#v")
	steps := eval[int](tb, `document.querySelectorAll("#v .pd-timeline [data-pd-step]").length`)
	if steps != len(ids)-1 {
		t.Fatalf("timeline of %d versions has %d steps, want %d", len(ids), steps, len(ids)-1)
	}
	last := native(t, planText(t, ids[len(ids)-2]), planText(t, ids[len(ids)-1]))
	if title := readViewer(tb, "#v").Title; !strings.Contains(title, last.New.Title) || !strings.Contains(title, last.Old.Title) {
		t.Errorf("the timeline opens on %q, want the latest pair %s → %s", title, last.Old.ID, last.New.ID)
	}
	first := native(t, planText(t, ids[0]), planText(t, ids[1]))
	tb.do("clicking the first step", chromedp.Click(chromedp.CSS(`#v [data-pd-step="0"]`)))
	tb.wait(`document.querySelector("#v .pd-title").textContent.includes(`+jsString(first.New.Title)+`)`, "the first step to show")
	tb.showAllRows("#v")
	checkAgainst(t, readViewer(tb, "#v"), first)
}

// TestMap opens the clause-flow map: a node for every clause path of each
// plan, a band for every match that links both, focusing a band lights up
// both of its ends, and clicking it opens its row.
func TestMap(t *testing.T) {
	r := native(t, planText(t, "us-28"), planText(t, "ua-20"))
	oldPaths, newPaths := map[string]bool{}, map[string]bool{}
	var linked []int
	for i, m := range r.Matches {
		for _, p := range m.Old {
			oldPaths[p] = true
		}
		for _, p := range m.New {
			newPaths[p] = true
		}
		if len(m.Old) > 0 && len(m.New) > 0 {
			linked = append(linked, i)
		}
	}
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="v" data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt" data-mode="map"></div>`))
	tb.waitReady("#v")
	tb.wait(`document.querySelector("#v svg.pd-map")`, "the map")
	if n := eval[int](tb, `document.querySelectorAll("#v .pd-map-old .pd-map-node").length`); n != len(oldPaths) {
		t.Errorf("the map has %d old nodes, the native result names %d old clauses", n, len(oldPaths))
	}
	if n := eval[int](tb, `document.querySelectorAll("#v .pd-map-new .pd-map-node").length`); n != len(newPaths) {
		t.Errorf("the map has %d new nodes, the native result names %d new clauses", n, len(newPaths))
	}
	rows := eval[[]int](tb, `[...new Set(Array.from(document.querySelectorAll("#v .pd-band"), b => Number(b.getAttribute("data-pd-go"))))].sort((a, b) => a - b)`)
	if !slices.Equal(rows, linked) {
		t.Errorf("bands lead to rows %v, want the matches with clauses on both sides: %v", rows, linked)
	}

	tb.do("focusing the first band", chromedp.Focus(chromedp.CSS(`#v .pd-band[data-pd-band="0"]`)))
	tb.wait(`document.querySelector('#v .pd-band[data-pd-band="0"]').classList.contains("pd-active")`, "the band to light up")
	if n := eval[int](tb, `document.querySelectorAll("#v .pd-map-node.pd-active").length`); n < 2 {
		t.Errorf("focusing a band lights up %d clause nodes, want both ends", n)
	}
	row := eval[int](tb, `Number(document.querySelector('#v .pd-band[data-pd-band="0"]').getAttribute("data-pd-go"))`)
	tb.do("pressing Enter on the band", chromedp.KeyEvent("\r"))
	tb.wait(fmt.Sprintf(`(document.querySelector('#v li[data-pd-row="%d"]') || {classList: {contains: () => false}}).classList.contains("pd-focus")`, row),
		"Enter on a band to open its row")
}
