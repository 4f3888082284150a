package peace

import (
	"errors"
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// This file reads plans and lexicons from JSON without encoding/json, whose
// reflection would cost the wasm viewer about 180 KB gzipped.
//
// The reader is a cursor over the document: each method reads one value at
// the cursor straight into a Go value, so no tree is built. It accepts
// exactly RFC 8259 JSON: no comments, trailing commas, single quotes,
// leading zeros, control characters in strings or invalid escapes, and
// only white space after the one value. Values map onto the structs as
// encoding/json maps them, with two differences: keys match the JSON tags
// exactly, never ignoring case (as in encoding/json v2), and the lexicon
// rejects unknown keys while plans ignore them. As in encoding/json, null
// leaves a string, number or struct as it was and sets a slice or pointer
// to nil; an invalid UTF-8 byte or a lone surrogate escape in a string
// becomes U+FFFD; and with duplicate keys the last wins, decoded into what
// the earlier ones left (elements of a slice are decoded into, not replaced).

// maxJSONDepth is the deepest nesting of arrays and objects the reader
// follows, as in encoding/json: a clause of depth d sits at about 2d+2.
const maxJSONDepth = 10000

// A jsonError is a problem at a byte offset of the document.
type jsonError struct {
	off int
	msg string // with the path of the value in front, as in "clauses[0].label: want a string, got a number"
}

func (e *jsonError) Error() string { return e.msg }

// A jsonReader reads one JSON document.
type jsonReader struct {
	src    string // the document; strings without escapes are substrings of it
	pos    int    // the cursor: the byte offset of the next byte to read
	depth  int    // arrays and objects open at pos
	keyOff int    // offset of the last object key read, for unknown-key errors
	path   []pathElem
}

// A pathElem is one step of the path to the value under the cursor: an
// object key, or an array index when key is "" and index >= 0.
type pathElem struct {
	key   string
	index int
}

// readJSON reads the single JSON value of data with read, which calls the
// reader's methods, and checks that only white space follows it.
func readJSON(data []byte, read func(r *jsonReader) error) *jsonError {
	r := jsonReader{src: string(data)}
	if err := read(&r); err != nil {
		var je *jsonError
		if errors.As(err, &je) {
			return je
		}
		return r.fail(err.Error()) // the reader's methods return only *jsonError
	}
	if r.next(); r.pos < len(r.src) {
		return r.fail("data after the JSON value")
	}
	return nil
}

// next skips white space and returns the byte at the cursor, or 0 at the
// end of the input.
func (r *jsonReader) next() byte {
	for ; r.pos < len(r.src); r.pos++ {
		switch c := r.src[r.pos]; c {
		case ' ', '\t', '\n', '\r':
		default:
			return c
		}
	}
	return 0
}

// failAt returns an error at byte offset off, naming the first n elements
// of the path.
func (r *jsonReader) failAt(off, n int, msg string) *jsonError {
	var b strings.Builder
	for i, e := range r.path[:n] {
		switch {
		case e.key == "" && e.index >= 0:
			fmt.Fprintf(&b, "[%d]", e.index)
		case plainKey(e.key):
			if i > 0 {
				b.WriteByte('.')
			}
			b.WriteString(e.key)
		default:
			fmt.Fprintf(&b, "[%q]", e.key)
		}
	}
	if b.Len() > 0 {
		b.WriteString(": ")
	}
	b.WriteString(msg)
	return &jsonError{off: off, msg: b.String()}
}

// plainKey reports whether key can be written after a dot in a path.
func plainKey(key string) bool {
	for _, c := range []byte(key) {
		if !('a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' || '0' <= c && c <= '9' || c == '_' || c == '-') {
			return false
		}
	}
	return key != ""
}

// fail returns an error at the cursor.
func (r *jsonReader) fail(msg string) *jsonError { return r.failAt(r.pos, len(r.path), msg) }

// want returns a syntax error at the cursor: "want ..., got 'x'".
func (r *jsonReader) want(what string) error {
	return r.fail("want " + what + ", got " + r.describe())
}

// describe names the byte at the cursor for an error message.
func (r *jsonReader) describe() string {
	if r.pos >= len(r.src) {
		return "the end of the input"
	}
	c := r.src[r.pos]
	if 0x20 < c && c < 0x7f {
		return "'" + string(c) + "'"
	}
	ru, n := utf8.DecodeRuneInString(r.src[r.pos:])
	if ru == utf8.RuneError && n <= 1 {
		return fmt.Sprintf("the byte %#02x", c)
	}
	return fmt.Sprintf("%U", ru)
}

// wrongType returns the error for a value of the wrong type at the cursor:
// a syntax error if the value is not valid JSON, else "want ..., got ...".
func (r *jsonReader) wrongType(what string) error {
	start := r.pos
	if start >= len(r.src) {
		return r.want(what)
	}
	var got string
	switch c := r.src[start]; {
	case c == '{':
		got = "an object"
	case c == '[':
		got = "an array"
	case c == '"':
		got = "a string"
	case c == 't' || c == 'f':
		got = "a boolean"
	case c == 'n':
		got = "null"
	default:
		got = "a number"
	}
	if err := r.skip(); err != nil {
		return err
	}
	return r.failAt(start, len(r.path), "want "+what+", got "+got)
}

// unknown returns the error for the key just read, which the caller does
// not know.
func (r *jsonReader) unknown(key string) error {
	return r.failAt(r.keyOff, len(r.path)-1, fmt.Sprintf("unknown key %q", key))
}

// literal reads the literal word (true, false or null) at the cursor.
func (r *jsonReader) literal(word string) error {
	if !strings.HasPrefix(r.src[r.pos:], word) {
		end := r.pos + 1
		for end < len(r.src) && end-r.pos < 10 && 'a' <= r.src[end] && r.src[end] <= 'z' {
			end++
		}
		return r.fail(fmt.Sprintf("invalid literal %q, want %s", r.src[r.pos:end], word))
	}
	r.pos += len(word)
	return nil
}

// open enters the array or object whose bracket is at the cursor.
func (r *jsonReader) open() error {
	if r.depth++; r.depth > maxJSONDepth {
		return r.fail(fmt.Sprintf("arrays and objects nested deeper than %d levels", maxJSONDepth))
	}
	r.pos++
	return nil
}

// object reads an object, calling member with each key once the cursor is
// at the key's value; member must read the value. A null reads as an
// object with no members.
func (r *jsonReader) object(member func(key string) error) error {
	switch r.next() {
	case '{':
	case 'n':
		return r.literal("null")
	default:
		return r.wrongType("an object")
	}
	if err := r.open(); err != nil {
		return err
	}
	if r.next() == '}' {
		r.pos++
		r.depth--
		return nil
	}
	for {
		if r.next() != '"' {
			return r.want("a string key")
		}
		r.keyOff = r.pos
		key, err := r.str()
		if err != nil {
			return err
		}
		if r.next() != ':' {
			return r.want(fmt.Sprintf("':' after the key %q", key))
		}
		r.pos++
		r.path = append(r.path, pathElem{key: key, index: -1})
		if err := member(key); err != nil {
			return err
		}
		r.path = r.path[:len(r.path)-1]
		switch r.next() {
		case ',':
			r.pos++
			if r.next() == '}' {
				return r.fail("trailing comma before '}'")
			}
		case '}':
			r.pos++
			r.depth--
			return nil
		default:
			return r.want(fmt.Sprintf("',' or '}' after the value of %q", key))
		}
	}
}

// array reads an array, calling elem with each index once the cursor is at
// the element; elem must read the element. It returns the number of
// elements. The caller checks for '[' first.
func (r *jsonReader) array(elem func(i int) error) (int, error) {
	if err := r.open(); err != nil {
		return 0, err
	}
	if r.next() == ']' {
		r.pos++
		r.depth--
		return 0, nil
	}
	for i := 0; ; i++ {
		r.path = append(r.path, pathElem{index: i})
		if err := elem(i); err != nil {
			return i, err
		}
		r.path = r.path[:len(r.path)-1]
		switch r.next() {
		case ',':
			r.pos++
			if r.next() == ']' {
				return i, r.fail("trailing comma before ']'")
			}
		case ']':
			r.pos++
			r.depth--
			return i + 1, nil
		default:
			return i, r.want("',' or ']' after an array element")
		}
	}
}

// skip reads any value and drops it.
func (r *jsonReader) skip() error {
	switch c := r.next(); {
	case c == '{':
		return r.object(func(string) error { return r.skip() })
	case c == '[':
		_, err := r.array(func(int) error { return r.skip() })
		return err
	case c == '"':
		_, err := r.str()
		return err
	case c == '-' || '0' <= c && c <= '9':
		_, err := r.number()
		return err
	case c == 't':
		return r.literal("true")
	case c == 'f':
		return r.literal("false")
	case c == 'n':
		return r.literal("null")
	}
	return r.want("a value")
}

// number reads a number and returns it as written.
func (r *jsonReader) number() (string, error) {
	start := r.pos
	digits := func() int {
		n := 0
		for r.pos < len(r.src) && '0' <= r.src[r.pos] && r.src[r.pos] <= '9' {
			r.pos++
			n++
		}
		return n
	}
	if r.src[r.pos] == '-' {
		r.pos++
	}
	switch n := digits(); {
	case n == 0:
		return "", r.want("a digit")
	case n > 1 && r.src[r.pos-n] == '0':
		return "", r.failAt(r.pos-n, len(r.path), "number with a leading zero")
	}
	if r.pos < len(r.src) && r.src[r.pos] == '.' {
		r.pos++
		if digits() == 0 {
			return "", r.want("a digit after the decimal point")
		}
	}
	if r.pos < len(r.src) && (r.src[r.pos] == 'e' || r.src[r.pos] == 'E') {
		r.pos++
		if r.pos < len(r.src) && (r.src[r.pos] == '+' || r.src[r.pos] == '-') {
			r.pos++
		}
		if digits() == 0 {
			return "", r.want("a digit in the exponent")
		}
	}
	return r.src[start:r.pos], nil
}

// str reads a string at the cursor. A string without escapes or invalid
// UTF-8 is a substring of the document, without a copy.
func (r *jsonReader) str() (string, error) {
	start := r.pos
	r.pos++ // the opening quote
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch {
		case c == '"':
			r.pos++
			return r.src[start+1 : r.pos-1], nil
		case c == '\\':
			return r.strSlow(start)
		case c < 0x20:
			return "", r.fail(fmt.Sprintf("control character %U in a string", rune(c)))
		case c < utf8.RuneSelf:
			r.pos++
		default:
			ru, n := utf8.DecodeRuneInString(r.src[r.pos:])
			if ru == utf8.RuneError && n == 1 {
				return r.strSlow(start)
			}
			r.pos += n
		}
	}
	return "", r.failAt(start, len(r.path), "string without its closing quote")
}

