//go:build !js

package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/wasm/assets"
)

var updateScreenshot = flag.Bool("update-screenshot", false, "also write the README picture examples/viewer.png")

// Timeouts. CI runs these tests on a loaded two-core machine, so every wait
// is for a condition, with room to spare; nothing sleeps a fixed time.
const (
	waitTimeout = 60 * time.Second // one condition in the page
	testTimeout = 3 * time.Minute  // everything one test does in its tab
)

// The assets directory and the server every test loads its pages from; set
// by TestMain.
var (
	assetsDir string
	buildTime time.Duration
	testSite  *site
)

func TestMain(m *testing.M) {
	flag.Parse()
	os.Exit(runTests(m))
}

func runTests(m *testing.M) int {
	dir, err := os.MkdirTemp("", "peacediff-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(dir)
	start := time.Now()
	if err := assets.Build(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e: building the viewer assets:", err)
		return 1
	}
	assetsDir, buildTime = dir, time.Since(start)
	testSite = newSite(dir)
	defer testSite.close()
	defer shared.stop()
	return m.Run()
}

// A site serves the viewer's assets, the bundled plans under /plans/, and
// the pages and files the tests add.
type site struct {
	srv    *httptest.Server
	static http.Handler

	mu    sync.Mutex
	files map[string]file // by URL path
	n     int             // pages added so far
}

type file struct {
	contentType string
	body        []byte
}

func newSite(dir string) *site {
	s := &site{static: http.FileServer(http.Dir(dir)), files: make(map[string]file)}
	s.srv = httptest.NewServer(s)
	return s
}

func (s *site) close() { s.srv.Close() }

func (s *site) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	s.mu.Lock()
	f, ok := s.files[r.URL.Path]
	s.mu.Unlock()
	if ok {
		w.Header().Set("Content-Type", f.contentType)
		w.Write(f.body)
		return
	}
	if r.URL.Path == "/favicon.ico" { // keeps 404s out of the console
		w.WriteHeader(http.StatusNoContent)
		return
	}
	if name, ok := strings.CutPrefix(r.URL.Path, "/plans/"); ok {
		text, err := plans.Text(strings.TrimSuffix(name, ".txt"))
		if err != nil || path.Ext(name) != ".txt" {
			http.NotFound(w, r)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(text)
		return
	}
	s.static.ServeHTTP(w, r)
}

// add serves body at the URL path p and returns the absolute URL.
func (s *site) add(p, contentType string, body []byte) string {
	s.mu.Lock()
	defer s.mu.Unlock()
	s.files[p] = file{contentType, body}
	return s.srv.URL + p
}

// addText serves a plain-text file at the URL path p.
func (s *site) addText(p string, text []byte) string {
	return s.add(p, "text/plain; charset=utf-8", text)
}

// page serves a new HTML page that embeds the viewer exactly as the README
// shows (the stylesheet link and the deferred script, both relative to the
// page) with the given body, and returns its URL.
func (s *site) page(title, body string) string {
	s.mu.Lock()
	s.n++
	p := fmt.Sprintf("/page-%d.html", s.n)
	s.mu.Unlock()
	return s.add(p, "text/html; charset=utf-8", []byte(pageHTML(title, body)))
}

// pageHTML is the host page of a test: plain HTML around the two tags of
// the embedding contract.
func pageHTML(title, body string) string {
	return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>` + title + `</title>
<style>body { font-family: Georgia, serif; margin: 24px; max-width: 1100px; }</style>
<link rel="stylesheet" href="peacediff.css"><script src="peacediff.js" defer></script>
</head>
<body>
` + body + `
</body>
</html>
`
}

// shared is the one browser of the test binary; each test opens its own tab.
var shared browser

type browser struct {
	once   sync.Once
	ctx    context.Context // the browser's first tab; parent of every test's tab
	cancel context.CancelFunc
	err    error
	absent error // no browser installed
}

// browserPath returns the browser executable: $CHROME, or the first
// Chromium-like browser on PATH, in the order chromedp would try them.
func browserPath() (string, error) {
	if p := os.Getenv("CHROME"); p != "" {
		found, err := exec.LookPath(p)
		if err != nil {
			return "", fmt.Errorf("e2e: CHROME=%s: %w", p, err)
		}
		return found, nil
	}
	for _, name := range []string{"headless_shell", "headless-shell", "chromium", "chromium-browser",
		"google-chrome", "google-chrome-stable", "chrome"} {
		if found, err := exec.LookPath(name); err == nil {
			return found, nil
		}
	}
	return "", errors.New("e2e: no Chromium-like browser on PATH (install chromium or set CHROME)")
}

func (b *browser) start() {
	exe, err := browserPath()
	if err != nil {
		if os.Getenv("CHROME") != "" {
			b.err = err // asked for a browser that is not there: a mistake, not a skip
		} else {
			b.absent = err
		}
		return
	}
	profile, err := os.MkdirTemp("", "peacediff-e2e-profile-")
	if err != nil {
		b.err = err
		return
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe),
		chromedp.NoSandbox, // the tests may run as root in a container
		chromedp.Headless,
		chromedp.DisableGPU,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.NoFirstRun,
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1200, 900),
	)
	actx, acancel := chromedp.NewExecAllocator(context.Background(), opts...)
	ctx, cancel := chromedp.NewContext(actx)
	b.cancel = func() {
		cancel()
		acancel()
		os.RemoveAll(profile)
	}
	// The first action starts the browser; its context must have no
	// deadline, or the browser dies with it.
	if err := chromedp.Do(ctx); err != nil {
		b.err = fmt.Errorf("e2e: starting %s: %w", exe, err)
		return
	}
	b.ctx = ctx
}

func (b *browser) stop() {
	if b.cancel != nil {
		b.cancel()
	}
}

// needBrowser returns the shared browser, starting it on first use. Without
// a browser the test skips, or fails when CI=true.
func needBrowser(t *testing.T) context.Context {
	t.Helper()
	shared.once.Do(shared.start)
	if shared.absent != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("browser tests cannot run in CI: %v", shared.absent)
		}
		t.Skipf("skipping browser test: %v", shared.absent)
	}
	if shared.err != nil {
		t.Fatal(shared.err)
	}
	return shared.ctx
}

// A tab is one browser tab of one test.
type tab struct {
	t   *testing.T
	ctx context.Context // with the test's deadline

	mu      sync.Mutex
	console []chromedp.ConsoleMessage
}

// newTab opens a tab for the test and closes it when the test ends. The
// page's console messages are logged when the test fails.
func newTab(t *testing.T) *tab {
	t.Helper()
	bctx := needBrowser(t)
	ctx, cancel := chromedp.NewContext(bctx)
	if err := chromedp.Do(ctx); err != nil { // opens the tab, no deadline
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	tb := &tab{t: t}
	messages := chromedp.Console(ctx)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for m, err := range messages {
			if err != nil {
				return
			}
			tb.mu.Lock()
			tb.console = append(tb.console, m)
			tb.mu.Unlock()
		}
	}()
	tctx, tcancel := context.WithTimeout(ctx, testTimeout)
	tb.ctx = tctx
	t.Cleanup(func() {
		tcancel()
		cancel()
		<-done
		if t.Failed() {
			for _, m := range tb.messages() {
				t.Logf("console %s", m)
			}
		}
	})
	return tb
}

// messages returns the console messages so far.
func (tb *tab) messages() []chromedp.ConsoleMessage {
	tb.mu.Lock()
	defer tb.mu.Unlock()
	return append([]chromedp.ConsoleMessage(nil), tb.console...)
}

// exceptions returns the uncaught exceptions and unhandled rejections so far.
func (tb *tab) exceptions() []string {
	var out []string
	for _, m := range tb.messages() {
		if m.IsException() {
			out = append(out, m.Text)
		}
	}
	return out
}

// do runs browser actions, failing the test on error.
func (tb *tab) do(what string, steps ...chromedp.Action[chromedp.Void]) {
	tb.t.Helper()
	if err := chromedp.Do(tb.ctx, steps...); err != nil {
		tb.t.Fatalf("%s: %v", what, err)
	}
}

// open loads url and waits until its deferred scripts have run.
func (tb *tab) open(url string) {
	tb.t.Helper()
	tb.do("opening "+url, chromedp.Navigate(url))
	tb.wait(`document.readyState === "complete"`, "the page to load")
}

// wait polls the JavaScript expression until it is truthy, for at most
// waitTimeout. what says in words what the test waits for.
func (tb *tab) wait(expr, what string) {
	tb.t.Helper()
	_, err := chromedp.Run(tb.ctx, chromedp.Poll[bool]("!!("+expr+")",
		chromedp.WithPollingInterval(20*time.Millisecond),
		chromedp.WithPollingTimeout(waitTimeout)))
	if err != nil {
		tb.t.Fatalf("waiting for %s (%s): %v", what, expr, err)
	}
}

// eval evaluates a JavaScript expression, awaiting a promise, and decodes
// its JSON value into a T.
func eval[T any](tb *tab, expr string) T {
	tb.t.Helper()
	v, err := chromedp.Run(tb.ctx, chromedp.Evaluate[T](expr, chromedp.EvalAwaitPromise))
	if err != nil {
		tb.t.Fatalf("evaluating %s: %v", expr, err)
	}
	return v
}

// run evaluates a JavaScript expression for its effect, awaiting a
// promise; its value, which may be an object no JSON can hold, is dropped.
func (tb *tab) run(expr string) {
	tb.t.Helper()
	eval[bool](tb, "Promise.resolve("+expr+").then(() => true)")
}

// jsString quotes s as a JavaScript string literal (JSON is valid
// JavaScript; encoding/json also escapes <, > and &).
func jsString(s string) string {
	b, err := json.Marshal(s)
	if err != nil {
		panic(err) // a string always marshals
	}
	return string(b)
}
