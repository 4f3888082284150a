package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/internal/golden"
	"github.com/peacediff/peacediff/examples/plans"
)

// TestOutput builds the site into a temporary folder, as the README does
// into ./site, and checks the file list it prints (against testdata, with
// the folder's name in place of the temporary path) and the page it writes.
// It compiles the viewer, which takes some seconds.
func TestOutput(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "site")
	var out bytes.Buffer
	if err := run(&out, []string{"-dir", dir}); err != nil {
		t.Fatal(err)
	}
	got := strings.ReplaceAll(out.String(), dir, "site")
	golden.Check(t, "testdata/output.golden", []byte(got))

	// Every file the list names exists, and the wasm binary is one.
	for _, name := range []string{"index.html", "peacediff.css", "peacediff.js", "peacediff.wasm", "wasm_exec.js", "plans/us-28.txt", "plans/ua-20.txt"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil {
			t.Error(err)
			continue
		}
		if name == "peacediff.wasm" && !bytes.HasPrefix(b, []byte("\x00asm")) {
			t.Errorf("%s is not WebAssembly: starts %q", name, b[:min(4, len(b))])
		}
	}

	// The page uses the snippet as markup and shows it, escaped, as code.
	page, err := os.ReadFile(filepath.Join(dir, "index.html"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		want   string
		reason string
	}{
		{`<div data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>`, "the live viewer"},
		{`&lt;div data-peacediff data-old=&#34;plans/us-28.txt&#34;`, "the snippet shown as text"},
		{`<script src="peacediff.js" defer></script>`, "the loader"},
		{"Steve Witkoff&#39;s team", "the plan texts, escaped"},
	} {
		if !bytes.Contains(page, []byte(tc.want)) {
			t.Errorf("index.html lacks %q (%s)", tc.want, tc.reason)
		}
	}

	// The plan files are the bundled texts, byte for byte.
	for _, id := range []string{"us-28", "ua-20"} {
		want, err := plans.Text(id)
		if err != nil {
			t.Fatal(err)
		}
		got, err := os.ReadFile(filepath.Join(dir, "plans", id+".txt"))
		if err != nil || !bytes.Equal(got, want) {
			t.Errorf("plans/%s.txt differs from the bundled text (err %v)", id, err)
		}
	}
}

// TestErrors checks that bad arguments fail before anything is built.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"extra"}, "usage", "no positional arguments"},
		{[]string{"-bogus"}, "flag provided but not defined", "an unknown flag"},
	} {
		var out bytes.Buffer
		err := run(&out, tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q (%s)", tc.args, err, tc.want, tc.reason)
		}
	}
}

// TestHelp checks that -h lists the flags and is not an error.
func TestHelp(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, []string{"-h"}); err != nil {
		t.Fatalf("run(-h) = %v, want nil", err)
	}
	if !strings.Contains(out.String(), "Usage of ") {
		t.Errorf("run(-h) printed no usage:\n%s", out.String())
	}
}
