package peace

import (
	"fmt"
	"io"
	"iter"
	"strconv"
	"strings"
)

// A Plan is one version of a negotiated text: its header metadata and its
// numbered clauses, in document order.
//
// A Plan is plain data. It round-trips through encoding/json, and
// [Plan.Format] writes it in the canonical plain-text format that [Parse]
// reads back into the same tree.
type Plan struct {
	ID      string   `json:"id,omitempty"`      // short identifier, such as "us-28"
	Title   string   `json:"title,omitempty"`   // human title
	Date    string   `json:"date,omitempty"`    // as written in the header, usually YYYY-MM-DD
	Authors []string `json:"authors,omitempty"` // one entry per "author:" header line
	Source  string   `json:"source,omitempty"`  // where the text was published

	// Meta holds the header fields peacediff does not interpret, in the
	// order they appeared, so that nothing a user wrote is lost.
	Meta []Field `json:"meta,omitempty"`

	// Clauses are the top-level points.
	Clauses []*Clause `json:"clauses"`
}

// A Field is one "key: value" header line that has no field of its own in [Plan].
type Field struct {
	Key   string `json:"key"`
	Value string `json:"value"`
}

// A Clause is one point of a plan, possibly with sub-points.
//
// Label is the point's number or letter as printed, without decoration:
// "10" for "10.", "(10)" or "Point 10:"; "b" for "b)" or "(b)".
// Sub-points printed without a label ("-", "•") get their position ("1", "2"...).
type Clause struct {
	Label    string    `json:"label"`
	Heading  string    `json:"heading,omitempty"` // a short title such as "Territories", when the text carries one
	Text     string    `json:"text"`              // the clause's own words, wrapped lines joined with single spaces
	Children []*Clause `json:"children,omitempty"`

	path string // set by Plan.Link
}

// Path returns the clause's labels from the top level down, joined with dots:
// "10" for point 10, "10.b" for its sub-point b. Labels are lower-cased.
//
// Paths are set by [Parse], by json.Unmarshal of a [Plan] and by [Plan.Link];
// a clause that belongs to no linked plan returns its own label.
func (c *Clause) Path() string {
	if c.path == "" {
		return strings.ToLower(c.Label)
	}
	return c.path
}

// All returns the clause and its descendants, depth first.
func (c *Clause) All() iter.Seq[*Clause] {
	return func(yield func(*Clause) bool) {
		c.walk(yield)
	}
}

func (c *Clause) walk(yield func(*Clause) bool) bool {
	if !yield(c) {
		return false
	}
	for _, k := range c.Children {
		if !k.walk(yield) {
			return false
		}
	}
	return true
}

// FullText returns the clause's heading, text and the full text of its
// sub-points as a reader sees them in one run: pieces joined with single
// spaces, and a heading followed by a colon, so that point 21 of a plan
// reads "Territories: Crimea, Luhansk and Donetsk will be ...".
func (c *Clause) FullText() string {
	var b strings.Builder
	sep := ""
	for k := range c.All() {
		for i, s := range [...]string{k.Heading, k.Text} {
			if s == "" {
				continue
			}
			b.WriteString(sep)
			b.WriteString(s)
			sep = " "
			if i == 0 {
				sep = ": "
			}
		}
	}
	return b.String()
}

// All returns every clause of the plan, depth first: point 1, its
// sub-points, point 2, and so on.
func (p *Plan) All() iter.Seq[*Clause] {
	return func(yield func(*Clause) bool) {
		for _, c := range p.Clauses {
			if !c.walk(yield) {
				return
			}
		}
	}
}

// Len returns the number of clauses at every level.
func (p *Plan) Len() int {
	n := 0
	for range p.All() {
		n++
	}
	return n
}

// Clause returns the clause with the given path, or nil.
func (p *Plan) Clause(path string) *Clause {
	for c := range p.All() {
		if c.Path() == path {
			return c
		}
	}
	return nil
}

// Link sets every clause's path from its labels and gives unlabelled
// clauses their position as label. [Parse] and json.Unmarshal call it; call
// it yourself after building or editing a plan by hand.
func (p *Plan) Link() {
	link(p.Clauses, "")
}

func link(cs []*Clause, prefix string) {
	for i, c := range cs {
		if c.Label == "" {
			c.Label = strconv.Itoa(i + 1)
		}
		c.path = prefix + strings.ToLower(c.Label)
		link(c.Children, c.path+".")
	}
}

// UnmarshalJSON decodes a plan, replacing all of p, and links its clause
// paths. It reads JSON as [Parse] does, with the same rules, and reports
// errors as a [*ParseError] whose line and column count from the start of
// data; unlike Parse, it does not check the plan's limits or require
// clauses, but it does reject null clauses.
func (p *Plan) UnmarshalJSON(data []byte) error {
	q, err := decodePlan(data)
	if err != nil {
		return jsonParseError(data, err)
	}
	if hasNull(q.Clauses) {
		return &ParseError{Msg: "JSON plan has a null clause"}
	}
	*p = *q
	p.Link()
	return nil
}

// Format writes the plan in the canonical plain-text format: header lines,
// a blank line, then one line per clause ("1. ...", sub-points indented
// three spaces per level with "a) ..."), with a blank line before a point
// numbered 1000 or more. [Parse] reads the output back into the same tree.
func (p *Plan) Format(w io.Writer) error {
	var b strings.Builder
	header := func(k, v string) {
		if v != "" {
			fmt.Fprintf(&b, "%s: %s\n", k, oneLine(v))
		}
	}
	header("title", p.Title)
	header("id", p.ID)
	header("date", p.Date)
	for _, a := range p.Authors {
		header("author", a)
	}
	header("source", p.Source)
	for _, f := range p.Meta {
		header(f.Key, f.Value)
	}
	if b.Len() > 0 {
		b.WriteByte('\n')
	}
	for _, c := range p.Clauses {
		formatClause(&b, c, 0)
	}
	_, err := io.WriteString(w, b.String())
	if err != nil {
		return fmt.Errorf("peace: writing plan: %w", err)
	}
	return nil
}

func formatClause(b *strings.Builder, c *Clause, depth int) {
	if v, err := strconv.Atoi(c.Label); err == nil && v >= wrappedNumber {
		// Right after a line of text, "2025. ..." would read as the
		// wrapped end of that line; after a blank line it is a point.
		b.WriteByte('\n')
	}
	b.WriteString(strings.Repeat("   ", depth))
	if depth == 0 {
		fmt.Fprintf(b, "%s. ", c.Label)
	} else {
		fmt.Fprintf(b, "%s) ", c.Label)
	}
	switch {
	case c.Heading != "" && c.Text != "":
		fmt.Fprintf(b, "%s: %s", oneLine(c.Heading), oneLine(c.Text))
	case c.Heading != "":
		fmt.Fprintf(b, "%s:", oneLine(c.Heading))
	default:
		b.WriteString(oneLine(c.Text))
	}
	b.WriteByte('\n')
	for _, k := range c.Children {
		formatClause(b, k, depth+1)
	}
}

// oneLine folds any line breaks in s into single spaces, so that a field
// never spills into the next line of the format.
func oneLine(s string) string {
	if !strings.ContainsAny(s, "\r\n") {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}
