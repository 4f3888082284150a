//go:build js && wasm

package wasm

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"syscall/js"
	"testing"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
)

// parseJS parses JSON text with the browser's JSON.parse, as the loader
// does with a result given as text.
func parseJS(b []byte) js.Value {
	return js.Global().Get("JSON").Call("parse", string(b))
}

// TestResultFromJSRoundTrip checks that a comparison survives the trip the
// viewer's {result} input takes: json.Marshal, JSON.parse in the browser,
// resultFromJS. Nil and empty slices follow encoding/json: null or a
// missing field reads as nil, [] as an empty non-nil slice; omitempty
// fields drop empty slices, so those come back nil. The result must equal
// json.Unmarshal of the same text exactly, and the original too (the diff
// package leaves an empty list nil).
func TestResultFromJSRoundTrip(t *testing.T) {
	usText, err := plans.Text("us-28")
	if err != nil {
		t.Fatal(err)
	}
	uaText, err := plans.Text("ua-20")
	if err != nil {
		t.Fatal(err)
	}
	synthOld, synthNew := synthPlans(300)
	tests := []struct {
		reason   string
		old, new string
	}{
		{"the bundled pair: renumbering, merges, sub-points, every kind of change", string(usText), string(uaText)},
		{"a generated pair: drops, additions, rewordings and amendments at scale", synthOld, synthNew},
		{"a plan against itself: every match unchanged", string(uaText), string(uaText)},
	}
	for _, tt := range tests {
		c, err := Compare(tt.old, tt.new)
		if err != nil {
			t.Fatal(err)
		}
		checkRoundTrip(t, c.Result, tt.reason)
	}
	checkRoundTrip(t, fixture(), "the hand-built fixture: dates, topics, before-only and after-only changes")
	empty := &diff.Result{Matches: []diff.Match{{Kind: diff.Added, Old: []string{}, New: []string{"1"}, Topics: []string{}, Edits: []diff.Edit{}}}}
	checkRoundTrip(t, empty, "empty lists: [] stays an empty slice where JSON keeps it")
}

func checkRoundTrip(t *testing.T, want *diff.Result, reason string) {
	t.Helper()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	got, err := resultFromJS(parseJS(b))
	if err != nil {
		t.Fatalf("%s: %v", reason, err)
	}
	var unmarshaled diff.Result
	if err := json.Unmarshal(b, &unmarshaled); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, &unmarshaled) {
		t.Errorf("%s: resultFromJS and json.Unmarshal differ: %s", reason, firstDifference(got, &unmarshaled))
	}
	// The empty lists of omitempty fields are the one thing JSON loses.
	for i := range want.Matches {
		m := &want.Matches[i]
		if len(m.Topics) == 0 && m.Topics != nil || len(m.Edits) == 0 && m.Edits != nil || len(m.Changes) == 0 && m.Changes != nil {
			return
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("%s: the result read back differs from the original: %s", reason, firstDifference(got, want))
	}
}

// firstDifference names the first field where two results differ.
func firstDifference(got, want *diff.Result) string {
	switch {
	case got.Old != want.Old || got.New != want.New:
		return fmt.Sprintf("plans %+v %+v, want %+v %+v", got.Old, got.New, want.Old, want.New)
	case got.Summary != want.Summary:
		return fmt.Sprintf("summary %+v, want %+v", got.Summary, want.Summary)
	case len(got.Matches) != len(want.Matches):
		return fmt.Sprintf("%d matches, want %d", len(got.Matches), len(want.Matches))
	}
	for i := range got.Matches {
		if !reflect.DeepEqual(got.Matches[i], want.Matches[i]) {
			return fmt.Sprintf("matches[%d] = %#v\nwant %#v", i, got.Matches[i], want.Matches[i])
		}
	}
	return "(no difference found)"
}

