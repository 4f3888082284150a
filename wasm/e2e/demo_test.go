//go:build !js

package e2e

import (
	"bufio"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/peacediff/peacediff/examples/plans"
)

// startDemo runs the demo server of examples/viewer on a free port, serving
// the assets TestMain built, and returns its URL. The server is stopped with
// an interrupt when the test ends and must exit cleanly.
func startDemo(t *testing.T, bin string, args ...string) string {
	t.Helper()
	cmd := exec.Command(bin, append([]string{"-addr", "127.0.0.1:0", "-assets", assetsDir}, args...)...)
	stderr, err := cmd.StderrPipe()
	if err != nil {
		t.Fatal(err)
	}
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	urls := make(chan string, 1)
	var logged strings.Builder
	done := make(chan struct{})
	go func() {
		defer close(done)
		sc := bufio.NewScanner(stderr)
		for sc.Scan() {
			line := sc.Text()
			logged.WriteString(line + "\n")
			if _, rest, ok := strings.Cut(line, "serving the peacediff demo on "); ok {
				urls <- strings.Fields(rest)[0]
			}
		}
	}()
	exited := make(chan error, 1)
	t.Cleanup(func() {
		cmd.Process.Signal(os.Interrupt)
		go func() { <-done; exited <- cmd.Wait() }()
		select {
		case err := <-exited:
			if err != nil {
				t.Errorf("the demo server did not exit cleanly on an interrupt: %v\n%s", err, logged.String())
			}
		case <-time.After(waitTimeout):
			cmd.Process.Kill()
			t.Errorf("the demo server ignored an interrupt for %v", waitTimeout)
		}
	})
	select {
	case u := <-urls:
		return u
	case <-done:
		t.Fatalf("the demo server stopped before serving:\n%s", logged.String())
	case <-time.After(waitTimeout):
		t.Fatalf("the demo server said nothing of serving within %v", waitTimeout)
	}
	panic("unreachable")
}

// TestDemo drives the demo page of examples/viewer: the preselected pair,
// another pick from the dropdowns, pasted texts, and the -versions mode.
func TestDemo(t *testing.T) {
	needBrowser(t)
	bin := filepath.Join(t.TempDir(), "viewer")
	if out, err := exec.Command("go", "build", "-o", bin, "github.com/peacediff/peacediff/examples/viewer").CombinedOutput(); err != nil {
		t.Fatalf("building examples/viewer: %v\n%s", err, out)
	}

	t.Run("pair", func(t *testing.T) {
		url := startDemo(t, bin)
		tb := newTab(t)
		tb.open(url)
		tb.waitReady("#viewer")
		tb.showAllRows("#viewer")
		checkAgainst(t, readViewer(tb, "#viewer"), native(t, planText(t, "us-28"), planText(t, "ua-20")))

		// Another old version from the dropdown.
		tb.do("picking eu-24", chromedp.SetValue(chromedp.CSS("#old"), "eu-24"))
		tb.run(`document.getElementById("old").dispatchEvent(new Event("change"))`)
		r := native(t, planText(t, "eu-24"), planText(t, "ua-20"))
		tb.wait(`document.querySelector("#viewer .pd-title") && document.querySelector("#viewer .pd-title").textContent.includes(`+jsString(r.Old.Title)+`)`,
			"the viewer to show eu-24")
		tb.waitReady("#viewer")
		tb.showAllRows("#viewer")
		checkAgainst(t, readViewer(tb, "#viewer"), r)

		// Texts of one's own.
		const oldText = "title: Pasted old\n\n1. Elections are held within 100 days.\n2. Sanctions are lifted in stages.\n"
		const newText = "title: Pasted new\n\n1. Elections must be held as soon as possible.\n2. Sanctions are lifted in stages.\n3. A fund rebuilds schools.\n"
		tb.do("opening the text editor", chromedp.Click(chromedp.CSS("#edit summary")))
		tb.do("pasting the old text", chromedp.SetValue(chromedp.CSS("#old-text"), oldText))
		tb.do("pasting the new text", chromedp.SetValue(chromedp.CSS("#new-text"), newText))
		tb.do("comparing", chromedp.Click(chromedp.CSS("#compare")))
		tb.wait(`document.querySelector("#viewer .pd-title") && document.querySelector("#viewer .pd-title").textContent.includes("Pasted new")`,
			"the pasted texts to show")
		tb.waitReady("#viewer")
		tb.showAllRows("#viewer")
		checkAgainst(t, readViewer(tb, "#viewer"), native(t, []byte(oldText), []byte(newText)))
		if n := eval[int](tb, `document.querySelectorAll("#viewer .pd-root").length`); n != 1 {
			t.Errorf("after three comparisons the page holds %d viewers, want 1", n)
		}
		for _, ex := range tb.exceptions() {
			t.Errorf("uncaught exception: %s", ex)
		}
	})

	t.Run("versions", func(t *testing.T) {
		url := startDemo(t, bin, "-versions")
		tb := newTab(t)
		tb.open(url)
		tb.waitReady("#viewer")
		ids := plans.IDs()
		if n := eval[int](tb, `document.querySelectorAll("#viewer .pd-timeline [data-pd-step]").length`); n != len(ids)-1 {
			t.Errorf("the timeline of %d bundled plans has %d steps, want %d", len(ids), n, len(ids)-1)
		}
	})

	t.Run("missing assets", func(t *testing.T) {
		out, err := exec.Command(bin, "-addr", "127.0.0.1:0", "-assets", t.TempDir()).CombinedOutput()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(string(out), "no viewer in") {
			t.Errorf("-assets with an empty folder: %v, output %q; want exit 1 and a message", err, out)
		}
	})
}
