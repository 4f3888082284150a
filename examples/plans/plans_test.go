package plans_test

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
)

// TestIDs checks that IDs lists every bundled file exactly once and that
// each plan parses with the id its file name gives.
func TestIDs(t *testing.T) {
	names, err := fs.Glob(os.DirFS("."), "*.txt")
	if err != nil {
		t.Fatal(err)
	}
	var want []string
	for _, n := range names {
		want = append(want, strings.TrimSuffix(filepath.Base(n), ".txt"))
	}
	got := plans.IDs()
	if !slices.Equal(slices.Sorted(slices.Values(got)), want) {
		t.Fatalf("IDs() = %v, files %v", got, want)
	}
	var dates []string
	for _, id := range got {
		p, err := plans.Load(id)
		if err != nil {
			t.Fatalf("Load(%q): %v", id, err)
		}
		if p.ID != id {
			t.Errorf("Load(%q).ID = %q", id, p.ID)
		}
		if len(p.Clauses) == 0 {
			t.Errorf("Load(%q) has no clauses", id)
		}
		dates = append(dates, p.Date)
	}
	if !slices.IsSorted(dates) {
		t.Errorf("IDs() not in date order: %v", dates)
	}
}

func TestUnknownID(t *testing.T) {
	if _, err := plans.Load("us-29"); err == nil || !strings.Contains(err.Error(), "us-28") {
		t.Fatalf("Load(unknown) = %v, want an error listing the bundled ids", err)
	}
}

func ExampleLoad() {
	p, err := plans.Load("us-28")
	if err != nil {
		panic(err)
	}
	fmt.Println(p.ID, len(p.Clauses), "points")
	fmt.Println(p.Clauses[5].Path(), p.Clauses[5].Text)
	// Output:
	// us-28 28 points
	// 6 The Armed Forces of Ukraine will be capped at 600,000 personnel.
}
