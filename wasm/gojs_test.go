//go:build !js

package wasm_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestGOOSJS runs this package's GOOS=js tests in headless Chromium through
// wasmbrowsertest, so that the one test command of the README (go test
// ./...) also exercises the DOM code in a real browser.
//
// Without wasmbrowsertest or Chromium the test skips on a developer's
// machine and fails when CI=true.
func TestGOOSJS(t *testing.T) {
	exe, err := exec.LookPath("wasmbrowsertest")
	if err != nil {
		gopath, _ := exec.Command("go", "env", "GOPATH").Output()
		candidate := filepath.Join(strings.TrimSpace(string(gopath)), "bin", "wasmbrowsertest")
		if _, statErr := os.Stat(candidate); statErr == nil {
			exe, err = candidate, nil
		}
	}
	if err == nil {
		_, err = findBrowser()
	}
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser tests cannot run: %v", err)
		}
		t.Skipf("browser tests skipped: %v (go install github.com/agnivade/wasmbrowsertest@v0.11.0 and install Chromium)", err)
	}
	cmd := exec.Command("go", "test", "-count=1", "-exec", exe, ".")
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	out, err := cmd.CombinedOutput()
	// wasmbrowsertest's pinned chromedp does not know some events of new
	// Chromium versions and says so on every line; that is noise.
	var kept []string
	for line := range strings.Lines(string(out)) {
		if !strings.Contains(line, "could not unmarshal event") {
			kept = append(kept, line)
		}
	}
	t.Logf("GOOS=js go test -exec wasmbrowsertest:\n%s", strings.Join(kept, ""))
	if err != nil {
		t.Fatalf("GOOS=js tests failed: %v", err)
	}
}

// findBrowser returns the path of a Chromium-like browser, as chromedp
// would find it.
func findBrowser() (string, error) {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "headless_shell", "headless-shell"} {
		if p, err := exec.LookPath(name); err == nil {
			return p, nil
		}
	}
	return "", exec.ErrNotFound
}
