//go:build !(js && wasm)

package main

import (
	"fmt"
	"os"
)

func main() {
	fmt.Fprintln(os.Stderr, "peacediff: the viewer runs in a browser; build it with: go run ./wasm/build -o dist")
	os.Exit(2)
}