// strSlow reads the string that starts at start, building it byte by byte:
// it has escapes or invalid UTF-8. The cursor is anywhere inside it.
func (r *jsonReader) strSlow(start int) (string, error) {
	r.pos = start + 1
	var b strings.Builder
	for r.pos < len(r.src) {
		c := r.src[r.pos]
		switch {
		case c == '"':
			r.pos++
			return b.String(), nil
		case c == '\\':
			ru, err := r.escape()
			if err != nil {
				return "", err
			}
			b.WriteRune(ru)
		case c < 0x20:
			return "", r.fail(fmt.Sprintf("control character %U in a string", rune(c)))
		case c < utf8.RuneSelf:
			b.WriteByte(c)
			r.pos++
		default:
			ru, n := utf8.DecodeRuneInString(r.src[r.pos:])
			b.WriteRune(ru) // U+FFFD for an invalid byte, as encoding/json
			r.pos += n
		}
	}
	return "", r.failAt(start, len(r.path), "string without its closing quote")
}

// escape reads the escape sequence at the cursor and returns its rune. A
// \u escape of a lone surrogate gives U+FFFD, as in encoding/json.
func (r *jsonReader) escape() (rune, error) {
	if r.pos+1 >= len(r.src) {
		r.pos++
		return 0, r.want("an escape character after '\\'")
	}
	c := r.src[r.pos+1]
	if c != 'u' {
		r.pos += 2
		switch c {
		case '"', '\\', '/':
			return rune(c), nil
		case 'b':
			return '\b', nil
		case 'f':
			return '\f', nil
		case 'n':
			return '\n', nil
		case 'r':
			return '\r', nil
		case 't':
			return '\t', nil
		}
		r.pos -= 2
		return 0, r.fail(fmt.Sprintf("invalid escape %q in a string", r.src[r.pos:r.pos+2]))
	}
	ru, ok := hex4(r.src[r.pos+2:])
	if !ok {
		return 0, r.fail("invalid \\u escape in a string: want four hex digits")
	}
	r.pos += 6
	if ru < 0xd800 || ru >= 0xe000 {
		return ru, nil
	}
	if ru < 0xdc00 && strings.HasPrefix(r.src[r.pos:], `\u`) {
		if lo, ok := hex4(r.src[r.pos+2:]); ok && 0xdc00 <= lo && lo < 0xe000 {
			r.pos += 6
			return 0x10000 + (ru-0xd800)<<10 + (lo - 0xdc00), nil
		}
	}
	return utf8.RuneError, nil
}

