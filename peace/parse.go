package peace

import (
	"bytes"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Default limits of a [Parser] whose fields are zero.
const (
	DefaultMaxBytes   = 16 << 20  // 16 MiB of input
	DefaultMaxDepth   = 8         // levels of points: point, sub-point, sub-sub-point...
	DefaultMaxClauses = 1_000_000 // clauses at every level
)

// A Parser reads plans within limits. The zero value uses the defaults
// above; a negative or zero field means its default.
//
// Past a limit, Parse returns a [*ParseError]: for MaxBytes one that wraps
// [ErrTooLarge]; for MaxDepth and MaxClauses one at the line that crossed
// it. Parse reads at most MaxBytes+1 bytes from its reader, and its time and
// memory grow linearly with the input, however the input is shaped.
type Parser struct {
	MaxBytes   int64 // longest input in bytes
	MaxDepth   int   // deepest nesting of points; top-level points have depth 1
	MaxClauses int   // most clauses, counted at every level
}

// Parse reads a plan with the default limits of a zero [Parser]. See
// [Parser.Parse] for the formats it reads and what counts as an error.
func Parse(r io.Reader) (*Plan, error) {
	var p Parser
	return p.Parse(r)
}

// Parse reads a plan in the plain-text format that [Plan.Format] writes, in
// the variants people paste from web pages and Markdown, or as JSON.
//
// # JSON
//
// Input whose first non-space byte is '{' is a [Plan] as encoding/json
// writes it, read by the package's own strict RFC 8259 reader: comments,
// trailing commas, single quotes, leading zeros, control characters in
// strings and anything after the object are errors. Keys match the JSON
// tags exactly, not ignoring case as encoding/json does; unknown keys are
// ignored; null leaves a field empty; of duplicate keys the last wins; an
// invalid UTF-8 byte or a lone surrogate escape in a string becomes
// U+FFFD. Syntax and type errors become a [*ParseError] at the line and
// column of the offending byte. A JSON plan needs at least one clause, no
// null clauses and no two sibling clauses with one path, and must respect
// the limits; its text is taken as it is, not normalised.
//
// # Text
//
// The input is UTF-8, with or without a byte order mark, with LF or CRLF
// line ends. It has three parts, all but the points optional:
//
//   - A header: "key: value" lines up to the first blank line. The keys
//     title, id, date, author (one line per author) and source fill the
//     fields of the same name; any other key, and a repeated title, id,
//     date or source, goes to [Plan.Meta] in order. A key is lower case
//     letters, digits, '-' and '_' ("Title" and the other known keys are
//     also read in any case). The header counts only if the first non-blank
//     line looks like that; a line of it that is indented continues the
//     value above, and a "key:" with no value is ignored.
//   - A preamble: text before the first point, such as the introduction of
//     a news article, kept in Meta under the key "preamble" (paragraphs
//     joined with spaces). A first Markdown heading "# Title" sets the title
//     when the header has none; other headings before the first point join
//     the preamble.
//   - The points. A point line starts, after any indentation, with a label:
//     "1." "1)" "(1)" "1.º" "**1.**" "Point 1:" "Point 1 -" "Article 1"
//     "Article 1." (also Clause, Section, Item and Paragraph); "a)" "(a)"
//     "a." "A."; roman "i." "ii)" "(iv)" "IV."; or a bullet "-" "*" "+" "•"
//     "◦" "▪" "→" "–" "—", which has no label. A Markdown heading whose text
//     is a point line ("## 3. Territory") is a point too. Markdown
//     horizontal rules count as blank lines.
//
// Labels are stored as printed, without decoration ("10", "b", "iv");
// unlabelled points get their position among their siblings ("1", "2"...)
// from [Plan.Link], which Parse calls.
//
// A line that is not a point continues the point above it, joined with a
// single space. A paragraph after a blank line that is indented past the
// label of an open point continues the deepest such point, as a second
// paragraph of a Markdown list item does; one that is not indented
// continues the point above it if more points follow, and otherwise, after
// the last point, is a postscript (a "Source: ..." note, say), kept with
// what follows in Meta under the key "postscript". A Markdown heading after the first point ("## Economy")
// is kept in Meta under the key "section", with any text that follows it
// before the next point. Nothing of the input is dropped but blank lines,
// decoration and spacing: every run of white space becomes one space.
//
// # Nesting
//
// When a point is indented deeper than the point above it (by two columns
// or more; a tab counts four), it is that point's sub-point; when it is
// indented less, it closes the deeper points. At equal indentation the
// label style decides: a point whose style differs from the points above
// at that indentation (letters, roman numbers or bullets under a number)
// starts a level of sub-points, and a point whose style matches an open
// level goes back to it. So "1." "a)" "b)" "2." nests a) and b) under 1
// whether or not they are indented. Under a point that was itself indented,
// every point at the same indentation is a sibling, whatever its style.
// No point is shallower than the first one: a line indented less counts as
// indented as much. "i" opens roman sub-points unless it continues a
// sequence of letters ("i)" after "h)" is a letter); "v", "x" and "l" are
// roman numbers among roman numbers and letters otherwise.
//
// A line starting "Article 5:" or "Point 5." directly after a line of
// text is a point only if it continues the numbering of the top-level
// points (one or two past the last) and the document numbers its points
// that way or with plain numbers; otherwise it continues the text, as a
// wrapped reference. Likewise a line starting with a number of 1000 or
// more and a period ("2025. The parties ...") directly after a line of text
// continues that text, unless the number is one or two past the last
// numbered point.
//
// A list whose points are all numbered "1." (Markdown numbers such a list
// on display) gets the labels 1, 2, 3...: a second "1." right after a first
// one starts that numbering for its level.
//
// # Headings
//
// A point whose whole text ends with ':' ("Territories:") gets that text,
// without the colon, as its Heading and an empty Text. A point whose text
// starts with a capitalised phrase of at most three words followed by ": "
// ("Territory: Ukraine commits ...") gets the phrase as Heading and the rest
// as Text. Markdown emphasis around such a phrase ("**Territory:**") is
// removed. [Plan.Format] writes "Heading: Text", which reads back the same.
//
// # Errors
//
// The returned error is a [*ParseError] with the position of the problem
// for: an empty input ("empty input"); input with no points, such as a
// header alone ("no numbered points found", at the last line); invalid
// UTF-8 or control characters other than tab, CR, LF, VT and FF (binary
// data), at the first bad byte; two sibling points with the same label,
// which would give two clauses the same [Clause.Path] (labels compare
// without case), at the second; and the limits of the [Parser]. An error
// from the reader is returned wrapped, as is.
func (p *Parser) Parse(r io.Reader) (*Plan, error) {
	lim := p.limits()
	data, err := readAll(r, lim.MaxBytes+1)
	if err != nil {
		return nil, fmt.Errorf("peace: reading plan: %w", err)
	}
	if int64(len(data)) > lim.MaxBytes {
		return nil, &ParseError{
			Msg: fmt.Sprintf("input is larger than %d bytes", lim.MaxBytes),
			Err: ErrTooLarge,
		}
	}
	data = bytes.TrimPrefix(data, []byte("\ufeff"))
	if err := checkText(data); err != nil {
		return nil, err
	}
	if i := firstNonSpace(data); i < 0 {
		return nil, &ParseError{Line: 1, Msg: "empty input"}
	} else if data[i] == '{' {
		return parseJSON(data, lim)
	}
	tp := textParser{lim: lim, src: string(data), plan: &Plan{}}
	if err := tp.run(); err != nil {
		return nil, err
	}
	tp.plan.Link()
	return tp.plan, nil
}

// readAll reads up to limit bytes from r. Readers that know their length
// (bytes.Reader, strings.Reader, bytes.Buffer) are read into a buffer of
// that size at once.
func readAll(r io.Reader, limit int64) ([]byte, error) {
	lr := io.LimitReader(r, limit)
	sized, ok := r.(interface{ Len() int })
	if !ok {
		return io.ReadAll(lr)
	}
	buf := make([]byte, 0, min(int64(sized.Len()), limit)+1)
	for {
		n, err := lr.Read(buf[len(buf):cap(buf)])
		buf = buf[:len(buf)+n]
		if err == io.EOF {
			return buf, nil
		}
		if err != nil {
			return buf, err
		}
		if len(buf) == cap(buf) {
			buf = append(buf, 0)[:len(buf)] // grow
		}
	}
}

// limits returns p with its zero fields set to the defaults.
func (p *Parser) limits() Parser {
	var q Parser
	if p != nil {
		q = *p
	}
	if q.MaxBytes <= 0 {
		q.MaxBytes = DefaultMaxBytes
	}
	if q.MaxDepth <= 0 {
		q.MaxDepth = DefaultMaxDepth
	}
	if q.MaxClauses <= 0 {
		q.MaxClauses = DefaultMaxClauses
	}
	return q
}

func firstNonSpace(data []byte) int {
	for i, c := range data {
		switch c {
		case ' ', '\t', '\r', '\n', '\v', '\f':
		default:
			return i
		}
	}
	return -1
}

// checkText reports the first invalid UTF-8 sequence or control character.
func checkText(data []byte) error {
	if utf8.Valid(data) {
		i := 0
		for ; i+8 <= len(data); i += 8 {
			b := data[i : i+8]
			x := uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
				uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
			if hasControl(x) {
				if j := control(data[i : i+8]); j >= 0 {
					return controlError(data, i+j)
				}
			}
		}
		if j := control(data[i:]); j >= 0 {
			return controlError(data, i+j)
		}
		return nil
	}
	for i := 0; i < len(data); {
		r, n := utf8.DecodeRune(data[i:])
		if r == utf8.RuneError && n <= 1 {
			line, col := position(data, i)
			return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf("invalid UTF-8 byte %#02x", data[i])}
		}
		if r < 0x20 && control([]byte{byte(r)}) == 0 {
			return controlError(data, i)
		}
		i += n
	}
	return nil
}

