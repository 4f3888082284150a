// Tutorial 5: embed the viewer in a page of your own.
//
//	go run ./examples/05-embed                     # build the site into ./site
//	go run ./examples/05-embed -dir public         # into another folder
//	go run ./examples/05-embed -serve localhost:8000  # build, then serve it
//
// It builds the viewer's files with wasm/assets, adds two plan texts and an
// index.html that embeds a comparison with a stylesheet link, a script tag
// and a div, and prints how to serve the folder. Everything runs in the
// reader's browser: no server code, nothing uploaded.
package main

import (
	"errors"
	"flag"
	"fmt"
	"html/template"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path/filepath"

	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/wasm/assets"
)

func main() {
	if err := run(os.Stdout, os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "05-embed:", err)
		os.Exit(1)
	}
}

// snippet is all a page needs: the stylesheet, the loader, and a div per
// comparison. data-old and data-new are URLs of plan texts (relative to the
// page here); data-versions="a.txt b.txt c.txt" would show a history
// instead, and data-mode="map" would open on the map tab.
const snippet = `<link rel="stylesheet" href="peacediff.css">
<script src="peacediff.js" defer></script>
<div data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>`

// page is index.html: an article that shows the snippet as code, uses it,
// and lists the plan texts. html/template escapes the snippet and the texts
// where they are shown as text; template.HTML marks the one place where the
// snippet is meant to be markup.
var page = template.Must(template.New("index.html").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Our article: what changed in the plan</title>
<style>
  body { font-family: Georgia, serif; max-width: 60em; margin: 0 auto; padding: 1em; }
  pre { background: #f4f4f6; color: #1b1b1f; padding: 0.8em; overflow-x: auto; white-space: pre-wrap; }
</style>
</head>
<body>
<h1>What changed between the 28-point draft and the 20-point plan</h1>
<p>The comparison below is drawn by the peacediff viewer, in your browser.
It takes three lines of HTML:</p>
<pre><code>{{.Snippet}}</code></pre>
{{.Markup}}
<h2>The texts compared</h2>
{{range .Plans}}<details><summary>{{.Name}}</summary><pre>{{.Text}}</pre></details>
{{end}}</body>
</html>
`))

// A planFile is one plan text the page links to.
type planFile struct {
	Name string // path relative to the page, such as "plans/us-28.txt"
	Text string
}

// run builds the site into the folder given by -dir, lists its files on w,
// and serves it when -serve is set.
func run(w io.Writer, args []string) error {
	flags := flag.NewFlagSet("05-embed", flag.ContinueOnError)
	flags.SetOutput(w)
	dir := flags.String("dir", "site", "build the site into `folder`")
	serve := flags.String("serve", "", "after building, serve the folder on `address`, such as localhost:8000")
	if err := flags.Parse(args); errors.Is(err, flag.ErrHelp) {
		return nil // -h: the flags were printed to w
	} else if err != nil {
		return err
	}
	if flags.NArg() > 0 {
		return errors.New("usage: 05-embed [-dir folder] [-serve address]")
	}

	// 1. The viewer's four files: peacediff.wasm (compiled now with the
	// local Go toolchain, GOOS=js GOARCH=wasm), wasm_exec.js, the loader
	// peacediff.js and the stylesheet peacediff.css.
	if err := assets.Build(*dir); err != nil {
		return err
	}

	// 2. The texts to compare, next to the page.
	var texts []planFile
	for _, id := range []string{"us-28", "ua-20"} {
		b, err := plans.Text(id)
		if err != nil {
			return err
		}
		texts = append(texts, planFile{Name: "plans/" + id + ".txt", Text: string(b)})
	}
	if err := os.MkdirAll(filepath.Join(*dir, "plans"), 0o755); err != nil {
		return err
	}
	for _, p := range texts {
		if err := os.WriteFile(filepath.Join(*dir, filepath.FromSlash(p.Name)), []byte(p.Text), 0o644); err != nil {
			return err
		}
	}

	// 3. The page itself.
	f, err := os.Create(filepath.Join(*dir, "index.html"))
	if err != nil {
		return err
	}
	err = page.Execute(f, map[string]any{
		"Snippet": snippet,
		"Markup":  template.HTML(snippet), // trusted: our own constant
		"Plans":   texts,
	})
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return err
	}

	// What we built, in a stable order (WalkDir goes in lexical order).
	fmt.Fprintf(w, "built %s:\n", *dir)
	err = filepath.WalkDir(*dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		rel, err := filepath.Rel(*dir, path)
		fmt.Fprintf(w, "  %s\n", filepath.ToSlash(rel))
		return err
	})
	if err != nil {
		return err
	}

	// The browser must fetch the files over HTTP (not file://), and the
	// server must send peacediff.wasm as application/wasm; Python's and
	// Go's file servers both do.
	if *serve == "" {
		fmt.Fprintf(w, "\nserve the folder with any static web server, for example:\n")
		fmt.Fprintf(w, "  python3 -m http.server 8000 --directory %s\n", *dir)
		fmt.Fprintf(w, "  go run ./examples/05-embed -dir %s -serve localhost:8000\n", *dir)
		fmt.Fprintf(w, "then open http://localhost:8000/\n")
		return nil
	}
	fmt.Fprintf(w, "\nserving %s on http://%s/ (Ctrl-C to stop)\n", *dir, *serve)
	return http.ListenAndServe(*serve, http.FileServer(http.Dir(*dir)))
}
