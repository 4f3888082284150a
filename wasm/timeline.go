//go:build js && wasm

package wasm

import (
	"strconv"
	"strings"

	"github.com/peacediff/peacediff/diff/html/style"
)

// buildTimeline draws the versions of a history in order, with a button
// between each two that shows their comparison.
func (v *viewer) buildTimeline() node {
	ol := el("ol", style.Timeline).attr("aria-label", "Versions")
	v.steps = nil
	for i, info := range v.hist.Versions {
		ver := el("li", style.Version)
		t := info.Title
		if t == "" {
			t = info.ID
		}
		ver.add(el("strong", "").text(t))
		var small []string
		if info.Date != "" {
			small = append(small, info.Date)
		}
		small = append(small, strconv.Itoa(info.Clauses)+" points")
		ver.add(el("small", "").text(strings.Join(small, " · ")))
		ol.add(ver)
		if i < len(v.hist.Steps) {
			r := v.hist.Steps[i]
			b := el("button", style.Button).attr("type", "button").attr("data-pd-step", strconv.Itoa(i))
			b.attr("aria-pressed", strconv.FormatBool(i == v.step))
			b.attr("aria-label", "Compare version "+strconv.Itoa(i+1)+" with version "+strconv.Itoa(i+2))
			b.add(el("span", "").attr("aria-hidden", "true").text("→ "))
			counts := counts(r)
			var parts []string
			for _, c := range counts[1:] {
				if c.Kind == "amended" || c.Kind == "added" || c.Kind == "removed" {
					parts = append(parts, c.Text)
				}
			}
			if len(parts) == 0 {
				parts = []string{"compare"}
			}
			b.text(strings.Join(parts, " · "))
			v.steps = append(v.steps, b)
			ol.add(el("li", style.Step).add(b))
		}
	}
	return ol
}

// showStep switches a history to the comparison of versions i and i+1.
func (v *viewer) showStep(i int) {
	if v.hist == nil || i < 0 || i >= len(v.hist.comparisons) {
		return
	}
	v.step = i
	c := v.hist.comparisons[i]
	v.page = NewPage(c.Result, c.Old, c.New)
	for k, b := range v.steps {
		b.attr("aria-pressed", strconv.FormatBool(k == i))
	}
	v.filt.Expanded = map[int]bool{}
	v.focus = -1
	v.show()
	v.showMode(v.mode)
}
