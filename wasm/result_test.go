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
	"github.com/peacediff/peacediff/wasm/assets"
)

// useLoaderTape gives the page the global peacediff.resultTape of the
// loader, as peacediff.js defines it, until the test ends; without it,
// resultFromJS walks the object field by field.
func useLoaderTape(tb testing.TB) {
	tb.Helper()
	src := string(assets.Loader())
	start := strings.Index(src, "  function resultTape(")
	end := strings.Index(src[max(start, 0):], "\n  }\n")
	if start < 0 || end < 0 {
		tb.Fatal("peacediff.js has no function resultTape")
	}
	f := js.Global().Get("Function").New(src[start:start+end+4] + "\nreturn resultTape;").Invoke()
	pd := js.Global().Get("Object").New()
	pd.Set("resultTape", f)
	js.Global().Set("peacediff", pd)
	tb.Cleanup(func() { js.Global().Delete("peacediff") })
}

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
	type roundTrip struct {
		reason string
		result *diff.Result
	}
	var trips []roundTrip
	for _, tt := range tests {
		c, err := Compare(tt.old, tt.new)
		if err != nil {
			t.Fatal(err)
		}
		trips = append(trips, roundTrip{tt.reason, c.Result})
	}
	trips = append(trips,
		roundTrip{"the hand-built fixture: dates, topics, before-only and after-only changes", fixture()},
		roundTrip{"empty lists: [] stays an empty slice where JSON keeps it",
			&diff.Result{Matches: []diff.Match{{Kind: diff.Added, Old: []string{}, New: []string{"1"}, Topics: []string{}, Edits: []diff.Edit{}}}}})
	t.Run("walk", func(t *testing.T) {
		for _, tt := range trips {
			checkRoundTrip(t, tt.result, tt.reason, false)
		}
	})
	t.Run("tape", func(t *testing.T) {
		useLoaderTape(t)
		for _, tt := range trips {
			checkRoundTrip(t, tt.result, tt.reason, true)
		}
	})
}

// checkRoundTrip checks that want survives the trip through JSON and
// resultFromJS, by the loader's tape (and then without walking) or by the
// walk.
func checkRoundTrip(t *testing.T, want *diff.Result, reason string, tape bool) {
	t.Helper()
	b, err := json.Marshal(want)
	if err != nil {
		t.Fatal(err)
	}
	v := parseJS(b)
	if _, err := readTape(v); (err == nil) != tape {
		t.Errorf("%s: read from the loader's tape: %v, want %v", reason, err == nil, tape)
	}
	got, err := resultFromJS(v)
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
	case !reflect.DeepEqual(got.Topics, want.Topics):
		return fmt.Sprintf("topics %+v, want %+v", got.Topics, want.Topics)
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
// the leniencies of encoding/json, no error. It does so with and without
// the loader's tape; the tape must refuse every input the walk refuses and
// read the others as the walk does.
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
	run := func(t *testing.T) {
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
			checkTapeAgrees(t, v, tt.reason)
		}
	}
	t.Run("walk", run)
	t.Run("tape", func(t *testing.T) {
		useLoaderTape(t)
		run(t)
	})
}

// checkTapeAgrees checks, when the loader's tape is there, that what it
// reads the walk reads too, and to the same result. (It may leave to the
// walk what the walk reads: that is only slower.)
func checkTapeAgrees(t *testing.T, v js.Value, reason string) {
	t.Helper()
	if js.Global().Get("peacediff").IsUndefined() {
		return
	}
	fromTape, tapeErr := readTape(v)
	walked, err := readResult(v, &jsReader{isArray: js.Global().Get("Array").Get("isArray")})
	ok := tapeErr == nil
	switch {
	case ok && err != nil:
		t.Errorf("%s: the tape reads what the walk refuses: %v", reason, err)
	case ok && (!reflect.DeepEqual(fromTape, walked) || fmt.Sprint(fromTape) != fmt.Sprint(walked)): // Sprint tells -0 from 0
		t.Errorf("%s: the tape and the walk differ: %s\n%v\n%v", reason, firstDifference(fromTape, walked), fromTape, walked)
	}
}

// TestResultTape gives the loader's tape values that JSON.parse never
// makes, or seldom, and checks that it reads them as the walk does or
// leaves them to the walk.
func TestResultTape(t *testing.T) {
	useLoaderTape(t)
	b, err := json.Marshal(fixture())
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		reason string
		spoil  string // JavaScript statements that change r, the parsed fixture
		read   bool   // whether the tape reads it rather than leave it to the walk
	}{
		{"the fixture as it is", ``, true},
		{"minus zero is zero, as syscall/js reads it", `r.matches[3].similarity = -0`, true},
		{"a lone surrogate becomes U+FFFD on both ways", `r.matches[3].edits[0].text = "a\uD800"; r.old.title = "\uDC00b"`, true},
		{"a NUL would end a field of the tape", `r.matches[3].edits[0].text = "a\0b"`, false},
		{"numbers far from the usual", `r.matches[3].similarity = 1e-300; r.old.clauses = 2147483647; r.summary.moved = 1e9`, true},
		{"an infinite count", `r.new.clauses = -Infinity`, false},
		{"a count above 2³¹-1", `r.new.clauses = 2147483648`, false},
		{"a getter", `Object.defineProperty(r.matches[0], "kind", {get() { return "added"; }})`, true},
		{"an inherited field", `delete r.matches[1].similarity; Object.setPrototypeOf(r.matches[1], {similarity: 0.25})`, true},
		{"a String object is no string", `r.matches[3].edits[0].text = new String("x")`, false},
		{"a symbol is no string", `r.old.id = Symbol("x")`, false},
		{"a function is no field", `r.matches[4].changes[0].before = () => "x"`, false},
		{"an array is no match", `r.matches = [[]]`, false},
		{"an array with a named property", `r.matches[3].old.note = "x"`, true},
		{"no matches", `r.matches = []`, true},
		{"topic labels", `r.topics = [{id: "armed-forces", label: "Armed forces"}, {id: "x"}]`, true},
		{"topics are a list", `r.topics = {}`, false},
		{"a topic label is a string", `r.topics = [{id: "x", label: 1}]`, false},
		{"null topics", `r.topics = null`, true},
	}
	for _, tt := range tests {
		v := js.Global().Get("Function").New("text", "let r = JSON.parse(text); "+tt.spoil+"; return r;").Invoke(string(b))
		if _, err := readTape(v); (err == nil) != tt.read {
			t.Errorf("%s: %s: read from the tape: %v, want %v", tt.reason, tt.spoil, err == nil, tt.read)
		}
		checkTapeAgrees(t, v, tt.reason)
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

// BenchmarkResultFromJS reads a comparison out of its parsed object: as
// under the loader, through its one-string tape, and without it, walking
// the object; for a baseline it takes the way the viewer went before:
// JSON.stringify in the browser, then encoding/json, which the viewer no
// longer carries. Every object or string the Go side reads costs a
// js.Value with a finalizer (about 2.5 µs in Chromium, a number 0.4 µs),
// which sets the walk's speed.
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
		for _, way := range []string{"tape", "walk"} {
			b.Run(pair.name+"/"+way, func(b *testing.B) {
				if way == "tape" {
					useLoaderTape(b)
				}
				b.SetBytes(int64(len(text)))
				for b.Loop() {
					if _, err := resultFromJS(v); err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(len(c.Result.Matches)), "matches")
			})
		}
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
