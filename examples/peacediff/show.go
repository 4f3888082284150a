package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/peacediff/peacediff/peace"
)

// show writes the outline of one plan, a line per clause: its path, its
// text cut short, and the facts the lexicon reads in it.
func show(out *bytes.Buffer, args []string, stdin io.Reader, cfg config, stdout io.Writer) error {
	if len(args) != 1 {
		return fmt.Errorf("show wants one plan, got %d", len(args))
	}
	p, err := load(args[0], stdin)
	if err != nil {
		return err
	}
	lex := peace.DefaultLexicon()
	switch cfg.format {
	case "text":
	case "json":
		return showJSON(out, p, lex)
	default:
		return fmt.Errorf("show writes text or json, not %s", cfg.format)
	}

	width := cfg.textOptions(stdout).Width
	if width == 0 {
		width = 80
	}
	head := p.ID
	if p.Date != "" {
		head += "  " + p.Date
	}
	fmt.Fprintf(out, "%s  %s\n", head, shorten(p.Title, width-len([]rune(head))-2))
	fmt.Fprintf(out, "%d points, %d clauses in all\n\n", len(p.Clauses), p.Len())

	pathWidth := 0
	for c := range p.All() {
		pathWidth = max(pathWidth, utf8.RuneCountInString(c.Path()))
	}
	// Each clause: its path, its words wrapped beside it, then its facts
	// on the lines below, indented under the words.
	indent := strings.Repeat(" ", pathWidth+2)
	textWidth := max(20, width-pathWidth-2)
	for c := range p.All() {
		text := c.Text
		if c.Heading != "" {
			text = strings.TrimSpace(c.Heading + ": " + c.Text)
		}
		lead := pad(c.Path(), pathWidth) + "  "
		for _, l := range joinParts(strings.Fields(text), " ", textWidth) {
			out.WriteString(strings.TrimRight(lead+l, " ") + "\n")
			lead = indent
		}
		facts := factParts(lex.Annotate(c))
		mark := "↳ "
		for _, l := range joinParts(facts, " · ", textWidth-2) {
			out.WriteString(indent + mark + l + "\n")
			mark = "  "
		}
	}
	return nil
}

// showJSON writes the plan's clauses with their facts as JSON.
func showJSON(out *bytes.Buffer, p *peace.Plan, lex *peace.Lexicon) error {
	type clause struct {
		Path  string      `json:"path"`
		Text  string      `json:"text"`
		Facts peace.Facts `json:"facts"`
	}
	doc := struct {
		ID      string   `json:"id,omitempty"`
		Title   string   `json:"title,omitempty"`
		Date    string   `json:"date,omitempty"`
		Clauses []clause `json:"clauses"`
	}{ID: p.ID, Title: p.Title, Date: p.Date, Clauses: []clause{}}
	for c := range p.All() {
		doc.Clauses = append(doc.Clauses, clause{Path: c.Path(), Text: c.Text, Facts: lex.Annotate(c)})
	}
	enc := json.NewEncoder(out)
	enc.SetIndent("", "  ")
	return enc.Encode(doc)
}

// factParts phrases the facts of a clause for the outline: modality first,
// then numbers, deadlines, conditions, parties, places and topics.
func factParts(f peace.Facts) []string {
	var parts []string
	if f.Modality != "" {
		m := f.Modality
		if f.Negated {
			m += " not"
		}
		parts = append(parts, m)
	} else if f.Negated {
		parts = append(parts, "not")
	}
	for _, q := range f.Quantities {
		parts = append(parts, readableQuantity(q))
	}
	parts = append(parts, f.Deadlines...)
	parts = append(parts, f.Conditions...)
	parts = append(parts, f.Parties...)
	parts = append(parts, f.Places...)
	for _, t := range f.Topics {
		parts = append(parts, "#"+t)
	}
	return parts
}

// readableQuantity writes a quantity with thousands separators:
// "600,000 personnel".
func readableQuantity(q peace.Quantity) string {
	s := q.String()
	num, unit, ok := strings.Cut(s, " ")
	if !ok || strings.ContainsAny(num, ".:-e") || len(num) <= 4 {
		return s
	}
	if _, err := strconv.ParseUint(num, 10, 64); err != nil {
		return s
	}
	var b strings.Builder
	for i, r := range num {
		if i > 0 && (len(num)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String() + " " + unit
}

// joinParts joins parts with sep into lines of about width columns,
// breaking only between parts; a broken line ends with the separator.
func joinParts(parts []string, sep string, width int) []string {
	var lines []string
	cur := ""
	end := strings.TrimRight(sep, " ")
	for _, p := range parts {
		if cur != "" && utf8.RuneCountInString(cur+sep+p+end) > width {
			lines = append(lines, cur+end)
			cur = ""
		}
		if cur == "" {
			cur = p
		} else {
			cur += sep + p
		}
	}
	if cur != "" {
		lines = append(lines, cur)
	}
	return lines
}

// pad right-pads s with spaces to width columns.
func pad(s string, width int) string {
	if n := utf8.RuneCountInString(s); n < width {
		return s + strings.Repeat(" ", width-n)
	}
	return s
}

// shorten cuts s to at most width columns at a word boundary, marking the
// cut with an ellipsis. Control characters become U+FFFD, so that a
// plan's text cannot send commands to the terminal.
func shorten(s string, width int) string {
	s = strings.Map(func(r rune) rune {
		if unicode.IsControl(r) && !unicode.IsSpace(r) {
			return utf8.RuneError
		}
		return r
	}, s)
	s = strings.Join(strings.Fields(s), " ")
	if utf8.RuneCountInString(s) <= width {
		return s
	}
	if width < 2 {
		return "…"
	}
	r := []rune(s)[:width-1]
	cut := string(r)
	if i := strings.LastIndexByte(cut, ' '); i > len(cut)/2 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
