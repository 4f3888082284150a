package diff

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// truthRow is one row of a *.align.tsv or *.changes.tsv file; see
// examples/plans/README.md for the format.
type truthRow []string

func readTSV(t *testing.T, name string) []truthRow {
	t.Helper()
	f, err := os.Open(filepath.Join("testdata", "truth", name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []truthRow
	s := bufio.NewScanner(f)
	for first := true; s.Scan(); first = false {
		if first || strings.TrimSpace(s.Text()) == "" {
			continue
		}
		rows = append(rows, strings.Split(s.Text(), "\t"))
	}
	if err := s.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

// top returns the top-level point of a clause path.
func top(path string) string {
	p, _, _ := strings.Cut(path, ".")
	return p
}

type pairKey struct{ old, new string }

// scores of an alignment against the truth, at the level of top-level points.
type scores struct {
	precision, recall, f1             float64
	removedRecall, addedRecall        float64
	changeRecall                      float64
	truePairs, gotPairs, changesTotal int
}

func score(t *testing.T, oldID, newID string) scores {
	t.Helper()
	old, err := plans.Load(oldID)
	if err != nil {
		t.Fatal(err)
	}
	new, err := plans.Load(newID)
	if err != nil {
		t.Fatal(err)
	}
	r, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	checkCoverage(t, old, new, r)

	truth := make(map[pairKey]bool)
	var truthRemoved, truthAdded []string
	for _, row := range readTSV(t, oldID+"__"+newID+".align.tsv") {
		o, n := row[0], row[1]
		switch {
		case o == "-" && !strings.Contains(n, "."):
			truthAdded = append(truthAdded, n)
		case n == "-" && !strings.Contains(o, "."):
			truthRemoved = append(truthRemoved, o)
		case o != "-" && n != "-":
			truth[pairKey{top(o), top(n)}] = true
		}
	}
	got := make(map[pairKey]bool)
	pairedOld := make(map[string]bool)
	pairedNew := make(map[string]bool)
	for _, m := range r.Matches {
		for _, o := range m.Old {
			for _, n := range m.New {
				got[pairKey{top(o), top(n)}] = true
				pairedOld[top(o)] = true
				pairedNew[top(n)] = true
			}
		}
	}
	var s scores
	hit := 0
	for k := range got {
		if truth[k] {
			hit++
		} else {
			t.Logf("%s -> %s: pair %s -> %s is not in the truth", oldID, newID, k.old, k.new)
		}
	}
	for k := range truth {
		if !got[k] {
			t.Logf("%s -> %s: missed pair %s -> %s", oldID, newID, k.old, k.new)
		}
	}
	s.truePairs, s.gotPairs = len(truth), len(got)
	s.precision = ratio(hit, len(got))
	s.recall = ratio(hit, len(truth))
	if s.precision+s.recall > 0 {
		s.f1 = 2 * s.precision * s.recall / (s.precision + s.recall)
	}
	found := 0
	for _, o := range truthRemoved {
		if !pairedOld[o] {
			found++
		}
	}
	s.removedRecall = ratio(found, len(truthRemoved))
	found = 0
	for _, n := range truthAdded {
		if !pairedNew[n] {
			found++
		}
	}
	s.addedRecall = ratio(found, len(truthAdded))

	changes := readTSV(t, oldID+"__"+newID+".changes.tsv")
	found = 0
	for _, row := range changes {
		if changeFound(r, row) {
			found++
		} else {
			t.Logf("%s -> %s: missed change %q", oldID, newID, row)
		}
	}
	s.changesTotal = len(changes)
	s.changeRecall = ratio(found, len(changes))
	return s
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// changeFound reports whether a match between the truth row's points has a
// change of its kind whose before and after loosely agree with it.
func changeFound(r *Result, row truthRow) bool {
	o, n, kind, before, after := row[0], row[1], row[2], row[3], row[4]
	for _, m := range r.Matches {
		if !slices.ContainsFunc(m.Old, func(p string) bool { return top(p) == top(o) }) ||
			!slices.ContainsFunc(m.New, func(p string) bool { return top(p) == top(n) }) {
			continue
		}
		for _, c := range m.Changes {
			if string(c.Kind) == kind && loosely(before, c.Before) && loosely(after, c.After) {
				return true
			}
		}
	}
	return false
}

// loosely reports whether a truth value and a found one agree: "-" means
// nothing on that side; otherwise most informative words of the shorter
// are in the longer ("depends on consensus of NATO members" and "depends
// on a consensus of nato members" agree).
func loosely(want, got string) bool {
	if want == "-" {
		return got == ""
	}
	if got == "" {
		return false
	}
	words := func(s string) []string {
		var out []string
		for _, w := range normalize(s, nil) {
			if !stopwords[w] {
				out = append(out, w)
			}
		}
		return out
	}
	w, g := words(want), words(got)
	if len(w) > len(g) {
		w, g = g, w
	}
	n := 0
	for _, x := range w {
		if slices.Contains(g, x) {
			n++
		}
	}
	return len(w) > 0 && 2*n >= len(w) || strings.EqualFold(want, got)
}
func TestAccuracy(t *testing.T) {
	tests := []struct {
		reason                      string
		old, new                    string
		f1, removed, added, changes float64
	}{
		{
			reason: "the E3 counter-proposal follows the US draft point by point",
			old:    "us-28", new: "eu-counter",
			f1: 0.95, removed: 0.9, added: 0.9, changes: 0.85,
		},
		{
			reason: "the 20-point framework renumbers, merges and drops points of the US draft",
			old:    "us-28", new: "ua-20",
			f1: 0.9, removed: 0.9, added: 0.9, changes: 0.6,
		},
	}
	for _, tt := range tests {
		s := score(t, tt.old, tt.new)
		t.Logf("%s -> %s: pairs precision %.2f recall %.2f F1 %.2f (%d true, %d found); removed recall %.2f; added recall %.2f; change recall %.2f of %d",
			tt.old, tt.new, s.precision, s.recall, s.f1, s.truePairs, s.gotPairs, s.removedRecall, s.addedRecall, s.changeRecall, s.changesTotal)
		if s.f1 < tt.f1 || s.removedRecall < tt.removed || s.addedRecall < tt.added || s.changeRecall < tt.changes {
			t.Errorf("%s (%s -> %s): F1 %.2f, removed %.2f, added %.2f, changes %.2f; want at least %.2f, %.2f, %.2f, %.2f",
				tt.reason, tt.old, tt.new, s.f1, s.removedRecall, s.addedRecall, s.changeRecall, tt.f1, tt.removed, tt.added, tt.changes)
		}
	}
}

// TestCompareGenerated checks the alignment of generated plans against the
// edit model of peace/peacetest: about 5% of the points deleted, 5%
// inserted, 1% split, 1% merged, the rest kept, reworded or amended.
func TestCompareGenerated(t *testing.T) {
	const n = 2000
	a, b := peacetest.Pair(n, 3)
	old, err := peace.Parse(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	new, err := peace.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	r, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	checkCoverage(t, old, new, r)
	count := make(map[Kind]int)
	weak := 0 // pairs sharing few words: likely a deleted point paired with an inserted one
	for _, m := range r.Matches {
		if strings.Contains(firstPath(m), ".") {
			continue // sub-points
		}
		count[m.Kind]++
		if (m.Kind == Amended || m.Kind == Reworded) && m.Similarity < 0.3 {
			weak++
		}
	}
	t.Logf("%d points: %v, %d weak pairs", n, count, weak)
	share := func(k Kind) float64 { return float64(count[k]) / n }
	checks := []struct {
		what     string
		got      float64
		min, max float64
	}{
		{"unchanged", share(Unchanged), 0.70, 0.85},
		{"removed", share(Removed), 0.03, 0.07},
		{"added", share(Added), 0.03, 0.07},
		{"split", share(Split), 0.002, 0.02},
		{"merged", share(Merged), 0.002, 0.02},
		{"weak pairs", float64(weak) / n, 0, 0.01},
	}
	for _, c := range checks {
		if c.got < c.min || c.got > c.max {
			t.Errorf("%s: share %.3f of the points, want %.3f to %.3f", c.what, c.got, c.min, c.max)
		}
	}
}

func firstPath(m Match) string {
	if len(m.Old) > 0 {
		return m.Old[0]
	}
	return m.New[0]
}

// TestCompareGolden keeps the whole comparison of the bundled plans in
// golden files, so that any change to alignment, edits or changes shows in
// review (go test -update rewrites them).
func TestCompareGolden(t *testing.T) {
	for _, ids := range [][2]string{{"us-28", "eu-counter"}, {"us-28", "ua-20"}} {
		old, err := plans.Load(ids[0])
		if err != nil {
			t.Fatal(err)
		}
		new, err := plans.Load(ids[1])
		if err != nil {
			t.Fatal(err)
		}
		r, err := Compare(old, new)
		if err != nil {
			t.Fatal(err)
		}
		b, err := json.MarshalIndent(r, "", "  ")
		if err != nil {
			t.Fatal(err)
		}
		golden(t, "compare-"+ids[0]+"__"+ids[1]+".json.golden", append(b, '\n'))
	}
}
