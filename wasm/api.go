//go:build js && wasm

package wasm

import (
	"errors"
	"fmt"
	"syscall/js"

	"github.com/peacediff/peacediff/diff"
)

// Hook is the name of the private global through which the loader,
// peacediff.js, hands the Go side an object to fill; the loader deletes it
// as soon as [Register] has run.
const Hook = "__peacediffGo"

var (
	viewers = map[int]*viewer{}
	nextID  int
)

// Register fills the loader's hook object on global with the viewer's
// functions (compare, history, render, destroy) and tells the loader it is
// ready. The functions answer {value: ...} or {error: "..."}; the loader
// turns those into resolved or rejected promises. The loader may also put
// its element builder in the hook object, build(parent, description); the
// viewer then draws through it.
func Register(global js.Value) error {
	box := global.Get(Hook)
	if !box.Truthy() {
		return errors.New("peacediff: no loader: start the viewer with peacediff.js")
	}
	if b := box.Get("build"); b.Type() == js.TypeFunction {
		jsBuild = b
	}
	box.Set("compare", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return answer(func() (any, error) { return compare(args) })
	}))
	box.Set("history", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return answer(func() (any, error) { return history(args) })
	}))
	box.Set("render", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return answer(func() (any, error) { return render(args) })
	}))
	box.Set("destroy", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return answer(func() (any, error) { return nil, destroy(args) })
	}))
	warmUp()
	box.Call("ready")
	return nil
}

// answer runs f and wraps its outcome for the loader. A panic becomes an
// error too: a bug must not stop the program that every viewer on the page
// shares.
func answer(f func() (any, error)) (out any) {
	defer func() {
		if r := recover(); r != nil {
			out = map[string]any{"error": fmt.Sprint("peacediff: internal error: ", r)}
		}
	}()
	v, err := f()
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"value": v}
}

func stringArg(args []js.Value, i int, what string) (string, error) {
	if i >= len(args) || args[i].Type() != js.TypeString {
		return "", errors.New("peacediff: " + what + " must be a string")
	}
	return args[i].String(), nil
}

// toJS turns a *diff.Result or a *History into a JavaScript object through
// its JSON encoding, the same bytes json.Marshal gives natively, written by
// diff's own encoder so that the viewer does without encoding/json.
func toJS(v any) (js.Value, error) {
	var b []byte
	var err error
	switch v := v.(type) {
	case *diff.Result:
		b, err = v.AppendJSON(nil)
	case *History:
		b, err = v.appendJSON(nil)
	default:
		return js.Undefined(), fmt.Errorf("peacediff: internal error: no JSON encoding for %T", v)
	}
	if err != nil {
		return js.Undefined(), fmt.Errorf("peacediff: %w", err)
	}
	return js.Global().Get("JSON").Call("parse", string(b)), nil
}

// appendJSON appends h's compact JSON to b: what json.Marshal gives for h.
func (h *History) appendJSON(b []byte) ([]byte, error) {
	if h == nil {
		return append(b, "null"...), nil
	}
	b = append(b, `{"versions":`...)
	if h.Versions == nil {
		b = append(b, "null"...)
	} else {
		b = append(b, '[')
		for i, p := range h.Versions {
			if i > 0 {
				b = append(b, ',')
			}
			b = p.AppendJSON(b)
		}
		b = append(b, ']')
	}
	b = append(b, `,"steps":`...)
	if h.Steps == nil {
		return append(b, "null}"...), nil
	}
	b = append(b, '[')
	for i, r := range h.Steps {
		if i > 0 {
			b = append(b, ',')
		}
		var err error
		if b, err = r.AppendJSON(b); err != nil {
			return b, err
		}
	}
	return append(b, "]}"...), nil
}

func compare(args []js.Value) (any, error) {
	old, err := stringArg(args, 0, "old")
	if err != nil {
		return nil, err
	}
	new, err := stringArg(args, 1, "new")
	if err != nil {
		return nil, err
	}
	c, err := compareOnce(old, new)
	if err != nil {
		return nil, err
	}
	return toJS(c.Result)
}