// TestResultFromJSErrors gives resultFromJS the fixture spoilt one way at a
// time; each must give an error that names the bad value's path, or, for
// the leniencies of encoding/json, no error.
func TestResultFromJSErrors(t *testing.T) {
	b, err := json.Marshal(fixture())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		reason string
		spoil  string // JavaScript statements that change r, the parsed fixture
		want   string // the whole error message; "" for none
	}{
		{"null is no result", `r = null`, "peacediff: result: want the object compare() returns, or its JSON text; got null"},
		{"a number is no result", `r = 42`, "peacediff: result: want the object compare() returns, or its JSON text; got a number"},
		{"JSON text reaches the Go side parsed, never as text", `r = JSON.stringify(r)`, "peacediff: result: want the object compare() returns, or its JSON text; got a string"},
		{"a list of results is no result", `r = [r]`, "peacediff: result: want the object compare() returns, or its JSON text; got an array"},
		{"an empty object is no result", `r = {}`, "peacediff: result: want the object compare() returns, or its JSON text; got an object without matches"},
		{"a lineage is no result", `r = {versions: [], comparisons: [], threads: [], topics: []}`, "peacediff: result: want the object compare() returns, or its JSON text; got an object without matches"},
		{"a function is no result", `r = () => r`, "peacediff: result: want the object compare() returns, or its JSON text; got a function"},
		{"a path is a string", `r.matches[3].old[0] = 5`, "peacediff: result.matches[3].old[0]: want a string, got a number"},
		{"a null path is no path", `r.matches[3].new = [null]`, "peacediff: result.matches[3].new[0]: want a string, got null"},
		{"matches are a list", `r.matches = {}`, "peacediff: result.matches: want an array, got an object"},
		{"a match is an object", `r.matches[1] = null`, "peacediff: result.matches[1]: want an object, got null"},
		{"a match is not a list", `r.matches[1] = []`, "peacediff: result.matches[1]: want an object, got an array"},
		{"kinds are the diff package's", `r.matches[0].kind = "changed"`, `peacediff: result.matches[0].kind: unknown kind "changed"`},
		{"a match has a kind", `delete r.matches[0].kind`, `peacediff: result.matches[0].kind: unknown kind ""`},
		{"ops are the diff package's", `r.matches[3].edits[1].op = "replace"`, `peacediff: result.matches[3].edits[1].op: unknown op "replace"`},
		{"an edit is an object", `r.matches[3].edits[2] = "800,000"`, "peacediff: result.matches[3].edits[2]: want an object, got a string"},
		{"edit text is a string", `r.matches[3].edits[0].text = 7`, "peacediff: result.matches[3].edits[0].text: want a string, got a number"},
		{"change kinds are the diff package's", `r.matches[4].changes[1].kind = "mood"`, `peacediff: result.matches[4].changes[1].kind: unknown change kind "mood"`},
		{"a change's sides are strings", `r.matches[3].changes[0].before = {}`, "peacediff: result.matches[3].changes[0].before: want a string, got an object"},
		{"a similarity is a number", `r.matches[3].similarity = "0.71"`, "peacediff: result.matches[3].similarity: want a number, got a string"},
		{"a similarity is a share", `r.matches[3].similarity = 2`, "peacediff: result.matches[3].similarity: want a number from 0 to 1, got 2"},
		{"NaN is no similarity", `r.matches[3].similarity = NaN`, "peacediff: result.matches[3].similarity: want a finite number"},
		{"moved is a boolean", `r.matches[3].moved = 1`, "peacediff: result.matches[3].moved: want true or false, got a number"},
		{"topics are a list", `r.matches[3].topics = "armed-forces"`, "peacediff: result.matches[3].topics: want an array, got a string"},
		{"a side is an object", `r.old = "us-28"`, "peacediff: result.old: want an object, got a string"},
		{"both sides are there", `delete r.new`, "peacediff: result.new: want an object, got nothing"},
		{"a clause count is whole", `r.old.clauses = 2.5`, "peacediff: result.old.clauses: want a count, got 2.5"},
		{"a clause count is not negative", `r.new.clauses = -1`, "peacediff: result.new.clauses: want a count, got -1"},
		{"the summary is there", `r.summary = null`, "peacediff: result.summary: want an object, got null"},
		{"summary counts are numbers", `r.summary.moved = true`, "peacediff: result.summary.moved: want a number, got a boolean"},
		{"a sparse array may claim billions of elements", `r.matches[3].old = []; r.matches[3].old.length = 4e9`, "peacediff: result.matches[3].old[0]: want a string, got nothing"},
		{"a function is no list", `r.matches[3].edits = () => 1`, "peacediff: result.matches[3].edits: want an array, got a function"},
		{"syscall/js has no type for BigInt", `r.old.clauses = 10n`, "peacediff: result: a value cannot be read: bad type flag"},
		{"the first error wins", `r.matches[2].kind = "x"; r.matches[5].kind = "y"`, `peacediff: result.matches[2].kind: unknown kind "x"`},
		{"null is the zero value, as with encoding/json", `r.matches[3].old = null; r.old.date = null; r.matches[3].moved = null`, ""},
		{"optional fields may be missing", `delete r.matches[3].topics; delete r.matches[3].edits; delete r.matches[3].changes; delete r.old.date`, ""},
		{"matches may be null, as encoding/json writes a nil list", `r.matches = null`, ""},
		{"unknown fields are ignored", `r.lexicon = "default"; r.matches[0].note = {}`, ""},
	}
	for _, tt := range tests {
		v := js.Global().Get("Function").New("text", "let r = JSON.parse(text); "+tt.spoil+"; return r;").Invoke(string(b))
		_, err := resultFromJS(v)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("%s: %s\ngot  %q\nwant %q", tt.reason, tt.spoil, got, tt.want)
		}
	}
}

