//go:build js && wasm

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
