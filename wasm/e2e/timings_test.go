//go:build !js

package e2e

import (
	"fmt"
	"slices"
	"testing"
	"time"

	"github.com/peacediff/peacediff/peace/peacetest"
)

// Budgets the timings are reported against. TestTimings only reports: a
// loaded CI machine must not turn a slow run into a failure.
const (
	pairBudget  = 50 * time.Millisecond   // us-28 vs ua-20: render (it parses and compares) to the first rows, after load
	largeBudget = 1500 * time.Millisecond // the same for a 3,000-clause pair
	largeSize   = 3000
	pairLoads   = 5 // fresh page loads the README's pair is timed in
)

// timingJS measures, in the page: first, render of the texts into #v,
// which parses, compares and draws, until its first row is in the DOM and
// until the next frame (what a reader waits for after load); then compare
// alone (%d times, for the first call and the typical one; each call gets
// the old text with one more trailing newline, which changes nothing in the
// result but keeps the viewer's cache of its last comparison from
// answering); then render of a result alone, which only draws. %s and %s
// are the URLs of the two texts; the fetches are not timed.
const timingJS = `(async () => {
  const [o, n] = await Promise.all([%[2]s, %[3]s].map(u => fetch(u).then(r => r.text())));
  await peacediff.ready;
  const el = document.getElementById("v");
  const rowIn = () => el.querySelector("li[data-pd-row]") !== null;
  const t0 = performance.now();
  const view = await peacediff.render(el, {old: o, new: n}, {mode: "side"});
  if (!rowIn()) {
    await new Promise(resolve => {
      const mo = new MutationObserver(() => { if (rowIn()) { mo.disconnect(); resolve(); } });
      mo.observe(el, {childList: true, subtree: true});
    });
  }
  const rows = performance.now() - t0;
  await new Promise(resolve => { requestAnimationFrame(() => resolve()); setTimeout(resolve, 5000); });
  const frame = performance.now() - t0;
  const drawn = el.querySelectorAll("li[data-pd-row]").length;
  view.destroy();
  const compare = [];
  let matches = 0, result = "";
  for (let i = 0; i < %[1]d; i++) {
    const t = performance.now();
    const r = await peacediff.compare(o + "\n".repeat(i + 1), n);
    compare.push(performance.now() - t);
    matches = r.matches.length;
    result = JSON.stringify(r);
  }
  // Drawing alone: render from the result, no parsing or comparing.
  const t1 = performance.now();
  (await peacediff.render(el, {result}, {mode: "side"})).destroy();
  const draw = performance.now() - t1;
  // The next renders of the texts: what a reader waits for once the
  // browser has compiled the hot code.
  const again = [];
  for (let i = 1; i < %[1]d; i++) {
    const t = performance.now();
    (await peacediff.render(el, {old: o + "\n".repeat(100 + i), new: n}, {mode: "side"})).destroy();
    again.push(performance.now() - t);
  }
  return {compare, rows, frame, matches, drawn, draw, again};
})()`

type timing struct {
	Compare []float64 `json:"compare"` // ms, one per call
	Rows    float64   `json:"rows"`    // ms from render to the first row in the DOM
	Frame   float64   `json:"frame"`   // ms from render to the next animation frame
	Matches int       `json:"matches"`
	Drawn   int       `json:"drawn"`
	Draw    float64   `json:"draw"`  // ms to render from a result: drawing without comparing
	Again   []float64 `json:"again"` // ms, later renders of the texts
}

func ms(f float64) time.Duration {
	return time.Duration(f * float64(time.Millisecond)).Round(100 * time.Microsecond)
}

func median(xs []float64) float64 {
	s := slices.Clone(xs)
	slices.Sort(s)
	return s[len(s)/2]
}

func verdict(d, budget time.Duration) string {
	if d <= budget {
		return "within budget " + budget.String()
	}
	return "OVER budget " + budget.String()
}

