//go:build js && wasm

package wasm

import (
	"errors"
	"fmt"
	"math"
	"strconv"
	"strings"
	"syscall/js"

	"github.com/peacediff/peacediff/diff"
)

// resultFromJS reads a comparison, the object peacediff.compare returns
// (the JSON contract of package diff, parsed), out of a JavaScript value.
// It walks the value field by field instead of going through JSON text and
// encoding/json, which would cost the viewer about a seventh of its size.
//
// It reads what encoding/json would: a missing or null field is the zero
// value, an array becomes a non-nil slice (empty for []). It is stricter in
// two ways, because the viewer would draw nonsense otherwise: a value of
// the wrong type, an unknown kind, op or change kind, a similarity outside
// 0 to 1 and a clause count that is not a whole number are errors naming
// the path of the value ("peacediff: result.matches[3].old[0]: want a
// string, got a number"). The old, new and summary objects must be there.
// No JavaScript value makes it panic. (A getter that throws, which no
// JSON.parse result has, throws through the Go program: syscall/js cannot
// catch it.)
//
// Every string or object taken out of JavaScript costs a few microseconds
// (syscall/js gives each a finalizer), so under the loader the walk first
// takes its fields from one string, the tape of peacediff.resultTape,
// which lists what the walk reads, in its order, after checking their
// types. Only without the loader, or when the tape shows a value the walk
// would refuse, does it read the object itself, and then say what is
// wrong.
func resultFromJS(v js.Value) (*diff.Result, error) {
	if res, err := readTape(v); err == nil {
		return res, nil
	}
	return readResult(v, &jsReader{isArray: js.Global().Get("Array").Get("isArray")})
}

// errTape stops reading a tape that does not hold what the walk expects,
// or is not there.
var errTape = errors.New("peacediff: result: no tape, or a bad one")

// readTape reads v from its tape, if the loader is there to make one.
func readTape(v js.Value) (*diff.Result, error) {
	if pd := js.Global().Get("peacediff"); pd.Type() == js.TypeObject {
		if f := pd.Get("resultTape"); f.Type() == js.TypeFunction {
			if s := f.Invoke(v); s.Type() == js.TypeString {
				return readResult(v, &jsReader{tape: s.String(), taped: true})
			}
		}
	}
	return nil, errTape
}

// readResult reads v with r: field by field, or off r's tape.
func readResult(v js.Value, r *jsReader) (res *diff.Result, err error) {
	// syscall/js panics on a value it has no type for, such as a BigInt.
	defer func() {
		if p := recover(); p != nil {
			res, err = nil, fmt.Errorf("peacediff: result: a value cannot be read: %v", p)
		}
	}()
	if !r.taped && (!r.isObject(v) || v.Get("matches").IsUndefined()) {
		what := r.typeName(v)
		if what == "an object" {
			what = "an object without matches"
		}
		return nil, errors.New("peacediff: result: want the object compare() returns, or its JSON text; got " + what)
	}
	res = &diff.Result{
		Old:     r.planInfo(r.object(v, "result", "old")),
		New:     r.planInfo(r.object(v, "result", "new")),
		Matches: each(r, v, "result", "matches", r.match),
	}
	s, p := r.object(v, "result", "summary")
	res.Summary = diff.Summary{
		Unchanged: r.count(s, p, "unchanged"),
		Reworded:  r.count(s, p, "reworded"),
		Amended:   r.count(s, p, "amended"),
		Split:     r.count(s, p, "split"),
		Merged:    r.count(s, p, "merged"),
		Added:     r.count(s, p, "added"),
		Removed:   r.count(s, p, "removed"),
		Moved:     r.count(s, p, "moved"),
	}
	res.Topics = each(r, v, "result", "topics", r.topic)
	if r.tape != "" {
		r.stop()
	}
	if r.err != nil {
		return nil, r.err
	}
	return res, nil
}

// A jsReader reads plain data out of JavaScript objects. It keeps the
// first error; once there is one, every read returns a zero value. Each
// read takes the object, its path for messages and the field's name.
//
// A taped reader takes the values from its tape instead and reads no
// object; the values' types are checked, and null and undefined are the
// zero values already.
type jsReader struct {
	isArray js.Value // Array.isArray
	err     error
	taped   bool
	tape    string // the values left, each ended by a NUL
}

