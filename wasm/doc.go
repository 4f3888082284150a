// Package wasm is the peacediff viewer that runs in the browser: an
// interactive "what changed" view of a [diff.Result], drawn into any element
// of a host page with honnef.co/go/js/dom/v2.
//
// # Embedding
//
// Readers never call this package. A page includes the loader and the
// stylesheet that the build helper writes (see package
// github.com/peacediff/peacediff/wasm/assets), and marks a div:
//
//	<link rel="stylesheet" href="peacediff.css"><script src="peacediff.js" defer></script>
//	<div data-peacediff data-old="plans/us-28.txt" data-new="plans/ua-20.txt"></div>
//
// The loader starts the program in wasm/cmd/peacediff, whose main calls
// Register (built only for GOOS=js GOARCH=wasm); from then on the JavaScript global peacediff (compare,
// history, render) calls into this package.
//
// render(el, input, options) draws two texts ({old, new}), several
// versions ({versions}) or a comparison made before ({result}: the object
// compare() returns, or its JSON text, which the loader parses). The Go side
// reads that object field by field, with no JSON decoder in the program; a
// value that is not a comparison, or holds an unknown kind, gives an error
// that names its path ("peacediff: result.matches[3].old[0]: want a string,
// got a number"), which the loader shows inside the element.
//
// # What the reader sees
//
// A header with both titles and the counts of each kind of change, then four
// tabs: Meaning (the changes of meaning grouped by topic, each a link to its
// row), Side by side (aligned rows with word-level deletions and
// insertions), Inline (one-column redline) and Map (old numbers on the left,
// new on the right, a band for each match). Filters by kind and topic, a
// "changes of meaning only" switch, a search box and collapsed runs of
// unchanged points narrow the rows; n/j and p/k step through the changes;
// #pd-<viewer>-<path> links to a row. With several versions a timeline picks
// the pair to compare.
//
// # Safety
//
// Document text reaches the page only as text nodes (textContent and
// createTextNode); no markup is ever parsed from a string.
//
// # Speed
//
// Every JavaScript value the Go side holds costs it a finalizer, so the
// viewer does not make elements one call at a time: it describes a chunk of
// rows as JSON (tags, classes, attributes and text) and the loader's small
// build function creates them with createElement and createTextNode in one
// call. Rows are drawn a screenful first and the rest as the reader
// scrolls; the map is drawn when its tab opens. The last comparison is
// kept, so that rendering the texts just compared does not compare them
// again. A short comparison runs while the program starts: browsers compile
// WebAssembly functions on their first call, so this makes the program
// ready some 150 ms later and the reader's first comparison and view about
// as much sooner.
//
// # Layout of the package
//
// The view model (rows, chips, topic groups, filters, the map's geometry) is
// plain Go without build tags, so it is tested with an ordinary go test.
// The files tagged js && wasm turn it into DOM nodes and are tested in
// headless Chromium:
//
//	GOOS=js GOARCH=wasm go test -exec wasmbrowsertest ./wasm/
package wasm
