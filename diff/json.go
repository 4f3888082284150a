package diff

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The JSON of a Result or a Lineage is written by hand rather than with
// encoding/json: the browser viewer links this package, and encoding/json,
// with the reflection it keeps alive, made up about 180 KB of the viewer's
// gzipped download. The bytes are the ones encoding/json gives for the same
// value (json.Marshal for AppendJSON, an Encoder with SetIndent("", "  ")
// for WriteJSON); the tests compare the two on many results. The types
// keep their json tags, so encoding/json still reads and writes them
// natively. The encoder's small writers are marked go:noinline: inlined
// into every member of every type, they made the encoder four times larger
// in the WebAssembly build (14 KB gzipped) for 20-30% more speed; it is
// still five times faster than encoding/json at indenting (BenchmarkWriteJSON).

// WriteJSON writes r as the JSON document described in the package
// overview, indented by two spaces and ending in a newline. The same Result
// gives the same bytes. A Similarity that is NaN or infinite has no JSON
// form and is an error.
func (r *Result) WriteJSON(w io.Writer) error {
	e := jsonEncoder{indent: true}
	e.b = make([]byte, 0, r.jsonSize(true))
	e.result(r)
	return e.writeTo(w)
}

// AppendJSON appends r's compact JSON to b and returns the extended slice:
// the bytes json.Marshal gives for r, without indentation or a final
// newline. A Similarity that is NaN or infinite has no JSON form and is an
// error, with b returned unchanged.
func (r *Result) AppendJSON(b []byte) ([]byte, error) {
	if n := r.jsonSize(false); cap(b)-len(b) < n {
		// Not slices.Grow: under the race detector it allocates twice.
		b = append(make([]byte, 0, len(b)+n), b...)
	}
	e := jsonEncoder{b: b}
	e.result(r)
	return e.done(len(b))
}

// WriteJSON writes l as the JSON document described at [Lineage], indented
// by two spaces and ending in a newline.
func (l *Lineage) WriteJSON(w io.Writer) error {
	e := jsonEncoder{indent: true}
	e.lineage(l)
	return e.writeTo(w)
}

// AppendJSON appends l's compact JSON to b and returns the extended slice:
// the bytes json.Marshal gives for l, without indentation or a final
// newline. A Lineage holds no floats, so the error is always nil; it keeps
// the signature of [Result.AppendJSON].
func (l *Lineage) AppendJSON(b []byte) ([]byte, error) {
	e := jsonEncoder{b: b}
	e.lineage(l)
	return e.done(len(b))
}

// AppendJSON appends p's compact JSON to b and returns the extended slice:
// the bytes json.Marshal gives for p. It lets a program that embeds plan
// descriptions in a JSON document of its own write them the same way.
func (p PlanInfo) AppendJSON(b []byte) []byte {
	e := jsonEncoder{b: b}
	e.planInfo(&p)
	return e.b
}

// AppendJSONString appends s to b as a JSON string, escaped as the JSON of
// a Result escapes its strings (and encoding/json by default): quote,
// backslash and control characters, the HTML characters < > &, U+2028 and
// U+2029, and invalid UTF-8 as U+FFFD. It serves programs that write JSON
// of their own around a Result, such as the browser viewer.
func AppendJSONString(b []byte, s string) []byte {
	e := jsonEncoder{b: b}
	e.string(s)
	return e.b
}

// jsonSize estimates the length of r's JSON, a little over rather than
// under, so that the encoder allocates its buffer once.
func (r *Result) jsonSize(indent bool) int {
	if r == nil {
		return 4
	}
	text, lines := 0, 30 // the plan descriptions and the summary
	for i := range r.Matches {
		m := &r.Matches[i]
		lines += 10 + len(m.Old) + len(m.New) + len(m.Topics) + 4*len(m.Edits) + 4*len(m.Changes)
		for _, ss := range [...][]string{m.Old, m.New, m.Topics} {
			for _, s := range ss {
				text += len(s)
			}
		}
		for _, x := range m.Edits {
			text += len(x.Text) + len(x.Text)/16
		}
		for _, c := range m.Changes {
			text += len(c.Before) + len(c.After)
		}
	}
	for _, t := range r.Topics {
		text += len(t.ID) + len(t.Label)
		lines += 4
	}
	perLine := 10 // a member name or punctuation, on average
	if indent {
		perLine += 11 // the newline and the indentation
	}
	return 2*(len(r.Old.Title)+len(r.New.Title)) + text + lines*perLine
}

