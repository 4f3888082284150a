// Package html writes a comparison or a history of peace plans as one
// self-contained HTML page: the stylesheet inline, no scripts, no
// external assets, so the file can be mailed, archived or printed as is.
//
// It is a renderer of peacediff's pipeline: it reads the plain data that
// package github.com/peacediff/peacediff/diff computes and nothing else.
// [Write] renders a [diff.Result], [WriteLineage] a [diff.Lineage]:
//
//	r, err := diff.Compare(old, new)
//	if err != nil { ... }
//	err = html.Write(w, r)
//
// # The report page
//
// The page leads with the changes of meaning grouped by topic, each a link
// to its row, then the side-by-side redline with deletions in del and
// insertions in ins elements; runs of unchanged clauses fold away behind a
// details element that opens without any script. The history page shows
// the versions on a timeline with the counts of each comparison, how the
// facts of every topic moved, and one row per clause thread with a column
// per version.
//
// # Accessibility and print
//
// Colour never carries meaning alone: every deletion and insertion also
// has visually hidden text for screen readers, and every row a badge naming
// its kind. The page follows the reader's light or dark setting and prints
// cleanly. The stylesheet and class names are those of the WebAssembly
// viewer (package [style]), so both look the same.
//
// # Escaping
//
// All text from the plans passes through html/template, which escapes it:
// a clause that reads "<script>" is shown, never run. Results that
// [diff.Compare] never makes, as a hand-edited JSON document may hold,
// still give a page rather than a panic.
//
// # Determinism
//
// The same Result or Lineage gives the same bytes, so a page can be
// checked into a repository and compared. The page is built in memory and
// written in one call: a failed render writes nothing, and the only errors
// in practice are those of the writer.
package html
