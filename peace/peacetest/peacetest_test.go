package peacetest_test

import (
	"bytes"
	"fmt"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

func parse(t *testing.T, b []byte) *peace.Plan {
	t.Helper()
	p, err := peace.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func TestDeterministic(t *testing.T) {
	old1, new1 := peacetest.Pair(500, 7)
	old2, new2 := peacetest.Pair(500, 7)
	if !bytes.Equal(old1, old2) || !bytes.Equal(new1, new2) {
		t.Error("Pair(500, 7) gave different bytes on two calls")
	}
	if !bytes.Equal(peacetest.Plan(500, 7), old1) {
		t.Error("Plan(500, 7) differs from the old text of Pair(500, 7)")
	}
	if other, _ := peacetest.Pair(500, 8); bytes.Equal(other, old1) {
		t.Error("seeds 7 and 8 gave the same plan")
	}
}

func TestPair(t *testing.T) {
	const n = 2000
	oldText, newText := peacetest.Pair(n, 1)
	old, nw := parse(t, oldText), parse(t, newText)
	if len(old.Clauses) != n {
		t.Errorf("old plan has %d points, want %d", len(old.Clauses), n)
	}
	// deletions and insertions balance; splits and merges nearly so
	if m := len(nw.Clauses); m < n*95/100 || m > n*105/100 {
		t.Errorf("new plan has %d points, want about %d", m, n)
	}
	for i, c := range nw.Clauses {
		if c.Label != fmt.Sprint(i+1) {
			t.Fatalf("new point %d is labelled %q: not renumbered", i+1, c.Label)
		}
	}

	// about 80% of the old points survive word for word (not deleted,
	// reworded, renumbered, split or merged), most under a new number
	same := make(map[string]string)
	for _, c := range nw.Clauses {
		same[c.FullText()] = c.Label
	}
	kept, renumbered := 0, 0
	withSubs := 0
	for _, c := range old.Clauses {
		if label, ok := same[c.FullText()]; ok {
			kept++
			if label != c.Label {
				renumbered++
			}
		}
		if len(c.Children) > 0 {
			withSubs++
			continue
		}
		if w := len(strings.Fields(c.Text)); w < 15 || w > 60 {
			t.Errorf("old point %s has %d words, want 15 to 60: %s", c.Label, w, c.Text)
		}
	}
	if kept < n*74/100 || kept > n*86/100 {
		t.Errorf("%d of %d points kept word for word, want about 80%%", kept, n)
	}
	if renumbered < kept/2 {
		t.Errorf("only %d of %d kept points renumbered", renumbered, kept)
	}
	if withSubs < n/10 || withSubs > n/5 {
		t.Errorf("%d of %d points have sub-points, want about 15%%", withSubs, n)
	}
}

func TestSize(t *testing.T) {
	b := peacetest.Plan(30_000, 1)
	if mb := float64(len(b)) / 1e6; mb < 8 || mb > 10 {
		t.Errorf("Plan(30000) is %.1f MB, want about 9", mb)
	}
}

func Example() {
	old, new := peacetest.Pair(3, 42)
	p, _ := peace.Parse(bytes.NewReader(old))
	q, _ := peace.Parse(bytes.NewReader(new))
	fmt.Println(p.ID, len(p.Clauses), "points;", q.ID, len(q.Clauses), "points")
	fmt.Println(bytes.Equal(old, peacetest.Plan(3, 42)))
	// Output:
	// gen-42-v1 3 points; gen-42-v2 3 points
	// true
}
