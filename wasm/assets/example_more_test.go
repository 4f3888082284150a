package assets_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"log"
	"net/http"
	"os"

	"github.com/peacediff/peacediff/wasm/assets"
)

// Build compiles the viewer (it takes some seconds, so this example is
// compiled but not run), after which the folder can be served as is.
func ExampleBuild() {
	dir := "site"
	if err := assets.Build(dir); err != nil {
		log.Fatal(err)
	}
	if err := assets.WriteDemo(dir); err != nil {
		log.Fatal(err)
	}
	log.Fatal(http.ListenAndServe("localhost:8080", http.FileServer(http.Dir(dir))))
}

// WriteDemo writes the demonstration page and the bundled plans it opens.
func ExampleWriteDemo() {
	dir, err := os.MkdirTemp("", "peacediff-demo-")
	if err != nil {
		log.Fatal(err)
	}
	defer os.RemoveAll(dir)
	if err := assets.WriteDemo(dir); err != nil {
		log.Fatal(err)
	}
	err = fs.WalkDir(os.DirFS(dir), ".", func(path string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			fmt.Println(path)
		}
		return err
	})
	if err != nil {
		log.Fatal(err)
	}
	// Output:
	// index.html
	// plans/eu-24.txt
	// plans/eu-counter.txt
	// plans/ua-20.txt
	// plans/us-28.txt
}

// Loader returns the script a page includes; a server that builds its
// own folder can write it under the name [assets.LoaderFile].
func ExampleLoader() {
	js := assets.Loader()
	fmt.Println(assets.LoaderFile, bytes.Contains(js, []byte("data-peacediff")))
	// Output:
	// peacediff.js true
}

// DemoPage returns index.html, which loads the viewer's files by their
// names in this package, so they must sit in the same folder.
func ExampleDemoPage() {
	page := assets.DemoPage()
	for _, name := range []string{assets.LoaderFile, assets.CSSFile} {
		fmt.Println(name, bytes.Contains(page, []byte(`"`+name+`"`)))
	}
	// Output:
	// peacediff.js true
	// peacediff.css true
}