const (
	ones  = 0x0101010101010101
	highs = 0x8080808080808080
)

// hasControl reports whether any of the eight bytes in x is below 0x20.
func hasControl(x uint64) bool {
	return (x-ones*0x20)&^x&highs != 0
}

// control returns the index of the first control character in b other
// than tab, LF, VT, FF and CR, or -1.
func control(b []byte) int {
	for i, c := range b {
		if c < 0x20 && (c < '\t' || c > '\r') {
			return i
		}
	}
	return -1
}

func controlError(data []byte, off int) error {
	line, col := position(data, off)
	return &ParseError{Line: line, Col: col, Msg: fmt.Sprintf("control character %U: not a text file", rune(data[off]))}
}

// position returns the 1-based line and rune column of byte offset off.
func position(data []byte, off int) (line, col int) {
	if off > len(data) {
		off = len(data)
	}
	line = 1 + bytes.Count(data[:off], []byte{'\n'})
	start := bytes.LastIndexByte(data[:off], '\n') + 1
	col = 1
	for i := start; i < off; {
		_, n := utf8.DecodeRune(data[i:off])
		i += n
		col++
	}
	return line, col
}

func parseJSON(data []byte, lim Parser) (*Plan, error) {
	p, jerr := decodePlan(data)
	if jerr != nil {
		return nil, jsonParseError(data, jerr)
	}
	if len(p.Clauses) == 0 {
		return nil, &ParseError{Line: 1, Col: 1, Msg: "JSON plan has no clauses"}
	}
	if err := checkTree(p.Clauses, lim); err != nil {
		return nil, err
	}
	p.Link()
	if err := checkPaths(p.Clauses); err != nil {
		return nil, err
	}
	return p, nil
}

