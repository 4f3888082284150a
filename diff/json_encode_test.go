package diff

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// jsonValue is what the hand-written encoder writes: a *Result or a
// *Lineage.
type jsonValue interface {
	WriteJSON(w io.Writer) error
	AppendJSON(b []byte) ([]byte, error)
}

// sameJSON checks that v's WriteJSON and AppendJSON give the bytes
// encoding/json gives: an Encoder with SetIndent("", "  ") (what WriteJSON
// used before) and json.Marshal.
func sameJSON(t *testing.T, name string, v jsonValue) {
	t.Helper()
	var want bytes.Buffer
	enc := json.NewEncoder(&want)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		t.Fatalf("%s: encoding/json: %v", name, err)
	}
	var got bytes.Buffer
	if err := v.WriteJSON(&got); err != nil {
		t.Fatalf("%s: WriteJSON: %v", name, err)
	}
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("%s: WriteJSON differs from encoding/json:\n%s", name, lineDiff(want.String(), got.String()))
	}

	compact, err := json.Marshal(v)
	if err != nil {
		t.Fatalf("%s: json.Marshal: %v", name, err)
	}
	prefix := []byte("prefix:")
	b, err := v.AppendJSON(prefix[:len(prefix):len(prefix)])
	if err != nil {
		t.Fatalf("%s: AppendJSON: %v", name, err)
	}
	if !bytes.HasPrefix(b, prefix) {
		t.Fatalf("%s: AppendJSON lost the bytes it appends to: %.40q", name, b)
	}
	if got := b[len(prefix):]; !bytes.Equal(got, compact) {
		t.Errorf("%s: AppendJSON differs from json.Marshal at byte %d:\n got %.200q\nwant %.200q",
			name, firstDifference(got, compact), got, compact)
	}
}

func firstDifference(a, b []byte) int {
	for i := range min(len(a), len(b)) {
		if a[i] != b[i] {
			return i
		}
	}
	return min(len(a), len(b))
}

func loadBundled(t testing.TB) []*peace.Plan {
	t.Helper()
	var ps []*peace.Plan
	for _, id := range plans.IDs() {
		p, err := plans.Load(id)
		if err != nil {
			t.Fatal(err)
		}
		ps = append(ps, p)
	}
	return ps
}

