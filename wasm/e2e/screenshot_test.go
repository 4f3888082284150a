//go:build !js

package e2e

import (
	"bytes"
	"image"
	"image/png"
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestScreenshot renders the README's example in a 1200×900 viewport and
// saves the first screen as a PNG: to $SCREENSHOT when set, else to the
// test's temporary directory, and with -update-screenshot also to
// examples/viewer.png, the picture in the README. A side-by-side picture
// goes next to it with the suffix -side.
func TestScreenshot(t *testing.T) {
	tb := newTab(t)
	tb.do("sizing the viewport", chromedp.EmulateViewport(1200, 900))
	tb.open(testSite.page("peacediff", `<h1 style="font-size: 1.5rem; margin: 0 0 .5rem">What changed between the US draft and the Kyiv–Washington points</h1>
<div id="v" data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>`))
	tb.waitReady("#v")
	eval[bool](tb, `document.fonts.ready.then(() => true)`)

	out := os.Getenv("SCREENSHOT")
	if out == "" {
		out = filepath.Join(t.TempDir(), "viewer.png")
	}
	meaning := capture(tb)
	save(t, out, meaning)
	if *updateScreenshot {
		save(t, filepath.Join("..", "..", "examples", "viewer.png"), meaning)
	}

	tb.do("clicking the side-by-side tab", chromedp.Click(chromedp.CSS(`#v [data-pd-mode="side"]`)))
	tb.wait(`document.querySelector("#v li[data-pd-row]")`, "the side-by-side rows")
	ext := filepath.Ext(out)
	save(t, out[:len(out)-len(ext)]+"-side"+ext, capture(tb))
}

// capture takes a PNG of the viewport and checks that it shows something.
func capture(tb *tab) []byte {
	tb.t.Helper()
	b, err := chromedp.Run(tb.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		tb.t.Fatalf("taking a screenshot: %v", err)
	}
	img, err := png.Decode(bytes.NewReader(b))
	if err != nil {
		tb.t.Fatalf("the screenshot is no PNG: %v", err)
	}
	if got := img.Bounds().Size(); got != image.Pt(1200, 900) {
		tb.t.Errorf("screenshot is %v, want 1200×900", got)
	}
	colors := map[[4]uint32]bool{}
	for y := img.Bounds().Min.Y; y < img.Bounds().Max.Y && len(colors) < 8; y += 7 {
		for x := img.Bounds().Min.X; x < img.Bounds().Max.X; x += 7 {
			r, g, b, a := img.At(x, y).RGBA()
			colors[[4]uint32{r, g, b, a}] = true
		}
	}
	if len(colors) < 8 {
		tb.t.Errorf("the screenshot has %d colours: the page looks blank", len(colors))
	}
	return b
}

func save(t *testing.T, path string, png []byte) {
	t.Helper()
	if err := os.WriteFile(path, png, 0o644); err != nil {
		t.Fatal(err)
	}
	t.Logf("wrote %s (%d bytes)", path, len(png))
}