// hex4 reads the four hex digits at the start of s.
func hex4(s string) (rune, bool) {
	if len(s) < 4 {
		return 0, false
	}
	var ru rune
	for _, c := range []byte(s[:4]) {
		switch {
		case '0' <= c && c <= '9':
			c -= '0'
		case 'a' <= c && c <= 'f':
			c -= 'a' - 10
		case 'A' <= c && c <= 'F':
			c -= 'A' - 10
		default:
			return 0, false
		}
		ru = ru<<4 | rune(c)
	}
	return ru, true
}

// text reads a string into *dst; null leaves *dst as it is.
func (r *jsonReader) text(dst *string) error {
	switch r.next() {
	case '"':
		s, err := r.str()
		*dst = s
		return err
	case 'n':
		return r.literal("null")
	}
	return r.wrongType("a string")
}

// float reads a number into *dst; null leaves *dst as it is.
func (r *jsonReader) float(dst *float64) error {
	switch c := r.next(); {
	case c == '-' || '0' <= c && c <= '9':
		start := r.pos
		lit, err := r.number()
		if err != nil {
			return err
		}
		f, err := strconv.ParseFloat(lit, 64)
		if err != nil {
			return r.failAt(start, len(r.path), fmt.Sprintf("number %s is out of range", lit))
		}
		*dst = f
		return nil
	case c == 'n':
		return r.literal("null")
	}
	return r.wrongType("a number")
}