// last is the latest comparison of two texts. A page often asks for the
// comparison and then renders the same two texts: the second call reuses
// the first's work. Nothing changes a Comparison once made.
var last struct {
	old, new string
	c        *Comparison
}

// compareOnce compares two texts, or returns the comparison of the last
// call when the texts are the same.
func compareOnce(old, new string) (*Comparison, error) {
	if last.c != nil && last.old == old && last.new == new {
		return last.c, nil
	}
	c, err := Compare(old, new)
	if err != nil {
		return nil, err
	}
	last.old, last.new, last.c = old, new, c
	return c, nil
}

func texts(v js.Value) ([]string, error) {
	if !js.Global().Get("Array").Call("isArray", v).Bool() {
		return nil, errors.New("peacediff: versions must be an array of texts")
	}
	out := make([]string, v.Length())
	for i := range out {
		t := v.Index(i)
		if t.Type() != js.TypeString {
			return nil, fmt.Errorf("peacediff: version %d must be a string", i+1)
		}
		out[i] = t.String()
	}
	return out, nil
}

func history(args []js.Value) (any, error) {
	if len(args) == 0 {
		return nil, errors.New("peacediff: history needs an array of texts")
	}
	ts, err := texts(args[0])
	if err != nil {
		return nil, err
	}
	h, err := NewHistory(ts)
	if err != nil {
		return nil, err
	}
	return toJS(h)
}

// render(el, input, options) draws a viewer into el and returns its id.
func render(args []js.Value) (any, error) {
	if len(args) < 2 || args[0].Type() != js.TypeObject || args[1].Type() != js.TypeObject {
		return nil, errors.New("peacediff: render needs an element and an input")
	}
	host, input := args[0], args[1]
	opts := Options{Collapse: true}
	if len(args) > 2 && args[2].Type() == js.TypeObject {
		o := args[2]
		if x := o.Get("index"); x.Type() == js.TypeNumber {
			opts.Index = x.Int()
		}
		if x := o.Get("mode"); x.Type() == js.TypeString {
			opts.Mode = x.String()
		}
		if x := o.Get("collapse"); x.Type() == js.TypeBoolean {
			opts.Collapse = x.Bool()
		}
		if x := o.Get("meaningOnly"); x.Type() == js.TypeBoolean {
			opts.MeaningOnly = x.Bool()
		}
	}
	v := newViewer(host, opts)
	var page *Page
	switch {
	case !input.Get("result").IsUndefined():
		r, err := resultFromJS(input.Get("result"))
		if err != nil {
			return nil, err
		}
		page = NewPage(r, nil, nil)
	case input.Get("versions").Truthy():
		ts, err := texts(input.Get("versions"))
		if err != nil {
			return nil, err
		}
		h, err := NewHistory(ts)
		if err != nil {
			return nil, err
		}
		v.hist, v.step = h, len(h.comparisons)-1
		c := h.comparisons[v.step]
		page = NewPage(c.Result, c.Old, c.New)
	default:
		old, err := stringArg([]js.Value{input.Get("old")}, 0, "old")
		if err != nil {
			return nil, err
		}
		new, err := stringArg([]js.Value{input.Get("new")}, 0, "new")
		if err != nil {
			return nil, err
		}
		c, err := compareOnce(old, new)
		if err != nil {
			return nil, err
		}
		page = NewPage(c.Result, c.Old, c.New)
	}
	v.mount(page)
	nextID++
	viewers[nextID] = v
	return nextID, nil
}

func destroy(args []js.Value) error {
	if len(args) == 0 || args[0].Type() != js.TypeNumber {
		return errors.New("peacediff: destroy needs a viewer id")
	}
	id := args[0].Int()
	v, ok := viewers[id]
	if !ok {
		return nil
	}
	delete(viewers, id)
	v.destroy()
	return nil
}
