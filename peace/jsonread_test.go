package peace_test

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"reflect"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// stdPlan is a Plan without its UnmarshalJSON method: encoding/json decodes
// it by reflection, the baseline the package's own reader must match.
type stdPlan peace.Plan

// stdDecode decodes data with encoding/json and links the result, as
// Plan.UnmarshalJSON did before the package had its own reader.
func stdDecode(data []byte) (*peace.Plan, error) {
	var q stdPlan
	if err := json.Unmarshal(data, &q); err != nil {
		return nil, err
	}
	p := peace.Plan(q)
	for c := range p.All() {
		if c == nil {
			return nil, errors.New("a null clause") // which Link cannot take
		}
	}
	p.Link()
	return &p, nil
}

// ourDecode decodes data with the package's reader through Plan.UnmarshalJSON.
func ourDecode(data []byte) (*peace.Plan, error) {
	p := new(peace.Plan)
	if err := p.UnmarshalJSON(data); err != nil {
		return nil, err
	}
	return p, nil
}

func TestParseJSONGood(t *testing.T) {
	one := func(c peace.Clause) *peace.Plan {
		return &peace.Plan{Clauses: []*peace.Clause{&c}}
	}
	for _, tt := range []struct {
		reason, input string
		want          *peace.Plan
	}{
		{"every escape, and a surrogate pair",
			`{"clauses":[{"text":"q\" b\\ s\/ \b\f\n\r\t \u00e9 \ud83d\ude00"}]}`,
			one(peace.Clause{Label: "1", Text: "q\" b\\ s/ \b\f\n\r\t é 😀"})},
		{"a lone high surrogate becomes U+FFFD, and the escape after it is read on its own",
			`{"clauses":[{"text":"\ud800\u0041 \ud800x"}]}`,
			one(peace.Clause{Label: "1", Text: "\uFFFDA \uFFFDx"})},
		{"a lone low surrogate becomes U+FFFD",
			`{"clauses":[{"text":"\udc00\udc00"}]}`,
			one(peace.Clause{Label: "1", Text: "\uFFFD\uFFFD"})},
		{"the last of duplicate keys wins",
			`{"id":"a","id":"b","clauses":[{"label":"x"}],"clauses":[{"text":"t"}]}`,
			&peace.Plan{ID: "b", Clauses: []*peace.Clause{{Label: "x", Text: "t"}}}},
		{"null leaves a field empty",
			`{"id":null,"authors":null,"clauses":[{"label":null,"text":"x","children":null}]}`,
			one(peace.Clause{Label: "1", Text: "x"})},
		{"unknown keys are skipped, whatever their values",
			`{"extra":{"a":[1,-0.5e+10,0,1E-2,true,false,null,{"b":"c"}]},"clauses":[{"x":[]}]}`,
			one(peace.Clause{Label: "1"})},
		{"keys match exactly: ID is not id (encoding/json v1 would ignore case)",
			`{"ID":"x","clauses":[{"Text":"y"}]}`,
			one(peace.Clause{Label: "1"})},
		{"white space around every token",
			" \t\r\n{ \"id\" : \"x\" , \"clauses\" : [ { } ] } \n",
			&peace.Plan{ID: "x", Clauses: []*peace.Clause{{Label: "1"}}}},
		{"escaped keys",
			`{"\u0069d":"x","clauses":[{}]}`,
			&peace.Plan{ID: "x", Clauses: []*peace.Clause{{Label: "1"}}}},
		{"all fields",
			`{"id":"i","title":"t","date":"d","authors":["a","b"],"source":"s","meta":[{"key":"k","value":"v"}],` +
				`"clauses":[{"label":"1","heading":"h","text":"x","children":[{"label":"a","text":"y"}]}]}`,
			&peace.Plan{ID: "i", Title: "t", Date: "d", Authors: []string{"a", "b"}, Source: "s",
				Meta: []peace.Field{{Key: "k", Value: "v"}},
				Clauses: []*peace.Clause{{Label: "1", Heading: "h", Text: "x",
					Children: []*peace.Clause{{Label: "a", Text: "y"}}}}}},
	} {
		got, err := peace.Parse(strings.NewReader(tt.input))
		if err != nil {
			t.Errorf("%s: %v", tt.reason, err)
			continue
		}
		tt.want.Link()
		if d := cmp.Diff(tt.want, got, planCmp); d != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.reason, d)
		}
		std, err := stdDecode([]byte(tt.input))
		if err != nil {
			t.Errorf("%s: encoding/json: %v", tt.reason, err)
			continue
		}
		if d := cmp.Diff(std, got, planCmp); d != "" && !strings.Contains(tt.reason, "v1 would ignore case") {
			t.Errorf("%s: differs from encoding/json (-std +ours):\n%s", tt.reason, d)
		}
	}
}

