// Package plans is the bundled corpus: real versions of the 2025 plans for
// ending the war in Ukraine, written in our own words with every fact kept
// exact (see README.md in this folder for sources). The texts are embedded,
// so the examples and tests need nothing outside the module.
//
// # The plans
//
// [IDs] lists them oldest first:
//
//	us-28       the United States' 28-point draft framework, 20 November 2025
//	eu-24       the European 24-point plan, 23 November 2025 (points 1 to 15)
//	eu-counter  the British, French and German counter-proposal to us-28, 23 November 2025
//	ua-20       the 20-point Kyiv–Washington framework, 24 December 2025
//
// Each is a paraphrase, not the published wording: numbers and units,
// parties, places, modal verbs, negations and conditions are those
// reported, while the sentences are ours. Numbering and sub-points follow
// the reported originals, gaps included. Each file's source header names
// the outlets that reported it.
//
// # Use
//
// [Load] returns a parsed [peace.Plan], ready for package
// github.com/peacediff/peacediff/diff; [Text] returns the raw text, to
// parse with a [peace.Parser] of your own or to serve to the viewer. The
// texts are in the plain-text format that [peace.Parse] reads, and the
// package tests check that every one parses, in date order.
package plans