// next takes the next value off the tape.
func (r *jsReader) next() string {
	i := strings.IndexByte(r.tape, 0)
	if r.err != nil || i < 0 {
		r.stop()
		return ""
	}
	s := r.tape[:i]
	r.tape = r.tape[i+1:]
	return s
}

func (r *jsReader) stop() {
	if r.err == nil {
		r.err = errTape
	}
}

func (r *jsReader) array(v js.Value) bool {
	return v.Type() == js.TypeObject && r.isArray.Invoke(v).Bool()
}

// isObject reports whether v is an object with fields: not null, an array
// or a function.
func (r *jsReader) isObject(v js.Value) bool {
	return r.taped || v.Type() == js.TypeObject && !r.isArray.Invoke(v).Bool()
}

func (r *jsReader) typeName(v js.Value) string {
	switch v.Type() {
	case js.TypeUndefined:
		return "nothing"
	case js.TypeNull:
		return "null"
	case js.TypeObject:
		if r.array(v) {
			return "an array"
		}
		return "an object"
	case js.TypeFunction:
		return "a function"
	}
	return "a " + v.Type().String() // boolean, number, string, symbol
}

// fail records that the value at path is not what was wanted.
func (r *jsReader) fail(path, want string, v js.Value) {
	if r.err == nil {
		r.err = errors.New("peacediff: " + path + ": want " + want + ", got " + r.typeName(v))
	}
}

// invalid records that the value at path is of the right type but not one
// the viewer can draw.
func (r *jsReader) invalid(path, what string) {
	if r.err == nil {
		r.err = errors.New("peacediff: " + path + ": " + what)
	}
}

// object returns obj[name], which must be an object (not an array), and
// its path.
func (r *jsReader) object(obj js.Value, path, name string) (js.Value, string) {
	path += "." + name
	v := r.field(obj, name)
	if r.err != nil || !r.isObject(v) {
		r.fail(path, "an object", v)
		return js.Undefined(), path
	}
	return v, path
}

// field returns obj[name], or undefined after an error or from a tape.
func (r *jsReader) field(obj js.Value, name string) js.Value {
	if r.err != nil || r.taped {
		return js.Undefined()
	}
	return obj.Get(name)
}

func (r *jsReader) str(obj js.Value, path, name string) string {
	if r.taped {
		return r.next()
	}
	switch v := r.field(obj, name); v.Type() {
	case js.TypeString:
		return v.String()
	case js.TypeUndefined, js.TypeNull:
	default:
		r.fail(path+"."+name, "a string", v)
	}
	return ""
}

func (r *jsReader) boolean(obj js.Value, path, name string) bool {
	if r.taped {
		return r.next() != ""
	}
	switch v := r.field(obj, name); v.Type() {
	case js.TypeBoolean:
		return v.Bool()
	case js.TypeUndefined, js.TypeNull:
	default:
		r.fail(path+"."+name, "true or false", v)
	}
	return false
}

func (r *jsReader) num(obj js.Value, path, name string) float64 {
	var f float64
	if r.taped {
		var err error
		if f, err = strconv.ParseFloat(r.next(), 64); err != nil {
			r.stop()
		}
	} else {
		switch v := r.field(obj, name); v.Type() {
		case js.TypeNumber:
			f = v.Float()
		case js.TypeUndefined, js.TypeNull:
		default:
			r.fail(path+"."+name, "a number", v)
		}
	}
	if math.IsNaN(f) || math.IsInf(f, 0) {
		r.invalid(path+"."+name, "want a finite number")
		return 0
	}
	return f
}

// count reads a whole number from 0 to 2³¹-1.
func (r *jsReader) count(obj js.Value, path, name string) int {
	f := r.num(obj, path, name)
	if f < 0 || f > math.MaxInt32 || f != math.Trunc(f) {
		r.invalid(path+"."+name, "want a count, got "+strconv.FormatFloat(f, 'g', -1, 64))
		return 0
	}
	return int(f)
}

// list returns obj[name] and its length; a missing or null field is no
// list, with length -1.
func (r *jsReader) list(obj js.Value, path, name string) (js.Value, int) {
	if r.taped {
		n, err := strconv.Atoi(r.next())
		if err != nil || n < -1 {
			r.stop()
			return js.Undefined(), -1
		}
		return js.Undefined(), n
	}
	v := r.field(obj, name)
	switch {
	case r.err != nil || v.IsUndefined() || v.IsNull():
		return v, -1
	case !r.array(v):
		r.fail(path+"."+name, "an array", v)
		return v, -1
	}
	return v, v.Length()
}

