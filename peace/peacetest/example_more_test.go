package peacetest_test

import (
	"bytes"
	"fmt"
	"log"

	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// Plan writes one generated plan in the canonical format; the same size
// and seed give the same bytes on every run.
func ExamplePlan() {
	text := peacetest.Plan(2, 7)
	p, err := peace.Parse(bytes.NewReader(text))
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(p.ID, p.Len() >= 2, bytes.Equal(text, peacetest.Plan(2, 7)))
	// Output:
	// gen-7-v1 true true
}

// Pair writes two versions of one plan, the second an edit of the first,
// for benchmarks of a comparison at any size.
func ExamplePair() {
	old, new := peacetest.Pair(1000, 1)
	p, err := peace.Parse(bytes.NewReader(old))
	if err != nil {
		log.Fatal(err)
	}
	q, err := peace.Parse(bytes.NewReader(new))
	if err != nil {
		log.Fatal(err)
	}
	kept := map[string]bool{}
	for _, c := range p.Clauses {
		kept[c.FullText()] = true
	}
	same := 0
	for _, c := range q.Clauses {
		if kept[c.FullText()] {
			same++
		}
	}
	fmt.Printf("%d points → %d points, %d of them unchanged\n", len(p.Clauses), len(q.Clauses), same)
	// Output:
	// 1000 points → 1003 points, 787 of them unchanged
}
