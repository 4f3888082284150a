//go:build js && wasm

// Command peacediff is the WebAssembly viewer: built with GOOS=js
// GOARCH=wasm and started by the loader peacediff.js, it registers the
// viewer's functions with the loader and then waits for calls. All the work
// happens in package wasm; see wasm/assets for how to build and deploy it.
package main

import (
	"syscall/js"

	"github.com/peacediff/peacediff/wasm"
)

func main() {
	if err := wasm.Register(js.Global()); err != nil {
		js.Global().Get("console").Call("error", err.Error())
		return
	}
	select {}
}