// strs reads a list of strings.
func (r *jsReader) strs(obj js.Value, path, name string) []string {
	a, n := r.list(obj, path, name)
	if n < 0 {
		return nil
	}
	// A sparse array may claim any length: grow as the elements prove real.
	out := make([]string, 0, min(n, 1024))
	for i := 0; i < n && r.err == nil; i++ {
		if r.taped {
			out = append(out, r.next())
			continue
		}
		e := a.Index(i)
		if e.Type() != js.TypeString {
			r.fail(path+"."+name+"["+strconv.Itoa(i)+"]", "a string", e)
			return nil
		}
		out = append(out, e.String())
	}
	return out
}

// each reads a list of objects with read, which gets each element and its
// path.
func each[T any](r *jsReader, obj js.Value, path, name string, read func(js.Value, string) T) []T {
	a, n := r.list(obj, path, name)
	if n < 0 {
		return nil
	}
	out := make([]T, 0, min(n, 1024))
	for i := range n {
		e, p := js.Undefined(), ""
		if !r.taped {
			e, p = a.Index(i), path+"."+name+"["+strconv.Itoa(i)+"]"
		}
		if !r.isObject(e) {
			r.fail(p, "an object", e)
			return nil
		}
		out = append(out, read(e, p))
		if r.err != nil {
			return nil
		}
	}
	return out
}
func (r *jsReader) planInfo(v js.Value, path string) diff.PlanInfo {
	return diff.PlanInfo{
		ID:      r.str(v, path, "id"),
		Title:   r.str(v, path, "title"),
		Date:    r.str(v, path, "date"),
		Clauses: r.count(v, path, "clauses"),
	}
}

func (r *jsReader) topic(v js.Value, path string) diff.TopicInfo {
	return diff.TopicInfo{ID: r.str(v, path, "id"), Label: r.str(v, path, "label")}
}

func (r *jsReader) match(v js.Value, path string) diff.Match {
	m := diff.Match{Kind: diff.Kind(r.str(v, path, "kind"))}
	switch m.Kind {
	case diff.Unchanged, diff.Reworded, diff.Amended, diff.Split, diff.Merged, diff.Added, diff.Removed:
	default:
		r.invalid(path+".kind", "unknown kind "+strconv.Quote(string(m.Kind)))
	}
	m.Old = r.strs(v, path, "old")
	m.New = r.strs(v, path, "new")
	m.Similarity = r.num(v, path, "similarity")
	if m.Similarity < 0 || m.Similarity > 1 {
		r.invalid(path+".similarity", "want a number from 0 to 1, got "+strconv.FormatFloat(m.Similarity, 'g', -1, 64))
	}
	m.Moved = r.boolean(v, path, "moved")
	m.Renumbered = r.boolean(v, path, "renumbered")
	m.Topics = r.strs(v, path, "topics")
	m.Edits = each(r, v, path, "edits", r.edit)
	m.Changes = each(r, v, path, "changes", r.change)
	return m
}

func (r *jsReader) edit(v js.Value, path string) diff.Edit {
	e := diff.Edit{Op: diff.Op(r.str(v, path, "op")), Text: r.str(v, path, "text")}
	switch e.Op {
	case diff.Equal, diff.Delete, diff.Insert:
	default:
		r.invalid(path+".op", "unknown op "+strconv.Quote(string(e.Op)))
	}
	return e
}

func (r *jsReader) change(v js.Value, path string) diff.Change {
	c := diff.Change{
		Kind:   diff.ChangeKind(r.str(v, path, "kind")),
		Before: r.str(v, path, "before"),
		After:  r.str(v, path, "after"),
	}
	switch c.Kind {
	case diff.QuantityChange, diff.DurationChange, diff.ModalityChange, diff.NegationChange,
		diff.PartyAdded, diff.PartyRemoved, diff.PlaceAdded, diff.PlaceRemoved,
		diff.TopicAdded, diff.TopicRemoved, diff.ConditionAdded, diff.ConditionRemoved:
	default:
		r.invalid(path+".kind", "unknown change kind "+strconv.Quote(string(c.Kind)))
	}
	return c
}