// jsonParseError turns an error of the JSON reader into a [*ParseError] at
// its line and column in data.
func jsonParseError(data []byte, e *jsonError) *ParseError {
	line, col := position(data, e.off)
	return &ParseError{Line: line, Col: col, Msg: "JSON: " + e.msg}
}

// checkTree checks the limits of a plan read from JSON, and that it has no
// null clauses.
func checkTree(top []*Clause, lim Parser) error {
	n := 0
	var walk func(cs []*Clause, d int) error
	walk = func(cs []*Clause, d int) error {
		if d > lim.MaxDepth && len(cs) > 0 {
			return &ParseError{Msg: fmt.Sprintf("JSON plan nests points deeper than %d levels", lim.MaxDepth)}
		}
		for _, c := range cs {
			if c == nil {
				return &ParseError{Msg: "JSON plan has a null clause"}
			}
			if n++; n > lim.MaxClauses {
				return &ParseError{Msg: fmt.Sprintf("JSON plan has more than %d clauses", lim.MaxClauses)}
			}
			if err := walk(c.Children, d+1); err != nil {
				return err
			}
		}
		return nil
	}
	return walk(top, 1)
}

// checkPaths reports two sibling clauses of a linked plan with one path.
func checkPaths(cs []*Clause) error {
	if len(cs) > 1 {
		seen := make(map[string]bool, len(cs))
		for _, c := range cs {
			if seen[c.path] {
				return &ParseError{Msg: fmt.Sprintf("JSON plan has two clauses with path %s", c.path)}
			}
			seen[c.path] = true
		}
	}
	for _, c := range cs {
		if err := checkPaths(c.Children); err != nil {
			return err
		}
	}
	return nil
}

// A style is the kind of label a point carries; points of one style at one
// indentation are siblings.
type style uint8

const (
	styleNone        style = iota
	styleNumber            // 1. 1) (1)
	styleKeyword           // Point 1: / Article 1
	styleLower             // a) (a) a.
	styleUpper             // A. (A)
	styleLowerRoman        // i. (ii) iv)
	styleUpperRoman        // I. II)
	styleBulletDash        // - * + – —
	styleBulletDot         // • ◦ ▪ ·
	styleBulletArrow       // → ►
)

// A marker is what a point line starts with.
type marker struct {
	label   string // as printed, without decoration; "" for bullets
	style   style
	alt     style  // the other reading of an ambiguous label such as "i"
	keyword string // lower-cased keyword of "Point 1:", "Article 1"
	value   int    // the number, letter index or roman value of the label
	text    int    // byte offset of the point's text in the line
}

// A level is one open list of sibling points.
type level struct {
	indent   int
	style    style
	byIndent bool // opened by indentation, not by a change of label style
	lastVal  int  // value of the last labelled point, for letter sequences
	// autoNumber is set once a second point numbered "1." follows a
	// first: the level is a Markdown list numbered "1." throughout.
	autoNumber bool
	dup        *labels
	parent     *Clause // nil for the top level
	last       *Clause
}

// The labels of the children of one clause, to find duplicates. A clause
// can get children from more than one level (after a level was closed by
// indentation), so they are kept per parent, not per level.
type labels struct {
	maxNum int // highest number label so far, for the fast check
	maxLet int // highest single-letter label so far
	seen   map[string]struct{}
}

