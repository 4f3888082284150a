//go:build !js

// Package e2e holds the end-to-end tests of the WebAssembly viewer: they
// build the deployable assets with the local Go toolchain, serve a page that
// embeds the viewer the way the README tells a newsroom to, and drive
// headless Chromium through the DevTools protocol (chromedp).
//
// The package has no code outside its tests. Run them with
//
//	go test ./wasm/e2e
//
// Without a Chromium-like browser the browser tests skip, unless the
// environment variable CI is "true", where they fail. CHROME names the
// browser executable when it is not on PATH; one that is not there fails
// the tests. SCREENSHOT names the PNG file the screenshot test writes, and
//
//	go test ./wasm/e2e -run TestScreenshot -update-screenshot
//
// also refreshes examples/viewer.png, the picture in the README.
// TestTimings logs how fast the viewer is (see .ci/browser-timings).
package e2e