func TestParseJSONErrors(t *testing.T) {
	deep := `{"x":` + strings.Repeat("[", 1<<20)
	for _, tt := range []struct {
		reason, input string
		line, col     int
		msg           string
	}{
		{"a trailing comma in an object", `{"clauses":[{}],}`, 1, 17,
			"JSON: trailing comma before '}'"},
		{"a trailing comma in an array", `{"clauses":[{},]}`, 1, 16,
			"JSON: clauses: trailing comma before ']'"},
		{"a comment", "{\"clauses\":[{}] // points\n}", 1, 17,
			`JSON: want ',' or '}' after the value of "clauses", got '/'`},
		{"single quotes", `{'clauses':[{}]}`, 1, 2,
			"JSON: want a string key, got '''"},
		{"a leading zero", `{"x":01,"clauses":[{}]}`, 1, 6,
			"JSON: x: number with a leading zero"},
		{"a tab inside a string", "{\"clauses\":[{\"text\":\"a\tb\"}]}", 1, 23,
			"JSON: clauses[0].text: control character U+0009 in a string"},
		{"a line break inside a string", "{\"clauses\":[{\"text\":\"a\nb\"}]}", 1, 23,
			"JSON: clauses[0].text: control character U+000A in a string"},
		{"an invalid escape", `{"clauses":[{"text":"a\xb"}]}`, 1, 23,
			`JSON: clauses[0].text: invalid escape "\\x" in a string`},
		{"a short \\u escape", `{"clauses":[{"text":"\u12g4"}]}`, 1, 22,
			`JSON: clauses[0].text: invalid \u escape in a string: want four hex digits`},
		{"the input ends inside a string: reported at its opening quote", `{"clauses":[{"text":"abc`, 1, 21,
			"JSON: clauses[0].text: string without its closing quote"},
		{"a number where a string belongs, on line 2", "{\"clauses\": [\n  {\"label\": 7}\n]}", 2, 13,
			"JSON: clauses[0].label: want a string, got a number"},
		{"a deep path", `{"clauses":[{},{"children":[{"label":true}]}]}`, 1, 38,
			"JSON: clauses[1].children[0].label: want a string, got a boolean"},
		{"an object where an array belongs", `{"meta":{"a":"b"},"clauses":[{}]}`, 1, 9,
			"JSON: meta: want an array, got an object"},
		{"a string where a clause belongs", `{"clauses":["x"]}`, 1, 13,
			"JSON: clauses[0]: want an object, got a string"},
		{"an odd key in the path", `{"clauses":[{"a b":[nul]}]}`, 1, 21,
			`JSON: clauses[0]["a b"][0]: invalid literal "nul", want null`},
		{"a misspelt literal of the wrong type is a syntax error first", `{"id":tru}`, 1, 7,
			`JSON: id: invalid literal "tru", want true`},
		{"a missing value", `{"id":}`, 1, 7,
			"JSON: id: want a value, got '}'"},
		{"a missing colon", `{"id" "x"}`, 1, 7,
			`JSON: want ':' after the key "id", got '"'`},
		{"a lone minus", `{"x":-}`, 1, 7,
			"JSON: x: want a digit, got '}'"},
		{"a decimal point without digits", `{"x":1.}`, 1, 8,
			"JSON: x: want a digit after the decimal point, got '}'"},
		{"an exponent without digits", `{"x":1e+}`, 1, 9,
			"JSON: x: want a digit in the exponent, got '}'"},
		{"a plus sign", `{"x":+1}`, 1, 6,
			"JSON: x: want a value, got '+'"},
		{"a second object", `{"clauses":[{}]}{}`, 1, 17,
			"JSON: data after the JSON value"},
		{"a form feed is not JSON white space", "{\f\"clauses\":[{}]}", 1, 2,
			"JSON: want a string key, got U+000C"},
		{"a non-ASCII character outside strings", `{"clauses":[{}]é}`, 1, 16,
			`JSON: want ',' or '}' after the value of "clauses", got U+00E9`},
		{"the input ends", `{"clauses":[{}]`, 1, 16,
			`JSON: want ',' or '}' after the value of "clauses", got the end of the input`},
		{"a megabyte of brackets stops at the depth limit", deep, 1, 10005,
			"JSON: x[0][0][0][0]"},
	} {
		_, err := peace.Parse(strings.NewReader(tt.input))
		var pe *peace.ParseError
		if !errors.As(err, &pe) {
			t.Errorf("%s: got %v, want a *ParseError", tt.reason, err)
			continue
		}
		if pe.Line != tt.line || pe.Col != tt.col || !strings.HasPrefix(pe.Msg, tt.msg) {
			t.Errorf("%s: got line %d, column %d, %q\nwant line %d, column %d, %q", tt.reason, pe.Line, pe.Col, pe.Msg, tt.line, tt.col, tt.msg)
		}
		if want := fmt.Sprintf("peace: line %d, column %d: %s", pe.Line, pe.Col, pe.Msg); err.Error() != want {
			t.Errorf("%s: Error() = %q, want %q", tt.reason, err, want)
		}
	}
	_, err := peace.Parse(strings.NewReader(deep))
	if err == nil || !strings.HasSuffix(err.Error(), "nested deeper than 10000 levels") {
		t.Errorf("deep nesting: got %v", err)
	}
}