// errNotFinite is the error for a float that JSON cannot hold.
var errNotFinite = errors.New("NaN or infinite similarity has no JSON form")

// A jsonEncoder appends JSON to b, compact or indented by two spaces the
// way encoding/json's Indent lays it out: one member or element a line, and
// empty arrays as [] on one line.
type jsonEncoder struct {
	b      []byte
	indent bool
	depth  int   // open objects and arrays
	empty  bool  // nothing yet in the innermost open object or array
	err    error // the first value that could not be encoded
}

// writeTo ends the indented document with a newline and writes it to w.
func (e *jsonEncoder) writeTo(w io.Writer) error {
	if e.err != nil {
		return fmt.Errorf("diff: encoding JSON: %w", e.err)
	}
	e.b = append(e.b, '\n')
	if _, err := w.Write(e.b); err != nil {
		return fmt.Errorf("diff: writing JSON: %w", err)
	}
	return nil
}

// done returns the appended bytes, or, after a failure, the caller's slice
// as it was (its first n bytes) and the error.
func (e *jsonEncoder) done(n int) ([]byte, error) {
	if e.err != nil {
		return e.b[:n], fmt.Errorf("diff: encoding JSON: %w", e.err)
	}
	return e.b, nil
}

// open starts an object or an array with the bracket c.
//
//go:noinline
func (e *jsonEncoder) open(c byte) {
	e.b = append(e.b, c)
	e.depth++
	e.empty = true
}

// close ends the innermost object or array with the bracket c, on a line
// of its own unless it was empty.
//
//go:noinline
func (e *jsonEncoder) close(c byte) {
	e.depth--
	if !e.empty {
		e.newline()
	}
	e.b = append(e.b, c)
	e.empty = false
}

// next separates an element or a member from the one before it.
//
//go:noinline
func (e *jsonEncoder) next() {
	if !e.empty {
		e.b = append(e.b, ',')
	}
	e.empty = false
	e.newline()
}

//go:noinline
func (e *jsonEncoder) newline() {
	if !e.indent {
		return
	}
	e.b = append(e.b, '\n')
	for range e.depth {
		e.b = append(e.b, "  "...)
	}
}

// key starts the member name of an object; name needs no escaping.
//
//go:noinline
func (e *jsonEncoder) key(name string) {
	e.next()
	e.b = append(e.b, '"')
	e.b = append(e.b, name...)
	e.b = append(e.b, '"', ':')
	if e.indent {
		e.b = append(e.b, ' ')
	}
}

//go:noinline
func (e *jsonEncoder) null() { e.b = append(e.b, "null"...) }

//go:noinline
func (e *jsonEncoder) int(n int) { e.b = strconv.AppendInt(e.b, int64(n), 10) }

//go:noinline
func (e *jsonEncoder) bool(v bool) { e.b = strconv.AppendBool(e.b, v) }

// float writes f as encoding/json does: the shortest decimal that reads
// back as f, with an exponent only below 1e-6 or from 1e21 on, and no
// leading zero in a negative exponent ("1e-7", not "1e-07").
func (e *jsonEncoder) float(f float64) {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		if e.err == nil {
			e.err = errNotFinite
		}
		e.null()
		return
	}
	format := byte('f')
	if a := math.Abs(f); a != 0 && (a < 1e-6 || a >= 1e21) {
		format = 'e'
	}
	e.b = strconv.AppendFloat(e.b, f, format, -1, 64)
	if format == 'e' {
		n := len(e.b)
		if n >= 4 && string(e.b[n-4:n-1]) == "e-0" {
			e.b[n-2] = e.b[n-1]
			e.b = e.b[:n-1]
		}
	}
}

const hexDigits = "0123456789abcdef"

