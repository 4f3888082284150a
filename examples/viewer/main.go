// Command viewer serves a demo page of the peacediff WebAssembly viewer on
// localhost.
//
//	go run ./examples/viewer                 # http://127.0.0.1:8080/
//	go run ./examples/viewer -versions       # the timeline of every bundled plan
//	go run ./examples/viewer -addr :9000
//	go run ./examples/viewer -assets dist    # serve files built by go run ./wasm/build -o dist
//
// The page offers two dropdowns with the bundled plans (package
// examples/plans) and, under "Edit the texts", two text areas for your own
// versions; the viewer below shows what changed. With -versions the page
// shows the history of all bundled plans, oldest first.
//
// At startup the command builds the viewer with the local Go toolchain
// (GOOS=js GOARCH=wasm, through wasm/assets) into a temporary directory, as
// a newsroom would before copying the files to its web server; -assets
// serves a folder built earlier instead. Nothing leaves the machine: the
// comparison runs in the browser.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"html/template"
	"log"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path"
	"path/filepath"
	"strings"
	"syscall"
	"time"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/wasm/assets"
)

func main() {
	addr := flag.String("addr", "127.0.0.1:8080", "`address` to listen on")
	versions := flag.Bool("versions", false, "show the timeline of all bundled plans instead of a pair")
	prebuilt := flag.String("assets", "", "serve the viewer's files from `folder` (written by go run ./wasm/build) instead of building them")
	flag.Usage = func() {
		fmt.Fprintf(flag.CommandLine.Output(), "usage: viewer [-addr host:port] [-versions] [-assets folder]\n\n")
		flag.PrintDefaults()
	}
	flag.Parse()
	if flag.NArg() > 0 {
		flag.Usage()
		os.Exit(2)
	}
	if err := run(*addr, *versions, *prebuilt); err != nil {
		fmt.Fprintln(os.Stderr, "viewer:", err)
		os.Exit(1)
	}
}

func run(addr string, versions bool, dir string) error {
	if dir == "" {
		tmp, err := os.MkdirTemp("", "peacediff-viewer-")
		if err != nil {
			return err
		}
		defer os.RemoveAll(tmp)
		log.Printf("building the viewer (GOOS=js GOARCH=wasm) into %s", tmp)
		start := time.Now()
		if err := assets.Build(tmp); err != nil {
			return fmt.Errorf("building the viewer: %w", err)
		}
		log.Printf("built in %v", time.Since(start).Round(time.Millisecond))
		dir = tmp
	} else if _, err := os.Stat(filepath.Join(dir, assets.WasmFile)); err != nil {
		return fmt.Errorf("no viewer in %s (build it with go run ./wasm/build -o %s): %w", dir, dir, err)
	}

	h, err := newHandler(dir, versions)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := &http.Server{Handler: h, ReadHeaderTimeout: 10 * time.Second}

	// Stop cleanly on Ctrl-C so that the deferred RemoveAll runs.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()

	log.Printf("serving the peacediff demo on http://%s/ (Ctrl-C to stop)", ln.Addr())
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// newHandler serves the demo page at /, the bundled plans at
// /plans/<id>.txt and the viewer's files from dir.
func newHandler(dir string, versions bool) (http.Handler, error) {
	var options []planOption
	for _, id := range plans.IDs() {
		label := id
		if p, err := plans.Load(id); err == nil && p.Title != "" {
			label = id + " — " + p.Title
			if p.Date != "" {
				label += " (" + p.Date + ")"
			}
		}
		options = append(options, planOption{ID: id, Label: label})
	}
	if len(options) < 2 {
		return nil, errors.New("fewer than two bundled plans")
	}
	data := pageData{Plans: options, Old: options[0].ID, New: options[len(options)-1].ID}
	for _, o := range options {
		data.Versions = append(data.Versions, "plans/"+o.ID+".txt")
	}
	if id := "us-28"; hasPlan(options, id) && hasPlan(options, "ua-20") {
		data.Old, data.New = id, "ua-20"
	}
	data.VersionsAttr = strings.Join(data.Versions, " ")

	page := pairPage
	if versions {
		page = versionsPage
	}
	var buf strings.Builder
	if err := page.Execute(&buf, data); err != nil {
		return nil, fmt.Errorf("rendering the demo page: %w", err)
	}
	html := buf.String()

	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		fmt.Fprint(w, html)
	})
	mux.HandleFunc("GET /favicon.ico", func(w http.ResponseWriter, r *http.Request) {
		w.WriteHeader(http.StatusNoContent)
	})
	mux.HandleFunc("GET /plans/{name}", func(w http.ResponseWriter, r *http.Request) {
		name := r.PathValue("name")
		if path.Ext(name) != ".txt" {
			http.NotFound(w, r)
			return
		}
		text, err := plans.Text(strings.TrimSuffix(name, ".txt"))
		if err != nil {
			http.Error(w, err.Error(), http.StatusNotFound)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.Write(text)
	})
	// The viewer's files; the browser always asks again, so a rebuild shows.
	static := http.FileServer(http.Dir(dir))
	mux.HandleFunc("GET /", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		static.ServeHTTP(w, r)
	})
	return mux, nil
}