func parseText(t testing.TB, text []byte) *peace.Plan {
	t.Helper()
	p, err := peace.Parse(bytes.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// TestJSONBundled compares every ordered pair of bundled plans, and their
// history, with encoding/json.
func TestJSONBundled(t *testing.T) {
	ps := loadBundled(t)
	ids := plans.IDs()
	for i, old := range ps {
		for j, new := range ps {
			r, err := Compare(old, new)
			if err != nil {
				t.Fatal(err)
			}
			sameJSON(t, ids[i]+" vs "+ids[j], r)
		}
	}
	l, err := History(ps)
	if err != nil {
		t.Fatal(err)
	}
	if len(l.Threads) == 0 || len(l.Topics) == 0 {
		t.Fatalf("the bundled history has %d threads and %d topics; the test needs some", len(l.Threads), len(l.Topics))
	}
	sameJSON(t, "history of the bundled plans", l)
}

// TestJSONGenerated compares generated pairs of several sizes and seeds,
// and histories of generated versions, with encoding/json.
func TestJSONGenerated(t *testing.T) {
	for _, n := range []int{1, 12, 80, 300} {
		for seed := uint64(1); seed <= 4; seed++ {
			a, b := peacetest.Pair(n, seed)
			old, new := parseText(t, a), parseText(t, b)
			r, err := Compare(old, new)
			if err != nil {
				t.Fatal(err)
			}
			name := fmt.Sprintf("N=%d seed=%d", n, seed)
			sameJSON(t, name, r)

			_, c := peacetest.Pair(n, seed+100)
			l, err := History([]*peace.Plan{old, new, parseText(t, c)})
			if err != nil {
				t.Fatal(err)
			}
			sameJSON(t, name+" history", l)
		}
	}
}

// nasty are strings that need escaping, or look as if they might.
var nasty = []string{
	"",
	"plain words",
	`<script>alert("x & y")</script>`,
	"quote \" backslash \\ slash /",
	"line\nfeed\rreturn\ttab\bbackspace\fform feed",
	"\x00\x01\x1f\x7f nul, unit separator, delete",
	"separators \u2028 and \u2029 and next line \u0085",
	"invalid \xff\xfe utf-8 \xe2\x82 cut short \xed\xa0\x80 surrogate",
	"emoji 🕊️ and flags 🇺🇦🇪🇺, combining e\u0301",
	"Cyrillic Київ, Greek Ελλάδα, CJK 和平",
	"\ufeff byte order mark and \ufffd replacement",
	"\xc0\x80 overlong nul",
	"ends in a lone \xf0",
}

// nastyResult puts s into every string of a Result and f into every
// Similarity.
func nastyResult(s string, f float64) *Result {
	return &Result{
		Old: PlanInfo{ID: s, Title: s, Date: s, Clauses: -1},
		New: PlanInfo{ID: s, Title: s, Clauses: math.MaxInt},
		Matches: []Match{
			{
				Kind: Kind(s), Old: []string{s, s}, New: []string{}, Similarity: f, Moved: true,
				Topics: []string{s}, Edits: []Edit{{Op: Op(s), Text: s}, {Op: Insert, Text: s}},
				Changes: []Change{{Kind: ChangeKind(s), Before: s}, {Kind: QuantityChange, After: s}},
			},
			{Kind: Amended, Similarity: -f, Renumbered: true, Topics: []string{}, Edits: []Edit{}, Changes: []Change{}},
		},
		Summary: Summary{Unchanged: 1, Reworded: 2, Amended: 3, Split: 4, Merged: 5, Added: 6, Removed: 7, Moved: math.MinInt},
	}
}

// nastyLineage puts s into every string of a Lineage.
func nastyLineage(s string) *Lineage {
	return &Lineage{
		Versions:    []PlanInfo{{ID: s, Title: s, Date: s}, {ID: s}},
		Comparisons: []Comparison{{From: 0, To: 1, Summary: Summary{Moved: 3}}},
		Threads: []Thread{
			{Topics: []string{s}, Steps: []Step{
				{Version: 0, Paths: []string{s}},
				{Version: 1, Paths: []string{}, Kind: Kind(s), Moved: true, Renumbered: true,
					Changes: []Change{{Kind: ChangeKind(s), Before: s, After: s}}},
			}},
			{},
		},
		Topics: []TopicHistory{
			{Topic: s, Label: s, Versions: []int{0, 1}, Changes: []TopicChange{
				{From: 0, To: 1, Old: []string{s}, New: nil, Kind: ChangeKind(s), Before: s, After: s},
				{Old: []string{}, New: []string{s}},
			}},
			{Versions: []int{}, Changes: []TopicChange{}},
		},
	}
}

func TestJSONStrings(t *testing.T) {
	for _, s := range nasty {
		sameJSON(t, fmt.Sprintf("Result with %q", s), nastyResult(s, 0.5))
		sameJSON(t, fmt.Sprintf("Lineage with %q", s), nastyLineage(s))
	}
}

func TestJSONFloats(t *testing.T) {
	for _, f := range []float64{
		0, math.Copysign(0, -1), 1, 0.5, 0.25, 0.33, 1.0 / 3, 0.1 + 0.2, 123456789.0, 1e20, 1e21, 1.5e21,
		1e-6, 9.99e-7, 1e-7, 1.234e-10, 1e-100, 5e-324, math.SmallestNonzeroFloat64, math.MaxFloat64, 1e300,
		-1e-7, -1e21, -0.75,
	} {
		sameJSON(t, fmt.Sprintf("similarity %g", f), nastyResult("x", f))
	}
}

// TestJSONShapes checks nil against empty slices, omitted members and
// empty values.
func TestJSONShapes(t *testing.T) {
	for _, tc := range []struct {
		reason string
		v      jsonValue
	}{
		{"the zero Result has null matches", &Result{}},
		{"empty matches are []", &Result{Matches: []Match{}}},
		{"a zero Match has null old and new and omits the rest", &Result{Matches: []Match{{}}}},
		{"a nil Result is null", (*Result)(nil)},
		{"the zero Lineage has four nulls", &Lineage{}},
		{"empty lists in a Lineage are []", &Lineage{Versions: []PlanInfo{}, Comparisons: []Comparison{}, Threads: []Thread{}, Topics: []TopicHistory{}}},
		{"zero members of a Lineage", &Lineage{Versions: []PlanInfo{{}}, Comparisons: []Comparison{{}}, Threads: []Thread{{}}, Topics: []TopicHistory{{}}}},
		{"a Step with empty lists", &Lineage{Threads: []Thread{{Topics: []string{}, Steps: []Step{{Paths: []string{}, Changes: []Change{}}}}}}},
		{"a nil Lineage is null", (*Lineage)(nil)},
	} {
		sameJSON(t, tc.reason, tc.v)
	}
}

// TestJSONNotFinite checks that a similarity JSON cannot hold is an error,
// as it is for encoding/json, and that nothing is written or appended.
func TestJSONNotFinite(t *testing.T) {
	for _, tc := range []struct {
		reason string
		f      float64
	}{
		{"NaN", math.NaN()},
		{"positive infinity", math.Inf(1)},
		{"negative infinity (the second match negates the first's similarity)", math.Inf(-1)},
	} {
		r := nastyResult("x", tc.f)
		if _, err := json.Marshal(r); err == nil {
			t.Fatalf("%s: encoding/json accepts it; the test assumes it does not", tc.reason)
		}
		var w bytes.Buffer
		if err := r.WriteJSON(&w); err == nil || !strings.HasPrefix(err.Error(), "diff: ") {
			t.Errorf("%s: WriteJSON error = %v, want a diff error", tc.reason, err)
		}
		if w.Len() != 0 {
			t.Errorf("%s: WriteJSON wrote %d bytes despite the error", tc.reason, w.Len())
		}
		b, err := r.AppendJSON([]byte("kept"))
		if err == nil {
			t.Errorf("%s: AppendJSON gave no error", tc.reason)
		}
		if string(b) != "kept" {
			t.Errorf("%s: AppendJSON returned %.40q after the error, want the slice it was given", tc.reason, b)
		}
	}
}

// failingWriter fails every write.
type failingWriter struct{}

var errFailing = errors.New("disk full")

func (failingWriter) Write([]byte) (int, error) { return 0, errFailing }

func TestJSONWriteError(t *testing.T) {
	for _, v := range []jsonValue{nastyResult("x", 1), nastyLineage("x")} {
		err := v.WriteJSON(failingWriter{})
		if !errors.Is(err, errFailing) || !strings.HasPrefix(err.Error(), "diff: writing JSON") {
			t.Errorf("%T: WriteJSON to a failing writer: %v", v, err)
		}
	}
}

func TestPlanInfoAppendJSON(t *testing.T) {
	for _, s := range nasty {
		for _, p := range []PlanInfo{{ID: s, Title: s, Date: s, Clauses: 3}, {ID: s}} {
			want, err := json.Marshal(p)
			if err != nil {
				t.Fatal(err)
			}
			if got := p.AppendJSON(nil); !bytes.Equal(got, want) {
				t.Errorf("%+q: got %s, want %s", s, got, want)
			}
		}
	}
}

// TestJSONAllocs checks that the encoder sizes its buffer once for a real
// comparison: one allocation, the buffer, for AppendJSON and for
// WriteJSON. A buffer that had to grow would add one a doubling, and an
// encoder that escaped to the heap one more.
func TestJSONAllocs(t *testing.T) {
	ps := loadBundled(t)
	r, err := Compare(ps[0], ps[len(ps)-1])
	if err != nil {
		t.Fatal(err)
	}
	if n := testing.AllocsPerRun(20, func() { _, _ = r.AppendJSON(nil) }); n > 1 {
		t.Errorf("AppendJSON: %v allocations, want 1", n)
	}
	if n := testing.AllocsPerRun(20, func() { _ = r.WriteJSON(io.Discard) }); n > 1 {
		t.Errorf("WriteJSON: %v allocations, want 1", n)
	}
}
