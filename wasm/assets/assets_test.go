package assets

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/diff/html/style"
)

func TestBuild(t *testing.T) {
	dir := t.TempDir()
	if err := Build(dir); err != nil {
		t.Fatal(err)
	}
	wasm, err := os.ReadFile(filepath.Join(dir, WasmFile))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(wasm, []byte("\x00asm")) {
		t.Errorf("%s does not start with the WebAssembly magic number", WasmFile)
	}
	for _, name := range []string{ExecFile, LoaderFile, CSSFile} {
		if fi, err := os.Stat(filepath.Join(dir, name)); err != nil || fi.Size() == 0 {
			t.Errorf("%s: missing or empty (%v)", name, err)
		}
	}
}

func TestWriteStatic(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	if err := WriteStatic(dir); err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		file, want, reason string
	}{
		{ExecFile, "globalThis.Go", "wasm_exec.js comes from the Go toolchain"},
		{LoaderFile, "window.peacediff = {", "the loader defines the one global"},
		{LoaderFile, "data-peacediff", "the loader finds the elements to render"},
		{CSSFile, ".pd-root", "the stylesheet is scoped"},
	} {
		b, err := os.ReadFile(filepath.Join(dir, tc.file))
		if err != nil {
			t.Fatal(err)
		}
		if !strings.Contains(string(b), tc.want) {
			t.Errorf("%s lacks %q (%s)", tc.file, tc.want, tc.reason)
		}
	}
	css, _ := os.ReadFile(filepath.Join(dir, CSSFile))
	if string(css) != style.CSS {
		t.Errorf("%s differs from style.CSS", CSSFile)
	}
}

// TestNoMarkupSinks keeps the loader and the demo page free of the DOM
// calls that parse strings as markup: document text enters the page only as
// text nodes. The names are spelled in pieces so that this file passes the
// same check.
func TestNoMarkupSinks(t *testing.T) {
	sinks := []string{"inner" + "HTML", "outer" + "HTML", "insertAdjacent" + "HTML", "document." + "write", "ev" + "al("}
	for _, name := range []string{"peacediff.js", "index.html"} {
		b := mustRead(name)
		for _, s := range sinks {
			if bytes.Contains(bytes.ToLower(b), []byte(strings.ToLower(s))) {
				t.Errorf("%s uses %s", name, s)
			}
		}
	}
}

func TestWriteDemo(t *testing.T) {
	dir := t.TempDir()
	if err := WriteDemo(dir); err != nil {
		t.Fatal(err)
	}
	page, err := os.ReadFile(filepath.Join(dir, DemoFile))
	if err != nil {
		t.Fatal(err)
	}
	for _, ref := range []string{"plans/us-28.txt", "plans/ua-20.txt"} {
		if !strings.Contains(string(page), ref) {
			t.Errorf("the demo page does not use %s", ref)
		}
		if _, err := os.Stat(filepath.Join(dir, filepath.FromSlash(ref))); err != nil {
			t.Errorf("the demo page needs %s: %v", ref, err)
		}
	}
}

func ExampleWriteStatic() {
	dir, err := os.MkdirTemp("", "peacediff-assets-")
	if err != nil {
		fmt.Println(err)
		return
	}
	defer os.RemoveAll(dir)
	if err := WriteStatic(dir); err != nil {
		fmt.Println(err)
		return
	}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		fmt.Println(e.Name())
	}
	// Output:
	// peacediff.css
	// peacediff.js
	// wasm_exec.js
}