// jsonPlain tells which ASCII bytes a JSON string holds as they are.
var jsonPlain = func() (t [utf8.RuneSelf]bool) {
	for c := ' '; c < utf8.RuneSelf; c++ {
		t[c] = !strings.ContainsRune(`"\<>&`, c)
	}
	return t
}()

// string writes s quoted, escaped as encoding/json escapes by default:
// quote and backslash, control characters (\b \f \n \r \t by name, the
// rest as \u00XX), the HTML characters < > &, the separators U+2028 and
// U+2029, and each byte of invalid UTF-8 as \ufffd.
func (e *jsonEncoder) string(s string) {
	b := append(e.b, '"')
	start := 0 // s[start:i] is still to copy
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if jsonPlain[c] {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '"', '\\':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hexDigits[c>>4], hexDigits[c&0xf])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		case r == '\u2028' || r == '\u2029':
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hexDigits[r&0xf])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	e.b = append(b, '"')
}

// openArray starts an array, or writes null for a nil slice as
// encoding/json does and reports that there is nothing to fill in.
//
//go:noinline
func (e *jsonEncoder) openArray(isNil bool) bool {
	if isNil {
		e.null()
		return false
	}
	e.open('[')
	return true
}

func (e *jsonEncoder) strings(xs []string) {
	if e.openArray(xs == nil) {
		for _, s := range xs {
			e.next()
			e.string(s)
		}
		e.close(']')
	}
}

func (e *jsonEncoder) ints(xs []int) {
	if e.openArray(xs == nil) {
		for _, n := range xs {
			e.next()
			e.int(n)
		}
		e.close(']')
	}
}

// The methods below write one type each, members in field order, leaving
// out what the json tags mark omitempty when it is empty.

func (e *jsonEncoder) result(r *Result) {
	if r == nil {
		e.null()
		return
	}
	e.open('{')
	e.key("old")
	e.planInfo(&r.Old)
	e.key("new")
	e.planInfo(&r.New)
	e.key("matches")
	if e.openArray(r.Matches == nil) {
		for i := range r.Matches {
			e.next()
			e.match(&r.Matches[i])
		}
		e.close(']')
	}
	e.key("summary")
	e.summary(&r.Summary)
	if len(r.Topics) > 0 {
		e.key("topics")
		e.open('[')
		for _, t := range r.Topics {
			e.next()
			e.open('{')
			e.key("id")
			e.string(t.ID)
			e.key("label")
			e.string(t.Label)
			e.close('}')
		}
		e.close(']')
	}
	e.close('}')
}

func (e *jsonEncoder) planInfo(p *PlanInfo) {
	e.open('{')
	e.key("id")
	e.string(p.ID)
	e.key("title")
	e.string(p.Title)
	if p.Date != "" {
		e.key("date")
		e.string(p.Date)
	}
	e.key("clauses")
	e.int(p.Clauses)
	e.close('}')
}

func (e *jsonEncoder) match(m *Match) {
	e.open('{')
	e.key("kind")
	e.string(string(m.Kind))
	e.key("old")
	e.strings(m.Old)
	e.key("new")
	e.strings(m.New)
	e.key("similarity")
	e.float(m.Similarity)
	e.key("moved")
	e.bool(m.Moved)
	e.key("renumbered")
	e.bool(m.Renumbered)
	if len(m.Topics) > 0 {
		e.key("topics")
		e.strings(m.Topics)
	}
	if len(m.Edits) > 0 {
		e.key("edits")
		if e.openArray(m.Edits == nil) {
			for i := range m.Edits {
				e.next()
				e.edit(&m.Edits[i])
			}
			e.close(']')
		}
	}
	if len(m.Changes) > 0 {
		e.key("changes")
		if e.openArray(m.Changes == nil) {
			for i := range m.Changes {
				e.next()
				e.change(&m.Changes[i])
			}
			e.close(']')
		}
	}
	e.close('}')
}

func (e *jsonEncoder) edit(x *Edit) {
	e.open('{')
	e.key("op")
	e.string(string(x.Op))
	e.key("text")
	e.string(x.Text)
	e.close('}')
}