// A paragraph is text after a blank line, with the indentation of its
// first line.
type paragraph struct {
	ind   int
	first int // index of its first line in textParser.pendingLines
}

type textParser struct {
	lim  Parser
	src  string
	plan *Plan

	line   int // current line number, 1-based
	stack  []level
	cur    *Clause // clause receiving continuation lines
	curInd int     // indentation of cur's label
	parts  []string
	count  int
	slab   []Clause

	// paragraphs after a blank line, not yet known to continue cur
	pending      []paragraph
	pendingLines []string

	dups map[*Clause]*labels  // by parent; nil for the top level
	late map[*Clause][]string // paragraphs for points whose text is set

	sink      int // index in plan.Meta receiving text lines, or -1
	sinkParts []string

	keyword  string // keyword of the top-level points, if any
	blank    bool   // a blank line (or heading) since the last text line
	prevText bool   // the previous line was text
}

func (tp *textParser) run() error {
	src := tp.src
	tp.sink = -1
	pos := tp.header()
	tp.blank = true
	lastLine := tp.line
	for pos < len(src) {
		end := strings.IndexByte(src[pos:], '\n')
		var raw string
		if end < 0 {
			raw = src[pos:]
			pos = len(src)
		} else {
			raw = src[pos : pos+end]
			pos += end + 1
		}
		tp.line++
		lastLine = tp.line
		if err := tp.bodyLine(raw); err != nil {
			return err
		}
	}
	tp.finish()
	if len(tp.plan.Clauses) == 0 {
		if lastLine == 0 {
			lastLine = 1
		}
		return &ParseError{Line: lastLine, Msg: "no numbered points found"}
	}
	return nil
}

// header reads the header lines, if any, and returns the offset of the
// first line after them; tp.line is the number of the last line read.
func (tp *textParser) header() int {
	src := tp.src
	pos, line := 0, 0
	inHeader := false
	var cont *string   // the value indented lines continue
	var parts []string // the indented lines, joined once at the end
	flush := func() {
		if cont != nil && len(parts) > 0 {
			*cont = *cont + " " + strings.Join(parts, " ")
		}
		parts = parts[:0]
	}
	defer flush()
	for pos < len(src) {
		end := strings.IndexByte(src[pos:], '\n')
		next := len(src)
		raw := src[pos:]
		if end >= 0 {
			raw = src[pos : pos+end]
			next = pos + end + 1
		}
		ind, body := indentOf(raw)
		body = trimRightSpace(body)
		if body == "" {
			if inHeader {
				// the blank line ends the header
				tp.line = line + 1
				return next
			}
			pos, line = next, line+1
			continue
		}
		if inHeader && ind > 0 && cont != nil {
			if _, ok := parseMarker(body); !ok {
				parts = append(parts, normalize(body))
				pos, line = next, line+1
				continue
			}
		}
		key, val, ok := headerLine(body)
		if !ok {
			break
		}
		inHeader = true
		flush()
		cont = tp.setHeader(key, normalize(val))
		pos, line = next, line+1
	}
	if !inHeader {
		tp.line = 0
		return 0
	}
	tp.line = line
	return pos
}

// setHeader stores one header field and returns a pointer to its value
// for continuation lines, or nil when the value was empty.
func (tp *textParser) setHeader(key, val string) *string {
	if val == "" {
		return nil
	}
	pl := tp.plan
	var dst *string
	switch strings.ToLower(key) {
	case "title":
		dst = &pl.Title
	case "id":
		dst = &pl.ID
	case "date":
		dst = &pl.Date
	case "source":
		dst = &pl.Source
	case "author":
		pl.Authors = append(pl.Authors, val)
		return &pl.Authors[len(pl.Authors)-1]
	}
	if dst != nil && *dst == "" {
		*dst = val
		return dst
	}
	pl.Meta = append(pl.Meta, Field{Key: strings.ToLower(key), Value: val})
	return &pl.Meta[len(pl.Meta)-1].Value
}

// headerLine splits "key: value".
func headerLine(s string) (key, val string, ok bool) {
	i := strings.IndexByte(s, ':')
	if i <= 0 || i > 32 {
		return "", "", false
	}
	if i+1 < len(s) && s[i+1] != ' ' && s[i+1] != '\t' {
		return "", "", false
	}
	key = s[:i]
	if !isKey(key) {
		return "", "", false
	}
	return key, strings.TrimSpace(s[i+1:]), true
}

