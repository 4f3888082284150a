// Package assets builds the deployable files of the peacediff WebAssembly
// viewer: the files a newsroom copies next to its article.
//
// # The files
//
// [Build] writes four files into a folder:
//
//	peacediff.wasm  the viewer, compiled with GOOS=js GOARCH=wasm
//	wasm_exec.js    Go's JavaScript support file, copied from the local toolchain
//	peacediff.js    the loader, the one script a page includes
//	peacediff.css   the stylesheet shared with the static HTML report
//
// after which any page embeds a comparison with two tags and a div:
//
//	<link rel="stylesheet" href="peacediff.css"><script src="peacediff.js" defer></script>
//	<div data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>
//
// The constants [WasmFile], [ExecFile], [LoaderFile], [CSSFile] and
// [DemoFile] name the files. The loader ([Loader] returns it) finds the
// others beside itself, so they must stay together in one folder, under
// these names.
//
// # Building and the demonstration site
//
// [Build] runs the go command found on PATH and copies wasm_exec.js from
// that same toolchain, so the script and the binary always match; it takes
// some seconds and must run inside this module or one that requires it.
// [WriteStatic] writes the three files that need no compiling, for tests
// and for servers that build the wasm file themselves. [WriteDemo] adds a
// demonstration page, index.html, and the bundled plans under plans/;
// with the files of Build the folder is a complete static site:
//
//	go run ./wasm/build -o dist -demo
//
// The command wasm/build wraps these functions; end-to-end tests and demo
// servers call them directly. Every function creates the folder if needed,
// overwrites files of the same names and leaves other files alone.
//
// # Errors
//
// Errors start with "assets:" and wrap the cause: a file that cannot be
// written, or the output of a failed go build.
package assets
