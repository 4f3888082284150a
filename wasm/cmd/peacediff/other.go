//go:build !(js && wasm)

// Command peacediff is the WebAssembly viewer; it only runs in a browser.
// Build it with GOOS=js GOARCH=wasm, or better with go run ./wasm/build.
package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "peacediff: the viewer runs in a browser; build it with: go run ./wasm/build -o dist")
	os.Exit(2)
}