func isKey(k string) bool {
	switch strings.ToLower(k) {
	case "title", "id", "date", "author", "source":
		return true
	}
	if k[0] < 'a' || k[0] > 'z' {
		return false
	}
	for i := 1; i < len(k); i++ {
		c := k[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

// indentOf returns the indentation of a line in columns (a tab advances to
// the next multiple of four, a no-break space counts one) and the rest.
func indentOf(s string) (int, string) {
	n := 0
	for i := 0; i < len(s); {
		switch s[i] {
		case ' ':
			n++
			i++
		case '\t':
			n += 4 - n%4
			i++
		case 0xC2:
			if i+1 < len(s) && s[i+1] == 0xA0 {
				n++
				i += 2
				continue
			}
			return n, s[i:]
		default:
			return n, s[i:]
		}
	}
	return n, ""
}

func (tp *textParser) bodyLine(raw string) error {
	ind, body := indentOf(raw)
	body = trimRightSpace(body)
	if body == "" || isRule(body) {
		tp.blank = true
		tp.prevText = false
		return nil
	}
	if body[0] == '#' {
		if lvl, text, ok := markdownHeading(body); ok {
			return tp.heading(lvl, text)
		}
	}
	if m, ok := parseMarker(body); ok && tp.acceptMarker(m) {
		return tp.point(ind, body, m)
	}
	tp.textLine(ind, body)
	return nil
}

func trimRightSpace(s string) string {
	i := len(s)
	for i > 0 {
		switch s[i-1] {
		case ' ', '\t', '\r', '\v', '\f':
			i--
			continue
		}
		break
	}
	return s[:i]
}

// isRule reports a Markdown horizontal rule: three or more of one of
// '-', '*' or '_', possibly with spaces between.
func isRule(s string) bool {
	if len(s) < 3 || (s[0] != '-' && s[0] != '*' && s[0] != '_') {
		return false
	}
	n := 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case s[0]:
			n++
		case ' ', '\t':
		default:
			return false
		}
	}
	return n >= 3
}

// markdownHeading splits "## text ##" into its level and text.
func markdownHeading(s string) (int, string, bool) {
	n := 0
	for n < len(s) && s[n] == '#' {
		n++
	}
	if n > 6 || (n < len(s) && s[n] != ' ' && s[n] != '\t') {
		return 0, "", false
	}
	text := strings.TrimSpace(s[n:])
	t := strings.TrimRight(text, "#")
	if t != text && (t == "" || t[len(t)-1] == ' ' || t[len(t)-1] == '\t') {
		text = strings.TrimSpace(t)
	}
	return n, text, true
}

func (tp *textParser) heading(lvl int, text string) error {
	if text == "" {
		tp.blank, tp.prevText = true, false
		return nil
	}
	if m, ok := parseMarker(text); ok {
		return tp.point(0, text, m)
	}
	started := len(tp.plan.Clauses) > 0
	switch {
	case lvl == 1 && !started && tp.plan.Title == "":
		tp.plan.Title = normalize(text)
	case !started:
		tp.toSink("preamble", normalize(text))
	default:
		tp.closeSink()
		tp.toSink("section", normalize(text))
	}
	tp.blank, tp.prevText = true, false
	return nil
}

// toSink adds text to the open Meta field, opening one under key if none is.
func (tp *textParser) toSink(key, text string) {
	if tp.sink < 0 {
		tp.plan.Meta = append(tp.plan.Meta, Field{Key: key})
		tp.sink = len(tp.plan.Meta) - 1
	}
	tp.sinkParts = append(tp.sinkParts, text)
}

func (tp *textParser) closeSink() {
	if tp.sink < 0 {
		return
	}
	tp.plan.Meta[tp.sink].Value = strings.Join(tp.sinkParts, " ")
	tp.sink = -1
	tp.sinkParts = tp.sinkParts[:0]
}

func (tp *textParser) textLine(ind int, body string) {
	text := normalize(body)
	switch {
	case text == "": // only Unicode spaces, such as U+3000: a blank line
		tp.blank, tp.prevText = true, false
		return
	case tp.sink >= 0:
		tp.sinkParts = append(tp.sinkParts, text)
	case len(tp.plan.Clauses) == 0:
		tp.toSink("preamble", text)
	case !tp.blank:
		if len(tp.pending) > 0 {
			tp.pendingLines = append(tp.pendingLines, text)
		} else {
			tp.parts = append(tp.parts, text)
		}
	default:
		tp.pending = append(tp.pending, paragraph{ind: ind, first: len(tp.pendingLines)})
		tp.pendingLines = append(tp.pendingLines, text)
	}
	tp.blank = false
	tp.prevText = true
}

// acceptMarker tells a keyword point from a wrapped reference such as
// "... mirrors\nArticle 5: ...", and a numbered point from a wrapped line
// that starts with a year or another large number ("... signed in
// November\n2025. The parties ...").
func (tp *textParser) acceptMarker(m marker) bool {
	if tp.blank || !tp.prevText {
		return true
	}
	if m.style == styleNumber {
		return m.value < wrappedNumber || tp.continuesNumbers(m.value)
	}
	if m.style != styleKeyword {
		return true
	}
	if len(tp.stack) == 0 {
		return m.value <= 1
	}
	top := &tp.stack[0]
	if m.keyword != tp.keyword && top.style != styleNumber {
		return false
	}
	return top.lastVal < m.value && m.value <= top.lastVal+2
}

// wrappedNumber is the smallest number that, at the start of a line right
// after a line of text, continues that text unless it continues the
// numbering of open points: a year, most likely.
const wrappedNumber = 1000

// continuesNumbers reports whether v is one or two past the last point of
// an open level of numbered points.
func (tp *textParser) continuesNumbers(v int) bool {
	for i := range tp.stack {
		if l := &tp.stack[i]; l.style == styleNumber && l.lastVal < v && v <= l.lastVal+2 {
			return true
		}
	}
	return false
}

// point adds the clause of a point line.
func (tp *textParser) point(ind int, body string, m marker) error {
	tp.closeSink()
	tp.flushPending(true)
	tp.finishClause()
	if len(tp.plan.Clauses) == 0 && m.style == styleKeyword {
		tp.keyword = m.keyword
	}
	tp.count++
	if tp.count > tp.lim.MaxClauses {
		return &ParseError{Line: tp.line, Msg: fmt.Sprintf("more than %d clauses", tp.lim.MaxClauses)}
	}
	c := tp.newClause()
	c.Label = m.label
	lv, err := tp.place(ind, m)
	if err != nil {
		return err
	}
	var siblings *[]*Clause
	if lv.parent == nil {
		siblings = &tp.plan.Clauses
	} else {
		siblings = &lv.parent.Children
	}
	if m.style == styleNumber && m.label == "1" && len(*siblings) > 0 &&
		(lv.autoNumber || len(*siblings) == 1 && (*siblings)[0].Label == "1") {
		// Markdown's lazy numbering: every item "1.", numbered on display.
		lv.autoNumber = true
		m.value = len(*siblings) + 1
		m.label = strconv.Itoa(m.value)
		c.Label = m.label
	}
	if err := tp.checkDuplicate(lv, *siblings, m, ind); err != nil {
		return err
	}
	*siblings = append(*siblings, c)
	lv.last = c
	if m.label != "" {
		lv.lastVal = m.value
	}
	tp.cur = c
	tp.curInd = ind
	tp.parts = append(tp.parts[:0], normalize(body[m.text:]))
	tp.blank = false
	tp.prevText = true
	return nil
}

func (tp *textParser) newClause() *Clause {
	if len(tp.slab) == 0 {
		tp.slab = make([]Clause, 256)
	}
	c := &tp.slab[0]
	tp.slab = tp.slab[1:]
	return c
}

// place finds the level of a new point, opening or closing levels, and
// returns it.
func (tp *textParser) place(ind int, m marker) (*level, error) {
	if len(tp.stack) > 0 && ind < tp.stack[0].indent {
		// nothing is shallower than the top level
		ind = tp.stack[0].indent
	}
	for len(tp.stack) > 0 {
		top := &tp.stack[len(tp.stack)-1]
		if ind > top.indent+1 {
			return tp.push(ind, m, true, top.last)
		}
		if ind < top.indent-1 {
			tp.stack = tp.stack[:len(tp.stack)-1]
			continue
		}
		if top.byIndent || top.accepts(m) {
			return top, nil
		}
		// look down the levels at this indentation: first for the same
		// style, then for a number sequence that "Point 4:" continues
		for _, loose := range [...]bool{false, true} {
			for k := len(tp.stack) - 2; k >= 0 && abs(tp.stack[k].indent-ind) <= 1; k-- {
				if lv := &tp.stack[k]; lv.accepts(m) || loose && lv.continues(m) {
					tp.stack = tp.stack[:k+1]
					return lv, nil
				}
			}
		}
		if top.continues(m) {
			return top, nil
		}
		return tp.push(ind, m, false, top.last)
	}
	return tp.push(ind, m, false, nil)
}

func (tp *textParser) push(ind int, m marker, byIndent bool, parent *Clause) (*level, error) {
	if len(tp.stack) >= tp.lim.MaxDepth {
		return nil, &ParseError{Line: tp.line, Col: ind + 1, Msg: fmt.Sprintf("points nested deeper than %d levels", tp.lim.MaxDepth)}
	}
	s := m.style
	if m.alt != styleNone && (m.label == "i" || m.label == "I") {
		s = m.alt // "i" opening a list is roman; "v", "x", "l" are letters
	}
	if tp.dups == nil {
		tp.dups = make(map[*Clause]*labels)
	}
	dup := tp.dups[parent]
	if dup == nil {
		dup = new(labels)
		tp.dups[parent] = dup
	}
	tp.stack = append(tp.stack, level{indent: ind, style: s, byIndent: byIndent, parent: parent, dup: dup})
	return &tp.stack[len(tp.stack)-1], nil
}

// accepts reports whether a point with marker m continues this level.
func (lv *level) accepts(m marker) bool {
	switch {
	case m.style == lv.style && m.alt == styleNone:
		return true
	case m.style == lv.style:
		// "i" continues a letter sequence only after "h"; otherwise it
		// opens roman sub-points
		return m.value == lv.lastVal+1 || m.label != "i" && m.label != "I"
	case m.alt != styleNone && m.alt == lv.style:
		return true
	}
	return false
}

// continues reports whether a number point of one form continues the
// numbering of a level of the other, as "Point 4 -" after "3.".
func (lv *level) continues(m marker) bool {
	switch {
	case lv.style == styleNumber && m.style == styleKeyword,
		lv.style == styleKeyword && m.style == styleNumber:
		return lv.lastVal < m.value && m.value <= lv.lastVal+2
	}
	return false
}

// checkDuplicate reports a point whose label (or position, for an
// unlabelled point) repeats a sibling's.
func (tp *textParser) checkDuplicate(lv *level, siblings []*Clause, m marker, ind int) error {
	d := lv.dup
	label := m.label
	if label == "" {
		label = strconv.Itoa(len(siblings) + 1)
	}
	// fast paths: a number or a letter past the highest so far is new
	if isDigits(label) {
		if v, err := strconv.Atoi(label); err == nil && v > d.maxNum {
			if d.seen != nil {
				d.seen[label] = struct{}{}
			}
			d.maxNum = v
			return nil
		}
	} else if len(label) == 1 {
		if v := letterIndex(label); v > d.maxLet {
			if d.seen != nil {
				d.seen[strings.ToLower(label)] = struct{}{}
			}
			d.maxLet = v
			return nil
		}
	}
	if d.seen == nil {
		d.seen = make(map[string]struct{}, len(siblings)+1)
		for i, s := range siblings {
			l := s.Label
			if l == "" {
				l = strconv.Itoa(i + 1)
			}
			d.seen[strings.ToLower(l)] = struct{}{}
		}
	}
	key := strings.ToLower(label)
	if _, dup := d.seen[key]; dup {
		what := "point " + label
		if m.label == "" {
			what = "unlabelled point in position " + label + " clashes with a labelled point: it"
		}
		return &ParseError{Line: tp.line, Col: ind + 1, Msg: what + " appears twice at this level; number the points apart"}
	}
	d.seen[key] = struct{}{}
	return nil
}

// flushPending attaches the paragraphs after a blank line to a point; at
// the end of the input (more false) it attaches only indented ones and
// keeps the others as a postscript.
//
// A paragraph indented past the label of an open point belongs to the
// deepest such point, as in a Markdown list item; an unindented one to the
// point above it.
func (tp *textParser) flushPending(more bool) {
	for i, para := range tp.pending {
		end := len(tp.pendingLines)
		if i+1 < len(tp.pending) {
			end = tp.pending[i+1].first
		}
		lines := tp.pendingLines[para.first:end]
		target := tp.cur
		if k := tp.owner(para.ind); k >= 0 {
			target = tp.stack[k].last
		} else if !more {
			rest := strings.Join(tp.pendingLines[para.first:], " ")
			tp.plan.Meta = append(tp.plan.Meta, Field{Key: "postscript", Value: rest})
			break
		}
		if target == tp.cur {
			tp.parts = append(tp.parts, lines...)
			continue
		}
		// a point above the current one, whose text is already set: the
		// lines are added at the end, once, to stay linear
		if tp.late == nil {
			tp.late = make(map[*Clause][]string)
		}
		tp.late[target] = append(tp.late[target], lines...)
	}
	tp.pending = tp.pending[:0]
	tp.pendingLines = tp.pendingLines[:0]
}

// owner returns the index of the deepest open level whose points' labels
// are indented less than ind, or -1.
func (tp *textParser) owner(ind int) int {
	for k := len(tp.stack) - 1; k >= 0; k-- {
		if ind > tp.stack[k].indent+1 {
			return k
		}
	}
	return -1
}

// clauseText returns a clause's heading and text as Format writes them.
func clauseText(c *Clause) string {
	switch {
	case c.Heading != "" && c.Text != "":
		return c.Heading + ": " + c.Text
	case c.Heading != "":
		return c.Heading + ":"
	}
	return c.Text
}

func (tp *textParser) finish() {
	tp.closeSink()
	tp.flushPending(false)
	tp.finishClause()
	for c, lines := range tp.late {
		if t := clauseText(c); t != "" {
			lines = append([]string{t}, lines...)
		}
		c.Heading, c.Text = splitHeading(strings.Join(lines, " "))
	}
}

// finishClause sets the current clause's text and heading from its parts.
func (tp *textParser) finishClause() {
	c := tp.cur
	if c == nil {
		return
	}
	tp.cur = nil
	var text string
	switch n := 0; {
	case len(tp.parts) == 1:
		text = tp.parts[0]
	default:
		for _, s := range tp.parts {
			if s != "" {
				n++
			}
		}
		if n == 0 {
			break
		}
		var b strings.Builder
		for _, s := range tp.parts {
			if s == "" {
				continue
			}
			if b.Len() > 0 {
				b.WriteByte(' ')
			}
			b.WriteString(s)
		}
		text = b.String()
	}
	tp.parts = tp.parts[:0]
	c.Heading, c.Text = splitHeading(text)
}

// splitHeading returns the heading a clause's text carries, if any, and
// the rest of the text. See [Parser.Parse].
func splitHeading(text string) (heading, rest string) {
	if text == "" {
		return "", ""
	}
	if text[len(text)-1] == ':' {
		h := strings.TrimSpace(text[:len(text)-1])
		if inner, ok := strings.CutPrefix(h, "**"); ok && strings.HasSuffix(inner, "**") && len(inner) >= 2 {
			// "**Territories**:"
			h = strings.TrimSpace(inner[:len(inner)-2])
		} else if ok && strings.HasSuffix(text, ":**") {
			h = strings.TrimSpace(inner)
		}
		return h, ""
	}
	if strings.HasPrefix(text, "**") && strings.HasSuffix(text, ":**") {
		// "**Territories:**"
		return strings.TrimSpace(text[2 : len(text)-3]), ""
	}
	if h, r, ok := shortHeading(text); ok {
		return h, r
	}
	return "", text
}

// shortHeading splits "Territory: Ukraine commits ..." and its emphasised
// forms "**Territory:** ..." and "**Territory**: ...".
func shortHeading(text string) (heading, rest string, ok bool) {
	s := text
	emph := strings.HasPrefix(s, "**")
	if emph {
		s = s[2:]
	}
	limit := min(len(s), 64)
	i := strings.IndexByte(s[:limit], ':')
	if i <= 0 {
		return "", "", false
	}
	h := s[:i]
	after := s[i+1:]
	if emph {
		switch {
		case strings.HasSuffix(h, "**"):
			h = h[:len(h)-2]
		case strings.HasPrefix(after, "**"):
			after = after[2:]
		default:
			return "", "", false
		}
	}
	if len(after) < 2 || after[0] != ' ' || !isShortHeading(h) {
		return "", "", false
	}
	rest = strings.TrimSpace(after)
	if rest == "" {
		return "", "", false
	}
	return h, rest, true
}

// isShortHeading reports a capitalised phrase of one to three words with
// no sentence punctuation.
func isShortHeading(h string) bool {
	if h == "" || h[0] == ' ' || h[len(h)-1] == ' ' {
		return false
	}
	r, _ := utf8.DecodeRuneInString(h)
	if !unicode.IsUpper(r) {
		return false
	}
	words := 1
	for i := 0; i < len(h); i++ {
		switch h[i] {
		case ' ':
			words++
			if words > 3 || h[i+1] == ' ' {
				return false
			}
		case '.', ',', ';', '!', '?', '*', ':', '"', '(', ')', '[', ']':
			return false
		}
	}
	return true
}

// normalize trims a piece of text and turns every run of white space into
// one space. It returns s itself when there is nothing to change.
func normalize(s string) string {
	if isNormal(s) {
		return s
	}
	return strings.Join(strings.Fields(s), " ")
}

// isNormal reports whether s has no leading, trailing or repeated spaces
// and no white space other than the plain space. It looks at eight bytes
// at a time: it runs on every line of the input.
func isNormal(s string) bool {
	if s == "" {
		return true
	}
	if s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	prevSpace := false
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := uint64(s[i]) | uint64(s[i+1])<<8 | uint64(s[i+2])<<16 | uint64(s[i+3])<<24 |
			uint64(s[i+4])<<32 | uint64(s[i+5])<<40 | uint64(s[i+6])<<48 | uint64(s[i+7])<<56
		sp := zeroBytes(x ^ ones*' ') // 0x80 in each byte that is a space
		if sp&(sp>>8) != 0 || prevSpace && sp&0x80 != 0 {
			return false // two spaces in a row
		}
		prevSpace = sp>>63 != 0
		if (hasControl(x) || x&highs != 0) && !plainSpaces(s, i, i+8) {
			return false
		}
	}
	for ; i < len(s); i++ {
		if s[i] == ' ' {
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		}
		prevSpace = false
		if !plainSpaces(s, i, i+1) {
			return false
		}
	}
	return true
}

