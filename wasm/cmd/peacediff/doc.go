// Command peacediff is the WebAssembly viewer. Built with GOOS=js
// GOARCH=wasm and started by the loader peacediff.js, it registers the
// viewer's functions with the loader and then waits for calls; all the
// work happens in package github.com/peacediff/peacediff/wasm.
//
// It only runs in a browser. Build it, with the files a page needs beside
// it, through the build helper:
//
//	go run ./wasm/build -o dist
//
// Run anywhere else, it prints that command and exits with status 2.
package main