func (e *jsonEncoder) change(c *Change) {
	e.open('{')
	e.key("kind")
	e.string(string(c.Kind))
	if c.Before != "" {
		e.key("before")
		e.string(c.Before)
	}
	if c.After != "" {
		e.key("after")
		e.string(c.After)
	}
	e.close('}')
}

func (e *jsonEncoder) summary(s *Summary) {
	e.open('{')
	for _, f := range [...]struct {
		name string
		n    int
	}{
		{"unchanged", s.Unchanged},
		{"reworded", s.Reworded},
		{"amended", s.Amended},
		{"split", s.Split},
		{"merged", s.Merged},
		{"added", s.Added},
		{"removed", s.Removed},
		{"moved", s.Moved},
	} {
		e.key(f.name)
		e.int(f.n)
	}
	e.close('}')
}

func (e *jsonEncoder) lineage(l *Lineage) {
	if l == nil {
		e.null()
		return
	}
	e.open('{')
	e.key("versions")
	if e.openArray(l.Versions == nil) {
		for i := range l.Versions {
			e.next()
			e.planInfo(&l.Versions[i])
		}
		e.close(']')
	}
	e.key("comparisons")
	if e.openArray(l.Comparisons == nil) {
		for i := range l.Comparisons {
			e.next()
			e.comparison(&l.Comparisons[i])
		}
		e.close(']')
	}
	e.key("threads")
	if e.openArray(l.Threads == nil) {
		for i := range l.Threads {
			e.next()
			e.thread(&l.Threads[i])
		}
		e.close(']')
	}
	e.key("topics")
	if e.openArray(l.Topics == nil) {
		for i := range l.Topics {
			e.next()
			e.topicHistory(&l.Topics[i])
		}
		e.close(']')
	}
	e.close('}')
}

func (e *jsonEncoder) comparison(c *Comparison) {
	e.open('{')
	e.key("from")
	e.int(c.From)
	e.key("to")
	e.int(c.To)
	e.key("summary")
	e.summary(&c.Summary)
	e.close('}')
}

func (e *jsonEncoder) thread(t *Thread) {
	e.open('{')
	e.key("topics")
	e.strings(t.Topics)
	e.key("steps")
	if e.openArray(t.Steps == nil) {
		for i := range t.Steps {
			e.next()
			e.step(&t.Steps[i])
		}
		e.close(']')
	}
	e.close('}')
}

func (e *jsonEncoder) step(s *Step) {
	e.open('{')
	e.key("version")
	e.int(s.Version)
	e.key("paths")
	e.strings(s.Paths)
	if s.Kind != "" {
		e.key("kind")
		e.string(string(s.Kind))
	}
	if s.Moved {
		e.key("moved")
		e.bool(true)
	}
	if s.Renumbered {
		e.key("renumbered")
		e.bool(true)
	}
	if len(s.Changes) > 0 {
		e.key("changes")
		if e.openArray(s.Changes == nil) {
			for i := range s.Changes {
				e.next()
				e.change(&s.Changes[i])
			}
			e.close(']')
		}
	}
	e.close('}')
}

func (e *jsonEncoder) topicHistory(t *TopicHistory) {
	e.open('{')
	e.key("topic")
	e.string(t.Topic)
	e.key("label")
	e.string(t.Label)
	e.key("versions")
	e.ints(t.Versions)
	e.key("changes")
	if e.openArray(t.Changes == nil) {
		for i := range t.Changes {
			e.next()
			e.topicChange(&t.Changes[i])
		}
		e.close(']')
	}
	e.close('}')
}

func (e *jsonEncoder) topicChange(c *TopicChange) {
	e.open('{')
	e.key("from")
	e.int(c.From)
	e.key("to")
	e.int(c.To)
	e.key("old")
	e.strings(c.Old)
	e.key("new")
	e.strings(c.New)
	e.key("kind")
	e.string(string(c.Kind))
	if c.Before != "" {
		e.key("before")
		e.string(c.Before)
	}
	if c.After != "" {
		e.key("after")
		e.string(c.After)
	}
	e.close('}')
}