func hasPlan(options []planOption, id string) bool {
	for _, o := range options {
		if o.ID == id {
			return true
		}
	}
	return false
}

type planOption struct {
	ID, Label string
}

type pageData struct {
	Plans        []planOption
	Old, New     string   // preselected ids
	Versions     []string // plan URLs, oldest first
	VersionsAttr string   // the same, space-separated, for data-versions
}

// head is shared by both pages: the two tags of the embedding contract.
const head = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>peacediff demo</title>
<style>
body { font-family: system-ui, sans-serif; line-height: 1.45; margin: 0 auto; padding: 1.5rem; max-width: 72rem; }
h1 { font-size: 1.4rem; margin: 0 0 .25rem; }
.intro { margin: 0 0 1rem; color: #555; }
.pick { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: end; margin-bottom: 1rem; }
.pick label { display: flex; flex-direction: column; font-size: .9rem; gap: .2rem; }
.pick select { font: inherit; max-width: 32rem; }
details { margin-bottom: 1rem; }
.texts { display: grid; grid-template-columns: 1fr 1fr; gap: 1rem; }
.texts textarea { width: 100%; box-sizing: border-box; min-height: 14rem; font: .85rem/1.4 ui-monospace, monospace; }
@media (max-width: 50rem) { .texts { grid-template-columns: 1fr; } }
@media (prefers-color-scheme: dark) { body { background: #111; color: #eee; } .intro { color: #aaa; } }
</style>
<link rel="stylesheet" href="peacediff.css"><script src="peacediff.js" defer></script>
</head>
`

var pairPage = template.Must(template.New("pair").Parse(head + `<body>
<h1>peacediff</h1>
<p class="intro">Pick two versions of a plan, or paste your own under “Edit the texts”. The comparison runs in your browser.</p>
<form class="pick" id="pick">
  <label>Old version
    <select id="old">{{range .Plans}}<option value="{{.ID}}"{{if eq .ID $.Old}} selected{{end}}>{{.Label}}</option>{{end}}</select>
  </label>
  <label>New version
    <select id="new">{{range .Plans}}<option value="{{.ID}}"{{if eq .ID $.New}} selected{{end}}>{{.Label}}</option>{{end}}</select>
  </label>
  <button type="button" id="swap">Swap</button>
</form>
<details id="edit">
  <summary>Edit the texts</summary>
  <div class="texts">
    <label>Old text<textarea id="old-text" spellcheck="false"></textarea></label>
    <label>New text<textarea id="new-text" spellcheck="false"></textarea></label>
  </div>
  <p><button type="button" id="compare">Compare these texts</button></p>
</details>
<div id="viewer" aria-live="polite"></div>
<script>
"use strict";
(() => {
  const $ = (id) => document.getElementById(id);
  const viewer = $("viewer");
  let view = null;

  async function load(side) {
    const id = $(side).value;
    const r = await fetch("plans/" + encodeURIComponent(id) + ".txt");
    if (!r.ok) throw new Error("cannot load " + id + ": " + r.status);
    $(side + "-text").value = await r.text();
  }

  async function show() {
    await peacediff.ready;
    if (view) { view.destroy(); view = null; }
    try {
      view = await peacediff.render(viewer, { old: $("old-text").value, new: $("new-text").value });
    } catch (e) {
      console.error(e); // the viewer also shows the message in the element
    }
  }

  async function pick() {
    await Promise.all([load("old"), load("new")]);
    await show();
  }

  $("old").addEventListener("change", pick);
  $("new").addEventListener("change", pick);
  $("swap").addEventListener("click", () => {
    const o = $("old").value;
    $("old").value = $("new").value;
    $("new").value = o;
    pick();
  });
  $("compare").addEventListener("click", show);
  window.addEventListener("DOMContentLoaded", pick);
})();
</script>
</body>
</html>
`))

var versionsPage = template.Must(template.New("versions").Parse(head + `<body>
<h1>peacediff: every version</h1>
<p class="intro">The bundled plans, oldest first: {{range $i, $p := .Plans}}{{if $i}} → {{end}}{{$p.Label}}{{end}}.</p>
<div id="viewer" data-peacediff data-versions="{{.VersionsAttr}}"></div>
</body>
</html>
`))
