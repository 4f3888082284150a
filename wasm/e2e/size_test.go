//go:build !js

package e2e

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
	"time"
)

// gzipBudget is the most the viewer's WebAssembly binary may weigh after
// gzip: what a reader downloads before the first change appears.
//
// The target is 1.3 MB. Without any code of ours, the Go runtime
// with fmt and syscall/js weighs 0.74 MB and go-diff adds 0.23 MB (its
// package-level regular expressions link the regexp engine and the
// Unicode tables); the parser, lexicon, aligner, JSON reader and writer
// and the viewer come to about 1.39 MB in all (README, "Figures", with
// what was done to shrink it: no encoding/json, one sort routine). This
// bound guards against regressions, such as an import that keeps every
// dom/v2 method alive or brings back encoding/json.
const gzipBudget = 1_450_000

// TestBundleSize checks the gzip size of peacediff.wasm as the build helper
// writes it. The usual way to blow the budget is an import that keeps
// reflection-driven methods alive (go-cmp, text/template, html/template).
func TestBundleSize(t *testing.T) {
	raw, err := os.ReadFile(filepath.Join(assetsDir, "peacediff.wasm"))
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	zw, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := zw.Write(raw); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	t.Logf("peacediff.wasm: %d bytes raw, %d bytes gzip -9 (budget %d); built in %v",
		len(raw), buf.Len(), gzipBudget, buildTime.Round(100*time.Millisecond))
	if buf.Len() > gzipBudget {
		t.Errorf("peacediff.wasm is %d bytes gzipped, over the %d byte budget", buf.Len(), gzipBudget)
	}
	for _, name := range []string{"wasm_exec.js", "peacediff.js", "peacediff.css"} {
		fi, err := os.Stat(filepath.Join(assetsDir, name))
		if err != nil {
			t.Errorf("the build wrote no %s: %v", name, err)
			continue
		}
		t.Logf("%s: %d bytes", name, fi.Size())
	}
}