// list reads an array into *s, reading each element with elem. As in
// encoding/json, the elements *s already has are decoded into, not
// replaced; [] gives an empty slice and null a nil one.
func list[T any](r *jsonReader, s *[]T, elem func(r *jsonReader, dst *T) error) error {
	switch r.next() {
	case '[':
	case 'n':
		*s = nil
		return r.literal("null")
	default:
		return r.wrongType("an array")
	}
	v := *s
	n, err := r.array(func(i int) error {
		if i == len(v) {
			if i < cap(v) {
				v = v[:i+1]
			} else {
				var zero T
				v = append(v, zero)
			}
		}
		return elem(r, &v[i])
	})
	if err != nil {
		return err
	}
	if n == 0 {
		v = []T{}
	}
	*s = v[:n]
	return nil
}

// Plans.

// decodePlan reads a plan. It neither links the plan nor checks it.
func decodePlan(data []byte) (*Plan, *jsonError) {
	p := new(Plan)
	if err := readJSON(data, func(r *jsonReader) error { return r.plan(p) }); err != nil {
		return nil, err
	}
	return p, nil
}

// hasNull reports whether any clause in the tree is nil.
func hasNull(cs []*Clause) bool {
	for _, c := range cs {
		if c == nil || hasNull(c.Children) {
			return true
		}
	}
	return false
}

