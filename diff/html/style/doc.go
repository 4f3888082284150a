// Package style holds the one stylesheet shared by peacediff's renderers:
// the static HTML report (package github.com/peacediff/peacediff/diff/html)
// and the WebAssembly viewer (package github.com/peacediff/peacediff/wasm).
// [CSS] is the sheet itself; a renderer inlines it or serves it as
// peacediff.css.
//
// # Class names
//
// Every class starts with "pd-" and every rule is scoped under [Root], so the
// sheet never restyles the host page. The constants of this package are the
// contract between the stylesheet and the renderers: a renderer writes these
// names and nothing else. The kind classes ([Unchanged], [Reworded],
// [Amended], [Split], [Merged], [Added], [Removed]) are "pd-" followed by the
// diff.Kind string, so [KindClass] builds them from a kind without importing
// package diff.
//
// # Colour
//
// Deletions are red, insertions green, amendments amber, moves violet and
// unchanged text grey. Colour never stands alone: the renderers also write a
// symbol or a word (and visually hidden text for screen readers, class
// [SROnly]). Foreground and background pairs keep a contrast ratio of at
// least 4.5:1 in the light and the dark (prefers-color-scheme) palette.
//
// # Layout
//
// Text inherits the host page's font. Side-by-side rows stack on narrow
// screens, a print stylesheet drops the controls, and focus is always visible.
package style
