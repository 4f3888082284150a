//go:build !js

package e2e

import (
	"fmt"
	"strings"
	"testing"
)

// TestRenderResult renders a comparison made before, given to render as
// {result}: the object peacediff.compare returns and its JSON text must
// both show what diff.Compare finds natively, and a result that is not one
// must show a readable message inside the element and reject the promise.
func TestRenderResult(t *testing.T) {
	oldText, newText := planText(t, "us-28"), planText(t, "ua-20")
	r := native(t, oldText, newText)
	tb := newTab(t)
	tb.open(testSite.page(t.Name(), `<div id="object"></div>
<div id="text"></div>
<div id="bad"></div>`))
	tb.wait(`window.peacediff`, "the loader")
	tb.run(fmt.Sprintf(`peacediff.compare(%s, %s).then(r => { window.__result = r; })`,
		jsString(string(oldText)), jsString(string(newText))))

	for _, c := range []struct{ sel, result string }{
		{"#object", `window.__result`},
		{"#text", `JSON.stringify(window.__result)`},
	} {
		tb.run(fmt.Sprintf(`peacediff.render(document.querySelector(%s), {result: %s}, {mode: "side"})`, jsString(c.sel), c.result))
		tb.waitReady(c.sel)
		tb.showAllRows(c.sel)
		got := readViewer(tb, c.sel)
		for _, info := range []string{r.Old.Title, r.New.Title} {
			if !strings.Contains(got.Title, info) {
				t.Errorf("%s: title %q lacks %q", c.sel, got.Title, info)
			}
		}
		checkAgainst(t, got, r)
		if t.Failed() {
			t.Fatalf("%s: the viewer of {result: %s} differs from the native result", c.sel, c.result)
		}
	}

	tests := []struct {
		reason string
		result string // JavaScript
		want   string // the start of the message
	}{
		{"JSON text that does not parse", `"{not json"`, "peacediff: result is not JSON: "},
		{"an empty object", `{}`, "peacediff: result: want the object compare() returns, or its JSON text; got an object without matches"},
		{"JSON text of something else", `"[1, 2]"`, "peacediff: result: want the object compare() returns, or its JSON text; got an array"},
		{"the history of versions is no comparison", `await peacediff.history([` + jsString(string(oldText)) + `, ` + jsString(string(newText)) + `])`,
			"peacediff: result: want the object compare() returns, or its JSON text; got an object without matches"},
		{"an unknown kind", `Object.assign({}, window.__result, {matches: [{kind: "changed"}]})`, `peacediff: result.matches[0].kind: unknown kind "changed"`},
		{"a path of the wrong type, given as text", `JSON.stringify(Object.assign({}, window.__result, {matches: [Object.assign({}, window.__result.matches[0], {old: [1]})]}))`, "peacediff: result.matches[0].old[0]: want a string, got a number"},
	}
	for _, tt := range tests {
		msg := eval[string](tb, `(async () => peacediff.render(document.getElementById("bad"), {result: `+tt.result+`})
		  .then(() => "resolved", e => e.message))()`)
		if !strings.HasPrefix(msg, tt.want) {
			t.Errorf("%s: render gave %q, want a rejection starting %q", tt.reason, msg, tt.want)
		}
		if state := tb.viewerState("#bad"); state != "error" {
			t.Errorf("%s: state %q, want error", tt.reason, state)
		}
		alert := eval[string](tb, `(document.querySelector("#bad [role=alert]") || {}).textContent || ""`)
		if alert != msg {
			t.Errorf("%s: the element shows %q, want the message %q", tt.reason, alert, msg)
		}
	}
	// The viewers drawn before are untouched by the errors.
	for _, sel := range []string{"#object", "#text"} {
		if state := tb.viewerState(sel); state != "ready" {
			t.Errorf("%s: state %q after the errors, want ready", sel, state)
		}
	}
	for _, ex := range tb.exceptions() {
		t.Errorf("uncaught exception: %s", ex)
	}
}