// TestTimings reports how long the viewer takes in Chromium: loading the
// WebAssembly program, comparing and first drawing the README's pair, and
// the same for a generated 3,000-clause pair, next to the native Go time
// for that comparison. It asserts only that each step ran and produced the
// native number of matches.
//
//	go test -run TestTimings -v ./wasm/e2e
func TestTimings(t *testing.T) {
	page := testSite.page(t.Name(), `<div id="v"></div>
<script>
document.addEventListener("DOMContentLoaded", () => {
  peacediff.ready.then(() => { window.__readyAt = performance.now(); });
});
</script>`)
	// open loads the page in a fresh tab and waits for the viewer.
	open := func() (*tab, float64) {
		tb := newTab(t)
		tb.open(page)
		tb.wait(`window.__readyAt`, "the viewer to load")
		return tb, eval[float64](tb, `window.__readyAt`)
	}

	// The README's pair, in several fresh page loads: a single first
	// render on a shared machine says little.
	start := time.Now()
	r := native(t, planText(t, "us-28"), planText(t, "ua-20"))
	nativePair := time.Since(start)
	var tb *tab
	var loads, firsts, agains, compares, draws []float64
	for range pairLoads {
		var load float64
		tb, load = open()
		pair := eval[timing](tb, fmt.Sprintf(timingJS, 5, jsString(planURL(t, "us-28")), jsString(planURL(t, "ua-20"))))
		if pair.Matches != len(r.Matches) || pair.Drawn == 0 {
			t.Errorf("us-28 → ua-20: %d matches and %d rows drawn; native has %d matches", pair.Matches, pair.Drawn, len(r.Matches))
		}
		loads = append(loads, load)
		firsts = append(firsts, pair.Rows)
		agains = append(agains, median(pair.Again))
		compares = append(compares, median(pair.Compare[1:]))
		draws = append(draws, pair.Draw)
	}
	fetchWasm := eval[float64](tb, `(performance.getEntriesByName(new URL("peacediff.wasm", location.href).href)[0] || {duration: -1}).duration`)
	t.Logf("load: %v median of %d page loads from navigation to peacediff.ready (last wasm fetch %v over loopback; wasm built in %v)",
		ms(median(loads)), pairLoads, ms(fetchWasm), buildTime.Round(time.Millisecond))
	t.Logf("us-28 → ua-20: first render after load (parse + compare + draw, to first rows) %v median of %d loads (%v to %v): %s",
		ms(median(firsts)), pairLoads, ms(slices.Min(firsts)), ms(slices.Max(firsts)), verdict(ms(median(firsts)), pairBudget))
	t.Logf("us-28 → ua-20: later renders %v, compare alone %v, drawing alone (render from a result) %v; native Go parse + compare %v",
		ms(median(agains)), ms(median(compares)), ms(median(draws)), nativePair.Round(100*time.Microsecond))

	// A large generated pair.
	oldText, newText := peacetest.Pair(largeSize, 1)
	testSite.addText("/plans/large-old.txt", oldText)
	testSite.addText("/plans/large-new.txt", newText)
	start = time.Now()
	large := native(t, oldText, newText)
	nativeTime := time.Since(start)
	big := eval[timing](tb, fmt.Sprintf(timingJS, 1, `"plans/large-old.txt"`, `"plans/large-new.txt"`))
	if big.Matches != len(large.Matches) || big.Drawn == 0 {
		t.Errorf("%d clauses: %d matches and %d rows drawn; native has %d matches", largeSize, big.Matches, big.Drawn, len(large.Matches))
	}
	t.Logf("%d clauses (%d + %d bytes, %d matches): compare alone %v; native Go parse + compare %v",
		largeSize, len(oldText), len(newText), big.Matches, ms(big.Compare[0]), nativeTime.Round(time.Millisecond))
	t.Logf("%d clauses: first render (parse + compare + draw) to first rows %v (%d rows drawn), to next frame %v: %s; drawing alone %v",
		largeSize, ms(big.Rows), big.Drawn, ms(big.Frame), verdict(ms(big.Rows), largeBudget), ms(big.Draw))
}