func TestUnmarshalJSON(t *testing.T) {
	for _, tt := range []struct {
		reason, input string
		want          *peace.Plan
		err           string
	}{
		{"an invalid UTF-8 byte in a string becomes U+FFFD, as in encoding/json",
			"{\"clauses\":[{\"text\":\"caf\xe9 \xf0\x9f\"}]}",
			&peace.Plan{Clauses: []*peace.Clause{{Label: "1", Text: "caf\uFFFD \uFFFD\uFFFD"}}}, ""},
		{"an invalid UTF-8 byte outside strings is an error",
			"{\"clauses\":[]\xe9}", nil, `peace: line 1, column 14: JSON: want ',' or '}' after the value of "clauses", got the byte 0xe9`},
		{"a plan without clauses is fine here, unlike in Parse",
			`{"id":"x"}`, &peace.Plan{ID: "x"}, ""},
		{"null gives an empty plan",
			`null`, &peace.Plan{}, ""},
		{"a null clause is an error, not a panic in Link",
			`{"clauses":[{"children":[null]}]}`, nil, "peace: JSON plan has a null clause"},
		{"an array is not a plan",
			`[]`, nil, "peace: line 1, column 1: JSON: want an object, got an array"},
	} {
		got, err := ourDecode([]byte(tt.input))
		if tt.err != "" {
			var pe *peace.ParseError
			if !errors.As(err, &pe) || err.Error() != tt.err {
				t.Errorf("%s: got error %v, want *ParseError %q", tt.reason, err, tt.err)
			}
			if _, err := stdDecode([]byte(tt.input)); err == nil {
				t.Errorf("%s: encoding/json accepts it", tt.reason)
			}
			continue
		}
		if err != nil {
			t.Errorf("%s: %v", tt.reason, err)
			continue
		}
		tt.want.Link()
		if d := cmp.Diff(tt.want, got, planCmp); d != "" {
			t.Errorf("%s: (-want +got):\n%s", tt.reason, d)
		}
		std, err := stdDecode([]byte(tt.input))
		if err != nil {
			t.Errorf("%s: encoding/json: %v", tt.reason, err)
		} else if d := cmp.Diff(std, got, planCmp); d != "" {
			t.Errorf("%s: differs from encoding/json (-std +ours):\n%s", tt.reason, d)
		}
	}

	// Through encoding/json, inside another document.
	var doc struct{ Plan peace.Plan }
	err := json.Unmarshal([]byte(`{"Plan": {"clauses": [{"label": 1}]}}`), &doc)
	var pe *peace.ParseError
	if !errors.As(err, &pe) || pe.Line != 1 || pe.Col != 24 {
		t.Errorf("json.Unmarshal of a bad plan: got %v, want a *ParseError at line 1, column 24 of the plan's value", err)
	}
}