// TestRenderResultObject renders a result given as the object compare()
// returns, and shows that a result the reader refuses becomes an error of
// render rather than a viewer.
func TestRenderResultObject(t *testing.T) {
	host := document().Call("createElement", "div")
	document().Get("body").Call("appendChild", host)
	defer host.Call("remove")
	in := js.Global().Get("Object").New()
	in.Set("result", mustJS(t, fixture()))
	id, err := render([]js.Value{host, in, js.ValueOf(map[string]any{"index": 12, "mode": "inline"})})
	if err != nil {
		t.Fatal(err)
	}
	defer destroy([]js.Value{js.ValueOf(id)})
	if n := len(all(host, "li.pd-row")); n != 6 {
		t.Errorf("render from a result object: %d rows, want 6", n)
	}
	in.Get("result").Get("matches").Index(0).Set("kind", "changed")
	other := document().Call("createElement", "div")
	if _, err := render([]js.Value{other, in}); err == nil || !strings.Contains(err.Error(), `unknown kind "changed"`) {
		t.Errorf("render of a result with an unknown kind: %v", err)
	}
}

// BenchmarkResultFromJS reads a comparison out of its parsed object, and
// for a baseline takes the way the viewer went before: JSON.stringify in
// the browser, then encoding/json, which the viewer no longer carries.
// Every object or string the Go side reads costs a js.Value with a
// finalizer (about 3.5 µs in Chromium, a number 0.5 µs), which sets the
// walk's speed.
//
//	GOOS=js GOARCH=wasm go test -exec wasmbrowsertest -run '^$' -bench ResultFromJS ./wasm/
func BenchmarkResultFromJS(b *testing.B) {
	usText, err := plans.Text("us-28")
	if err != nil {
		b.Fatal(err)
	}
	uaText, err := plans.Text("ua-20")
	if err != nil {
		b.Fatal(err)
	}
	synthOld, synthNew := synthPlans(3000)
	for _, pair := range []struct{ name, old, new string }{
		{"us-28_ua-20", string(usText), string(uaText)},
		{"synth-3000", synthOld, synthNew},
	} {
		c, err := Compare(pair.old, pair.new)
		if err != nil {
			b.Fatal(err)
		}
		text, err := json.Marshal(c.Result)
		if err != nil {
			b.Fatal(err)
		}
		v := parseJS(text)
		b.Run(pair.name+"/walk", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			for b.Loop() {
				if _, err := resultFromJS(v); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.Result.Matches)), "matches")
		})
		b.Run(pair.name+"/stringify+encoding-json", func(b *testing.B) {
			b.SetBytes(int64(len(text)))
			stringify := js.Global().Get("JSON")
			for b.Loop() {
				var r diff.Result
				if err := json.Unmarshal([]byte(stringify.Call("stringify", v).String()), &r); err != nil {
					b.Fatal(err)
				}
			}
			b.ReportMetric(float64(len(c.Result.Matches)), "matches")
		})
	}
}
