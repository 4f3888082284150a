//go:build js && wasm

package wasm

import (
	"strings"
	"syscall/js"
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/wasm/assets"
)

// loaderBuild returns the build function of the loader, peacediff.js,
// taken from its source: the viewer's tests run without the loader.
func loaderBuild(t *testing.T) js.Value {
	t.Helper()
	src := string(assets.Loader())
	start := strings.Index(src, "  var svgNS =")
	end := strings.Index(src, "  function build(")
	if start < 0 || end < start {
		t.Fatal("peacediff.js: no svgNS and build function found")
	}
	n := strings.Index(src[end:], "\n  }\n")
	if n < 0 {
		t.Fatal("peacediff.js: the build function does not end")
	}
	body := src[start:end+n+4] + "\nreturn build;"
	return js.Global().Get("Function").New(body).Invoke()
}

// withBuild makes the viewer draw through f for the rest of the test.
func withBuild(t *testing.T, f js.Value) {
	t.Helper()
	saved := jsBuild
	jsBuild = f
	t.Cleanup(func() { jsBuild = saved })
}

// TestBuildersAgree draws every mode of two comparisons with the loader's
// build function and without it, and checks that the elements are the same.
func TestBuildersAgree(t *testing.T) {
	build := loaderBuild(t)
	oldText, err := plans.Text("us-28")
	if err != nil {
		t.Fatal(err)
	}
	newText, err := plans.Text("ua-20")
	if err != nil {
		t.Fatal(err)
	}
	real, err := Compare(string(oldText), string(newText))
	if err != nil {
		t.Fatal(err)
	}
	pages := []struct {
		name string
		page func() *Page
	}{
		{"fixture", func() *Page { return NewPage(fixture(), nil, nil) }},
		{"us-28 → ua-20", func() *Page { return NewPage(real.Result, real.Old, real.New) }},
	}
	draw := func(f js.Value, page *Page, mode, query string) string {
		saved := jsBuild
		jsBuild = f
		defer func() { jsBuild = saved }()
		host := document().Call("createElement", "div")
		document().Get("body").Call("appendChild", host)
		defer host.Call("remove")
		v := newViewer(host, Options{Index: 40, Collapse: true})
		v.mount(page)
		defer v.destroy()
		v.filt.Query = query
		v.showMode(mode)
		if mode == "side" || mode == "inline" {
			v.drawMore(len(v.items))
		}
		return host.Get("outerHTML").String()
	}
	for _, p := range pages {
		for _, mode := range []string{"meaning", "side", "inline", "map"} {
			for _, query := range []string{"", "the"} {
				direct := draw(js.Undefined(), p.page(), mode, query)
				built := draw(build, p.page(), mode, query)
				if direct != built {
					at := 0
					for at < len(direct) && at < len(built) && direct[at] == built[at] {
						at++
					}
					t.Errorf("%s, %s, query %q: the loader's build differs from the direct one at byte %d:\n%.200s\n%.200s",
						p.name, mode, query, at, direct[at:], built[at:])
				}
				if !strings.Contains(built, `data-pd-mode="`+mode+`"`) {
					t.Errorf("%s, %s: the root does not say its mode", p.name, mode)
				}
			}
		}
	}
}

// TestBuildText checks that text reaches the page through the loader's
// build function unchanged, as text and never as markup, whatever bytes it
// holds.
func TestBuildText(t *testing.T) {
	build := loaderBuild(t)
	tests := []struct {
		text, reason string
	}{
		{xssText, "markup stays literal text"},
		{`quote " backslash \ slash /`, "JSON's escaped characters"},
		{"tab\tnew line\nreturn\r bell\x07 nul\x00 unit\x1f", "control characters"},
		{"line\u2028paragraph\u2029 é ✓ 🕊", "non-ASCII, including JavaScript's line separators"},
		{"bad \xff\xfe bytes", "invalid UTF-8 becomes U+FFFD, as it would on its way into JavaScript"},
	}
	for _, tt := range tests {
		host := document().Call("createElement", "div")
		b := &description{buf: []byte{'['}}
		b.open("p", "pd-x", "title", tt.text)
		b.text(tt.text)
		b.close()
		saved := jsBuild
		jsBuild = build
		b.draw(host)
		jsBuild = saved
		p := host.Get("firstChild")
		want := js.ValueOf(tt.text).String()
		if got := p.Get("textContent").String(); got != want {
			t.Errorf("%s: text %q, want %q", tt.reason, got, want)
		}
		if got := p.Call("getAttribute", "title").String(); got != want {
			t.Errorf("%s: attribute %q, want %q", tt.reason, got, want)
		}
		if n := p.Get("childNodes").Get("length").Int(); n != 1 || p.Get("firstChild").Get("nodeType").Int() != 3 {
			t.Errorf("%s: %d child nodes, want one text node", tt.reason, n)
		}
	}
}

// TestLoaderBuildViewer runs the viewer's own checks of safety and
// keyboard use with the loader's build function.
func TestLoaderBuildViewer(t *testing.T) {
	withBuild(t, loaderBuild(t))
	t.Run("NoMarkupFromText", TestNoMarkupFromText)
	t.Run("Keyboard", TestKeyboard)
	t.Run("Map", TestMap)
	t.Run("SideBySide", TestSideBySide)
	t.Run("Filters", TestFilters)
}

// TestSentinel draws a long row list a chunk at a time, with both
// builders, and checks that one sentinel stays last until every row is in.
func TestSentinel(t *testing.T) {
	oldText, newText := synthPlans(150)
	c, err := Compare(oldText, newText)
	if err != nil {
		t.Fatal(err)
	}
	for _, b := range []struct {
		name  string
		build js.Value
	}{{"direct", js.Undefined()}, {"loader", loaderBuild(t)}} {
		t.Run(b.name, func(t *testing.T) {
			withBuild(t, b.build)
			host := document().Call("createElement", "div")
			document().Get("body").Call("appendChild", host)
			defer host.Call("remove")
			v := newViewer(host, Options{Index: 41, Mode: "side"})
			v.mount(NewPage(c.Result, c.Old, c.New))
			defer v.destroy()
			if len(v.items) <= firstChunk+chunk {
				t.Fatalf("%d items: too few to draw in several chunks", len(v.items))
			}
			for v.drawn < len(v.items) {
				sentinels := all(host, ".pd-sentinel")
				last := v.list.Get("lastElementChild")
				if len(sentinels) != 1 || !sentinels[0].Equal(last) {
					t.Fatalf("%d of %d items drawn: %d sentinels, want one, last in the list", v.drawn, len(v.items), len(sentinels))
				}
				if n := len(all(host, "li[data-pd-row], li.pd-expander")); n != v.drawn {
					t.Fatalf("%d items drawn, %d in the list", v.drawn, n)
				}
				v.drawMore(chunk)
			}
			if n := len(all(host, ".pd-sentinel")); n != 0 {
				t.Errorf("every row drawn, %d sentinels left", n)
			}
		})
	}
}