// A JSON plan's errors point at the offending value and name its path.
func ExampleParseError_json() {
	_, err := peace.Parse(strings.NewReader(`{
  "id": "draft",
  "clauses": [
    {"label": "1", "text": "A ceasefire."},
    {"label": "2", "children": [{"label": 3}]}
  ]
}`))
	var pe *peace.ParseError
	if errors.As(err, &pe) {
		fmt.Printf("line %d, column %d: %s\n", pe.Line, pe.Col, pe.Msg)
	}
	fmt.Println(err)
	// Output:
	// line 5, column 43: JSON: clauses[1].children[0].label: want a string, got a number
	// peace: line 5, column 43: JSON: clauses[1].children[0].label: want a string, got a number
}

// jsonSamples returns plans as encoding/json writes them: the bundled plans,
// compact and indented, and generated ones.
func jsonSamples(t testing.TB) map[string][]byte {
	t.Helper()
	m := make(map[string][]byte)
	add := func(name string, text []byte) {
		p, err := peace.Parse(bytes.NewReader(text))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		compact, err := json.Marshal(p)
		if err != nil {
			t.Fatal(err)
		}
		indented, err := json.MarshalIndent(p, "", "\t")
		if err != nil {
			t.Fatal(err)
		}
		m[name] = compact
		m[name+"/indented"] = indented
	}
	for name, b := range bundled(t) {
		add(name, b)
	}
	for seed := range uint64(4) {
		add(fmt.Sprintf("peacetest.Plan(200, %d)", seed), peacetest.Plan(200, seed))
	}
	return m
}

func TestParseJSONMatchesEncodingJSON(t *testing.T) {
	for name, data := range jsonSamples(t) {
		std, err := stdDecode(data)
		if err != nil {
			t.Fatalf("%s: encoding/json: %v", name, err)
		}
		ours, err := peace.Parse(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: Parse: %v", name, err)
		}
		if d := cmp.Diff(std, ours, planCmp); d != "" {
			t.Errorf("%s: Parse differs from encoding/json (-std +ours):\n%s", name, d)
		}
		var back peace.Plan
		if err := json.Unmarshal(data, &back); err != nil {
			t.Fatalf("%s: json.Unmarshal: %v", name, err)
		}
		if d := cmp.Diff(std, &back, planCmp); d != "" {
			t.Errorf("%s: Plan.UnmarshalJSON differs from encoding/json (-std +ours):\n%s", name, d)
		}
	}
}

