//go:build !js

package wasm_test

import (
	"os"
	"os/exec"
	"strings"
	"testing"
)

// TestViewerImports checks that nothing in the viewer's import graph
// defeats the linker's dead-method elimination: go-cmp and the template
// packages call reflect's Method/MethodByName, which keeps every method of
// dom/v2 alive and quadruples the wasm file (22 MB instead of 5 MB).
func TestViewerImports(t *testing.T) {
	cmd := exec.Command("go", "list", "-deps", "github.com/peacediff/peacediff/wasm/cmd/peacediff")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("go list -deps: %v", err)
	}
	deps := map[string]bool{}
	for _, p := range strings.Fields(string(out)) {
		deps[p] = true
	}
	for _, p := range []string{"github.com/peacediff/peacediff/wasm", "honnef.co/go/js/dom/v2"} {
		if !deps[p] {
			t.Errorf("the viewer does not import %s: is the go list output what this test expects?", p)
		}
	}
	for _, p := range []string{"github.com/google/go-cmp/cmp", "text/template", "html/template"} {
		if deps[p] {
			t.Errorf("the viewer imports %s; keep it out of peace, diff and wasm (see DESIGN.md)", p)
		}
	}
	for p := range deps {
		if strings.HasPrefix(p, "github.com/google/go-cmp") && !deps["github.com/google/go-cmp/cmp"] {
			t.Errorf("the viewer imports %s", p)
		}
	}
}