func (r *jsonReader) plan(p *Plan) error {
	return r.object(func(key string) error {
		switch key {
		case "id":
			return r.text(&p.ID)
		case "title":
			return r.text(&p.Title)
		case "date":
			return r.text(&p.Date)
		case "authors":
			return list(r, &p.Authors, (*jsonReader).text)
		case "source":
			return r.text(&p.Source)
		case "meta":
			return list(r, &p.Meta, (*jsonReader).field)
		case "clauses":
			return list(r, &p.Clauses, (*jsonReader).clause)
		}
		return r.skip()
	})
}

func (r *jsonReader) field(f *Field) error {
	return r.object(func(key string) error {
		switch key {
		case "key":
			return r.text(&f.Key)
		case "value":
			return r.text(&f.Value)
		}
		return r.skip()
	})
}

// clause reads a clause into *c, allocating it if *c is nil; null sets *c
// to nil.
func (r *jsonReader) clause(c **Clause) error {
	if r.next() == 'n' {
		*c = nil
		return r.literal("null")
	}
	if *c == nil && r.next() == '{' {
		*c = new(Clause)
	}
	k := *c
	return r.object(func(key string) error {
		switch key {
		case "label":
			return r.text(&k.Label)
		case "heading":
			return r.text(&k.Heading)
		case "text":
			return r.text(&k.Text)
		case "children":
			return list(r, &k.Children, (*jsonReader).clause)
		}
		return r.skip()
	})
}

// Lexicons. Unknown keys are an error.

func (r *jsonReader) lexicon(l *Lexicon) error {
	return r.object(func(key string) error {
		switch key {
		case "parties":
			return list(r, &l.Parties, (*jsonReader).term)
		case "places":
			return list(r, &l.Places, (*jsonReader).term)
		case "topics":
			return list(r, &l.Topics, (*jsonReader).topic)
		case "units":
			return list(r, &l.Units, (*jsonReader).unit)
		case "modals":
			return list(r, &l.Modals, (*jsonReader).modal)
		case "deadlines":
			return list(r, &l.Deadlines, (*jsonReader).term)
		case "conditions":
			return list(r, &l.Conditions, (*jsonReader).text)
		case "condition_phrases":
			return list(r, &l.ConditionPhrases, (*jsonReader).text)
		case "negations":
			return list(r, &l.Negations, (*jsonReader).text)
		}
		return r.unknown(key)
	})
}

func (r *jsonReader) term(t *Term) error {
	return r.object(func(key string) error {
		switch key {
		case "name":
			return r.text(&t.Name)
		case "aliases":
			return list(r, &t.Aliases, (*jsonReader).text)
		case "exact":
			return list(r, &t.Exact, (*jsonReader).text)
		}
		return r.unknown(key)
	})
}

func (r *jsonReader) topic(t *TopicEntry) error {
	return r.object(func(key string) error {
		switch key {
		case "id":
			return r.text(&t.ID)
		case "label":
			return r.text(&t.Label)
		case "keywords":
			return list(r, &t.Keywords, (*jsonReader).text)
		case "exact":
			return list(r, &t.Exact, (*jsonReader).text)
		}
		return r.unknown(key)
	})
}

func (r *jsonReader) unit(u *UnitEntry) error {
	return r.object(func(key string) error {
		switch key {
		case "unit":
			return r.text(&u.Unit)
		case "words":
			return list(r, &u.Words, (*jsonReader).text)
		case "prefixes":
			return list(r, &u.Prefixes, (*jsonReader).text)
		case "factor":
			return r.float(&u.Factor)
		}
		return r.unknown(key)
	})
}

func (r *jsonReader) modal(m *ModalEntry) error {
	return r.object(func(key string) error {
		switch key {
		case "modal":
			return r.text(&m.Modal)
		case "phrases":
			return list(r, &m.Phrases, (*jsonReader).text)
		case "negated":
			return list(r, &m.Negated, (*jsonReader).text)
		}
		return r.unknown(key)
	})
}