// fullLexicon sets every key of the lexicon format, so that
// TestLoadLexiconMatchesEncodingJSON notices a field the reader misses.
const fullLexicon = `{
  "parties": [{"name": "Northland", "aliases": ["the North"], "exact": ["NL"]}],
  "places": [{"name": "Riverton", "aliases": ["River Town"], "exact": ["RT"]}],
  "topics": [{"id": "water", "label": "Water", "keywords": ["dam"], "exact": ["H2O"]}],
  "units": [{"unit": "days", "words": ["weeks"], "prefixes": ["wk"], "factor": 7}, {"unit": "x", "factor": 2.5e-1}],
  "modals": [{"modal": "must", "phrases": ["has to"], "negated": ["must not"]}],
  "deadlines": [{"name": "soon", "aliases": ["shortly"], "exact": ["ASAP"]}],
  "conditions": ["if"],
  "condition_phrases": ["in peacetime"],
  "negations": ["not", "n\u00e9ver"]
}`

func TestLoadLexiconMatchesEncodingJSON(t *testing.T) {
	embedded, err := os.ReadFile("lexicon.json")
	if err != nil {
		t.Fatal(err)
	}
	for name, data := range map[string][]byte{"lexicon.json": embedded, "fullLexicon": []byte(fullLexicon)} {
		var std peace.Lexicon
		if err := json.Unmarshal(data, &std); err != nil {
			t.Fatalf("%s: encoding/json: %v", name, err)
		}
		ours, err := peace.LoadLexicon(bytes.NewReader(data))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		if d := cmp.Diff(&std, ours, cmpopts.IgnoreUnexported(peace.Lexicon{})); d != "" {
			t.Errorf("%s: differs from encoding/json (-std +ours):\n%s", name, d)
		}
		if name == "fullLexicon" {
			if zero := zeroFields(reflect.ValueOf(&std).Elem(), "Lexicon"); len(zero) > 0 {
				t.Errorf("fullLexicon leaves %v empty: add them to it", zero)
			}
		}
	}
}

// zeroFields returns the exported fields of the struct v, and of the
// structs in its slices, that are zero everywhere.
func zeroFields(v reflect.Value, name string) []string {
	var zero []string
	for i := range v.NumField() {
		f, sf := v.Field(i), v.Type().Field(i)
		if !sf.IsExported() {
			continue
		}
		if f.IsZero() {
			zero = append(zero, name+"."+sf.Name)
			continue
		}
		if f.Kind() == reflect.Slice && f.Type().Elem().Kind() == reflect.Struct {
			// A field is covered if any element sets it.
			counts := map[string]int{}
			for j := range f.Len() {
				for _, z := range zeroFields(f.Index(j), name+"."+sf.Name) {
					counts[z]++
				}
			}
			for z, n := range counts {
				if n == f.Len() {
					zero = append(zero, z)
				}
			}
		}
	}
	return zero
}

func TestPlanJSONSampleCoversEveryField(t *testing.T) {
	// The "all fields" row of TestParseJSONGood must set every field of a
	// Plan and a Clause; if one is added, add it there too.
	var p stdPlan
	err := json.Unmarshal([]byte(`{"id":"i","title":"t","date":"d","authors":["a"],"source":"s","meta":[{"key":"k","value":"v"}],`+
		`"clauses":[{"label":"1","heading":"h","text":"x","children":[{"label":"a","text":"y"}]}]}`), &p)
	if err != nil {
		t.Fatal(err)
	}
	if zero := zeroFields(reflect.ValueOf(p), "Plan"); len(zero) > 0 {
		t.Errorf("sample leaves %v empty", zero)
	}
	if zero := zeroFields(reflect.ValueOf(*p.Clauses[0]), "Clause"); len(zero) > 0 {
		t.Errorf("sample leaves %v empty", zero)
	}
}

var planKeys = []string{"id", "title", "date", "authors", "source", "meta", "key", "value",
	"clauses", "label", "heading", "text", "children"}

