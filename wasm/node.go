//go:build js && wasm

package wasm

import "syscall/js"

// A node is one DOM element the viewer builds. Creating elements through
// dom/v2 wraps each one by testing its constructor against some seventy
// element types; rows and map shapes are created by the thousand, so they
// go through this thin handle instead, and dom/v2 serves the window, the
// document and events.
//
// Text enters only through text nodes: node.text and textContent.
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

// srOnly returns a span of text only screen readers announce.
func srOnly(s string) node { return el("span", "pd-sr-only").text(s) }

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
