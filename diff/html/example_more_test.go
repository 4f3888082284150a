package html_test

import (
	"fmt"
	"log"
	"strings"

	"github.com/peacediff/peacediff/diff"
	diffhtml "github.com/peacediff/peacediff/diff/html"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
)

// WriteLineage writes the history of the bundled plans as one page that
// needs nothing else: no scripts, no stylesheet file, no images.
func ExampleWriteLineage() {
	var versions []*peace.Plan
	for _, id := range plans.IDs() {
		p, err := plans.Load(id)
		if err != nil {
			log.Fatal(err)
		}
		versions = append(versions, p)
	}
	l, err := diff.History(versions)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	if err := diffhtml.WriteLineage(&b, l); err != nil {
		log.Fatal(err)
	}
	page := b.String()
	fmt.Println(strings.HasPrefix(page, "<!DOCTYPE html>"))
	fmt.Println(strings.Contains(page, "<script"), strings.Contains(page, `rel="stylesheet"`))
	// Output:
	// true
	// false false
}

// Text from the plans is escaped: a clause that reads like markup is
// shown, never run.
func ExampleWrite_escaping() {
	old, err := peace.Parse(strings.NewReader("1. Talks will be held in Geneva.\n"))
	if err != nil {
		log.Fatal(err)
	}
	new, err := peace.Parse(strings.NewReader("1. Talks will be held in Geneva <script>alert(1)</script>.\n"))
	if err != nil {
		log.Fatal(err)
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		log.Fatal(err)
	}
	var b strings.Builder
	if err := diffhtml.Write(&b, r); err != nil {
		log.Fatal(err)
	}
	fmt.Println(strings.Contains(b.String(), "<script>alert"))
	fmt.Println(strings.Contains(b.String(), "&lt;script&gt;alert"))
	// Output:
	// false
	// true
}
