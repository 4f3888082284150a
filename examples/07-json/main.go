// Tutorial 7: use peacediff's JSON from another language.
//
//	go run ./examples/07-json | node examples/07-json/read.mjs
//	go run ./examples/07-json us-28 eu-counter > result.json
//
// This program prints the comparison of two bundled plans (us-28 and ua-20
// by default) as JSON: the same document as `peacediff -format json` and
// the viewer's compare(). read.mjs, next to it, reads that document in Node;
// the README shows the same in Python.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "07-json:", err)
		os.Exit(1)
	}
}

// run compares the bundled plans named in args and writes the result to w
// as JSON.
func run(w io.Writer, args []string) error {
	oldID, newID := "us-28", "ua-20"
	switch len(args) {
	case 0:
	case 2:
		oldID, newID = args[0], args[1]
	default:
		return errors.New("usage: 07-json [OLD-ID NEW-ID]")
	}
	old, err := plans.Load(oldID)
	if err != nil {
		return err
	}
	new, err := plans.Load(newID)
	if err != nil {
		return err
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		return err
	}
	// WriteJSON writes the documented contract, indented, with a final
	// newline. Its field names are public API, and the same plans always
	// give the same bytes, so the output can be stored and diffed.
	// (encoding/json's Marshal of r gives the same fields, unindented.)
	return r.WriteJSON(w)
}
