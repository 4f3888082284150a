//go:build js && wasm

package main

import (
	"runtime/debug"
	"syscall/js"

	"github.com/peacediff/peacediff/wasm"
)

func main() {
	// A comparison makes much short-lived garbage and keeps little: collect
	// less often than Go's default, which in a browser's single thread
	// costs a quarter of a large comparison, but not past a soft limit.
	debug.SetGCPercent(400)
	debug.SetMemoryLimit(256 << 20)
	if err := wasm.Register(js.Global()); err != nil {
		js.Global().Get("console").Call("error", err.Error())
		return
	}
	select {}
}
