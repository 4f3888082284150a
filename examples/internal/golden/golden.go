// Package golden checks the output of the tutorials against golden files,
// so that a tutorial whose output drifts fails its test instead of rotting
// quietly in the README.
//
// Run a tutorial's tests with -update to rewrite its golden files:
//
//	go test ./examples/01-parse -update
package golden

import (
	"bytes"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// Check compares got with the file at path. With -update it writes got to
// the file instead. On a mismatch it reports the first line that differs,
// with its line number, and the lengths of both.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run the test with -update to create it)", err)
	}
	if bytes.Equal(got, want) {
		return
	}
	t.Errorf("output differs from %s (run with -update if the change is intended)\n%s", path, firstDifference(string(want), string(got)))
}

// firstDifference describes where want and got part ways.
func firstDifference(want, got string) string {
	w := strings.Split(want, "\n")
	g := strings.Split(got, "\n")
	for i := 0; i < len(w) || i < len(g); i++ {
		var wl, gl string
		if i < len(w) {
			wl = w[i]
		}
		if i < len(g) {
			gl = g[i]
		}
		if wl != gl || i >= len(w) || i >= len(g) {
			return fmt.Sprintf("line %d:\n  want %q\n  got  %q\n(want %d lines, got %d)", i+1, wl, gl, len(w), len(g))
		}
	}
	return "the files differ only in their line endings"
}