// zeroBytes returns x with 0x80 set in each byte that is zero, and nothing
// else set.
func zeroBytes(x uint64) uint64 {
	const lows = 0x7f7f7f7f7f7f7f7f
	return ^((x&lows + lows) | x | lows)
}

// plainSpaces reports whether s[i:j] has no control characters and no
// white space other than the plain space. A rune may run past j.
func plainSpaces(s string, i, j int) bool {
	for ; i < j; i++ {
		c := s[i]
		switch {
		case c < 0x20:
			return false
		case c == 0xC2 || c == 0xE1 || c == 0xE2 || c == 0xE3:
			// lead bytes of the non-ASCII spaces
			if isSpaceAt(s, i) {
				return false
			}
		}
	}
	return true
}

// isSpaceAt reports whether the rune starting at s[i] is white space.
func isSpaceAt(s string, i int) bool {
	r, _ := utf8.DecodeRuneInString(s[i:])
	return unicode.IsSpace(r)
}

func abs(x int) int {
	if x < 0 {
		return -x
	}
	return x
}

func isDigits(s string) bool {
	if s == "" {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// letterIndex returns 1 for "a" or "A", 2 for "b", and 0 for anything but
// a single ASCII letter.
func letterIndex(s string) int {
	if len(s) != 1 {
		return 0
	}
	c := s[0] | 0x20
	if c < 'a' || c > 'z' {
		return 0
	}
	return int(c-'a') + 1
}
