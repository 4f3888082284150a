// Command build writes the deployable files of the peacediff WebAssembly
// viewer into a folder:
//
//	go run ./wasm/build -o dist
//
// gives dist/peacediff.wasm, dist/wasm_exec.js (from your own Go
// toolchain), dist/peacediff.js and dist/peacediff.css. With -demo it also
// writes a demonstration page, dist/index.html, and the bundled plans under
// dist/plans; serve the folder with any static file server.
package main

import (
	"flag"
	"fmt"
	"os"

	"github.com/peacediff/peacediff/wasm/assets"
)

func main() {
	out := flag.String("o", "dist", "output `folder`")
	demo := flag.Bool("demo", false, "also write index.html and the bundled plans")
	flag.Parse()
	if err := run(*out, *demo); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

func run(out string, demo bool) error {
	if err := assets.Build(out); err != nil {
		return err
	}
	if demo {
		return assets.WriteDemo(out)
	}
	return nil
}