// foldedKey reports whether the JSON document holds a key that encoding/json
// would match to a field ignoring case but the package's reader would not.
func foldedKey(data []byte) bool {
	var v any
	if json.Unmarshal(data, &v) != nil {
		return false
	}
	var walk func(v any) bool
	walk = func(v any) bool {
		switch v := v.(type) {
		case map[string]any:
			for k, x := range v {
				for _, want := range planKeys {
					if k != want && strings.EqualFold(k, want) {
						return true
					}
				}
				if walk(x) {
					return true
				}
			}
		case []any:
			for _, x := range v {
				if walk(x) {
					return true
				}
			}
		}
		return false
	}
	return walk(v)
}

// FuzzJSON checks the package's JSON reader against encoding/json: it never
// panics; what it accepts, encoding/json accepts; and when encoding/json
// accepts a document whose keys all have their exact case, the reader
// accepts it and gives the same plan.
//
//	go test -run=FuzzJSON -fuzz=FuzzJSON -fuzztime=60s ./peace
func FuzzJSON(f *testing.F) {
	for _, s := range []string{
		`{"id":"x","clauses":[{"label":"1","text":"a","children":[{"text":"b"}]}]}`,
		`{"id":"a","id":null,"meta":[{"key":"k"}],"meta":[{"value":"v"},{}],"clauses":[{"text":"\ud83d\ude00\ud800"}],"clauses":[null,{"label":"2"}]}`,
		`{"clauses":[{"label":"1"},{"label":"2"},{"label":"3"}],"clauses":[{"text":"x"}],"clauses":[{},{},{}]}`,
		`{"extra":[1,-0.5e+10,true,false,{"a":{}}],"authors":["a","\u00e9"],"Title":"t"}`,
		"{\"clauses\":[{\"text\":\"caf\xe9\"}]}",
		`{"clauses":[{},]}`,
		`[[[[]]]]`,
		`null`,
	} {
		f.Add([]byte(s))
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		ours, oerr := ourDecode(data)
		if foldedKey(data) {
			return // encoding/json reads "Clauses" as "clauses"; the reader skips it
		}
		std, serr := stdDecode(data)
		if oerr == nil && serr != nil {
			t.Fatalf("the reader accepts what encoding/json rejects (%v):\n%q", serr, data)
		}
		if serr != nil {
			return
		}
		if oerr != nil {
			t.Fatalf("encoding/json accepts what the reader rejects (%v):\n%q", oerr, data)
		}
		if d := cmp.Diff(std, ours, planCmp); d != "" {
			t.Fatalf("the reader differs from encoding/json (-std +ours):\n%s\ninput: %q", d, data)
		}
	})
}

// BenchmarkParseJSON reads a generated plan of 3,000 points (about 1.2 MB
// of JSON) with Parse, with Plan.UnmarshalJSON, and with encoding/json's
// reflection as the baseline; compare their MB/s.
//
//	go test -run=NONE -bench=ParseJSON ./peace
func BenchmarkParseJSON(b *testing.B) {
	p, err := peace.Parse(bytes.NewReader(peacetest.Plan(3000, 1)))
	if err != nil {
		b.Fatal(err)
	}
	js, err := json.Marshal(p)
	if err != nil {
		b.Fatal(err)
	}
	for _, bm := range []struct {
		name string
		read func([]byte) (*peace.Plan, error)
	}{
		{"Parse", func(data []byte) (*peace.Plan, error) { return peace.Parse(bytes.NewReader(data)) }},
		{"UnmarshalJSON", ourDecode},
		{"encoding-json", stdDecode},
	} {
		b.Run(bm.name, func(b *testing.B) {
			b.SetBytes(int64(len(js)))
			b.ReportAllocs()
			n := 0
			for b.Loop() {
				q, err := bm.read(js)
				if err != nil {
					b.Fatal(err)
				}
				n = q.Len()
			}
			b.ReportMetric(float64(n), "clauses")
		})
	}
}
