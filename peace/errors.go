package peace

import (
	"errors"
	"strconv"
	"strings"
)

// ErrTooLarge is the error a [Parser] returns, wrapped in a [*ParseError],
// when its input is longer than its MaxBytes limit. Test for it with
// errors.Is.
var ErrTooLarge = errors.New("peace: plan too large")

// A ParseError reports input that [Parse] cannot read as a plan, with the
// position where the problem was found.
//
// Line and Col count from 1; Col counts characters (runes), not bytes, and
// a tab counts as one. Line is 0 when the problem has no single position,
// as for an input over the size limit; Col is 0 when the problem is a whole
// line. Err is the underlying cause, if any: [ErrTooLarge].
//
// For a JSON plan, Line and Col point at the offending byte: the start of a
// value of the wrong type, the first byte that breaks the JSON grammar, or
// the opening quote of a string that never ends. Msg then starts with
// "JSON: " and names the path of the value, as in
// "JSON: clauses[2].children[0].label: want a string, got a number".
type ParseError struct {
	Line, Col int
	Msg       string
	Err       error
}

// Error returns the message with its position, as in
// "peace: line 3, column 5: invalid UTF-8".
func (e *ParseError) Error() string {
	var b strings.Builder
	b.WriteString("peace: ")
	if e.Line > 0 {
		b.WriteString("line ")
		b.WriteString(strconv.Itoa(e.Line))
		if e.Col > 0 {
			b.WriteString(", column ")
			b.WriteString(strconv.Itoa(e.Col))
		}
		b.WriteString(": ")
	}
	b.WriteString(e.Msg)
	return b.String()
}

// Unwrap returns the underlying cause, so that errors.Is(err, ErrTooLarge)
// works through a ParseError.
func (e *ParseError) Unwrap() error { return e.Err }
