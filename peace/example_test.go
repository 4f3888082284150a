package peace_test

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/peacediff/peacediff/peace"
)

// Parse reads the messy variants people paste: here a preamble, bold
// Markdown labels, a wrapped line and bullets under a heading.
func ExampleParse() {
	text := `Washington, 20 November. The draft reads as follows.

**1.** The sovereignty of Ukraine
will be confirmed.
**2.** Guarantee provided by the United States:
- The United States will be compensated.
- If Ukraine invades Russia, it loses the guarantee.
`
	p, err := peace.Parse(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s: %q\n", p.Meta[0].Key, p.Meta[0].Value)
	for c := range p.All() {
		fmt.Printf("%-4s heading=%q text=%q\n", c.Path(), c.Heading, c.Text)
	}
	// Output:
	// preamble: "Washington, 20 November. The draft reads as follows."
	// 1    heading="" text="The sovereignty of Ukraine will be confirmed."
	// 2    heading="Guarantee provided by the United States" text=""
	// 2.1  heading="" text="The United States will be compensated."
	// 2.2  heading="" text="If Ukraine invades Russia, it loses the guarantee."
}

// Format writes the canonical text, which Parse reads back into the same
// plan.
func ExamplePlan_Format() {
	text := "Title: Draft\nauthor: A\nauthor: B\n\n(1) Territory: the line of contact is frozen.\n(a) Monitoring is remote.\n(2) Elections follow within 100 days.\n"
	p, err := peace.Parse(strings.NewReader(text))
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := p.Format(os.Stdout); err != nil {
		fmt.Println(err)
	}
	// Output:
	// title: Draft
	// author: A
	// author: B
	//
	// 1. Territory: the line of contact is frozen.
	//    a) Monitoring is remote.
	// 2. Elections follow within 100 days.
}

// All visits every clause depth first; Path names each one.
func ExamplePlan_All() {
	p, err := peace.Parse(strings.NewReader("1. One.\n2. Two:\n   a) first;\n   b) second.\n3. Three.\n"))
	if err != nil {
		fmt.Println(err)
		return
	}
	for c := range p.All() {
		fmt.Println(c.Path(), c.FullText())
	}
	// Output:
	// 1 One.
	// 2 Two: first; second.
	// 2.a first;
	// 2.b second.
	// 3 Three.
}

// A Parser sets limits; bad input gives a *ParseError with a position.
func ExampleParser() {
	p := peace.Parser{MaxBytes: 1 << 20, MaxDepth: 2}
	_, err := p.Parse(strings.NewReader("1. One\n   a) sub-point\n      i) too deep\n"))
	var pe *peace.ParseError
	if errors.As(err, &pe) {
		fmt.Println(pe.Line, pe.Col, err)
	}
	_, err = p.Parse(strings.NewReader(strings.Repeat("1. x\n", 1<<20)))
	fmt.Println(errors.Is(err, peace.ErrTooLarge), err)
	// Output:
	// 3 7 peace: line 3, column 7: points nested deeper than 2 levels
	// true peace: input is larger than 1048576 bytes
}
