//go:build js && wasm

package wasm

import (
	"strings"
	"syscall/js"

	"github.com/peacediff/peacediff/diff"
)

// A node is one DOM element the viewer keeps a handle on: the root, the
// panel, the controls. Creating elements through dom/v2 wraps each one by
// testing its constructor against some seventy element types, and every
// js.Value costs a finalizer on the Go side, so the elements drawn by the
// thousand (rows, chips, map shapes) are not made one call at a time: they
// are described to a [builder] and created in one call into JavaScript.
//
// Text enters only through text nodes: node.text, textContent and the
// builders.
type node struct{ js.Value }

const svgNS = "http://www.w3.org/2000/svg"

// doc is the page's document, looked up once: every element created costs a
// call into JavaScript, and the lookup would double it.
var doc = js.Global().Get("document")

func document() js.Value { return doc }

// el creates an HTML element with the given class (none if "").
func el(tag, class string) node {
	n := node{document().Call("createElement", tag)}
	if class != "" {
		n.Set("className", class)
	}
	return n
}

// svg creates an SVG element with the given class (none if "").
func svg(tag, class string) node {
	n := node{document().Call("createElementNS", svgNS, tag)}
	if class != "" {
		n.Call("setAttribute", "class", class)
	}
	return n
}

// add appends children and returns n.
func (n node) add(kids ...node) node {
	for _, k := range kids {
		n.Call("appendChild", k.Value)
	}
	return n
}

// text appends s as a text node and returns n.
func (n node) text(s string) node {
	if s != "" {
		n.Call("appendChild", document().Call("createTextNode", s))
	}
	return n
}

// attr sets an attribute and returns n.
func (n node) attr(name, value string) node {
	n.Call("setAttribute", name, value)
	return n
}

// clear removes every child.
func (n node) clear() { n.Call("replaceChildren") }

// find returns the first element under n that matches sel; its Value is
// null when none does.
func (n node) find(sel string) node { return node{n.Call("querySelector", sel)} }

// closest returns the nearest ancestor of v (or v) matching sel, or a null value.
func closest(v js.Value, sel string) js.Value {
	for v.Truthy() && v.Get("nodeType").Int() != 1 {
		v = v.Get("parentNode")
	}
	if !v.Truthy() {
		return js.Null()
	}
	return v.Call("closest", sel)
}

// A builder describes elements in document order: open starts an element,
// text and further opens fill it, close ends it. Tags and attribute names
// are the viewer's own constants; a tag "svg:name" is an SVG element. Text
// always becomes a text node, whatever it holds.
type builder interface {
	open(tag, class string, attrs ...string)
	text(s string)
	close()
	// draw appends the elements described so far to parent.
	draw(parent js.Value)
}

// jsBuild is the loader's builder function, build(parent, description):
// it creates the elements of a description with createElement and
// createTextNode and appends them to parent. Register sets it; without it
// (an older loader, the package's tests) the elements are made from Go.
var jsBuild js.Value

// newBuilder returns an empty builder.
func newBuilder() builder {
	if jsBuild.Type() == js.TypeFunction {
		return &description{buf: append(make([]byte, 0, 4096), '[')}
	}
	f := document().Call("createDocumentFragment")
	return &direct{stack: []js.Value{f}}
}

// leaf describes an element that holds only text.
func leaf(b builder, tag, class, text string, attrs ...string) {
	b.open(tag, class, attrs...)
	b.text(text)
	b.close()
}

// srOnly describes a span of text only screen readers announce.
func srOnly(b builder, s string) { leaf(b, "span", "pd-sr-only", s) }

// A description is a builder that writes the elements as JSON for the
// loader's build function, which makes them all in one call. The
// description is an array of items; an item is a string, for a text node,
// or an element: [tag, class, [name, value, ...], item...].
type description struct {
	buf   []byte
	comma bool // an item was written at this level: the next needs a comma
}

func (d *description) item() {
	if d.comma {
		d.buf = append(d.buf, ',')
	}
	d.comma = true
}

func (d *description) open(tag, class string, attrs ...string) {
	d.item()
	d.buf = append(d.buf, '[')
	d.buf = diff.AppendJSONString(d.buf, tag)
	d.buf = append(d.buf, ',')
	d.buf = diff.AppendJSONString(d.buf, class)
	d.buf = append(d.buf, ",["...)
	for k, a := range attrs {
		if k > 0 {
			d.buf = append(d.buf, ',')
		}
		d.buf = diff.AppendJSONString(d.buf, a)
	}
	d.buf = append(d.buf, ']')
}

func (d *description) text(s string) {
	if s == "" {
		return
	}
	d.item()
	d.buf = diff.AppendJSONString(d.buf, s)
}

func (d *description) close() {
	d.buf = append(d.buf, ']')
	d.comma = true
}

func (d *description) draw(parent js.Value) {
	if len(d.buf) > 1 {
		jsBuild.Invoke(parent, string(append(d.buf, ']')))
	}
	d.buf, d.comma = d.buf[:1], false
}

// direct is the builder used without the loader's build function: it
// creates each element with its own calls into JavaScript.
type direct struct {
	stack []js.Value // a document fragment, then the open elements
}

func (d *direct) open(tag, class string, attrs ...string) {
	var n node
	if name, ok := strings.CutPrefix(tag, "svg:"); ok {
		n = svg(name, class)
	} else {
		n = el(tag, class)
	}
	for k := 0; k+1 < len(attrs); k += 2 {
		n.attr(attrs[k], attrs[k+1])
	}
	d.stack[len(d.stack)-1].Call("appendChild", n.Value)
	d.stack = append(d.stack, n.Value)
}

func (d *direct) text(s string) {
	node{d.stack[len(d.stack)-1]}.text(s)
}

func (d *direct) close() { d.stack = d.stack[:len(d.stack)-1] }

func (d *direct) draw(parent js.Value) {
	parent.Call("appendChild", d.stack[0])
}
