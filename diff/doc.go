// Package diff computes textual and semantic differences between versions
// of a plan parsed by package github.com/peacediff/peacediff/peace.
//
// It is the second stage of peacediff's pipeline: [Compare] takes two
// [peace.Plan] values and returns a [Result], plain data that every
// renderer reads (the writers here, the static report in package
// github.com/peacediff/peacediff/diff/html and the WebAssembly viewer);
// [History] does the same across any number of versions.
//
// # Word-level edits
//
// [Words] returns the edits that turn one text into another, word by word,
// as a careful human would mark a redline. It tokenizes both texts itself
// (words, numbers with their separators such as "600,000", punctuation),
// maps each token to one rune and diffs the rune strings with
// github.com/sergi/go-diff, which stays a private detail: its timeout is
// off, so the answer never depends on machine load. The Equal and Delete
// texts of the edits always concatenate to the old text, Equal and Insert
// to the new one.
//
// # Alignment
//
// Diffing two whole documents is quadratic once edits are spread through
// them, and a line diff of a renumbered plan marks every line. [Compare]
// aligns clauses first and diffs inside aligned pairs: identical points
// pair first; the rest are scored by the weighted cosine of their
// informative words, with candidates drawn from an inverted index rather
// than all pairs; points left between two paired neighbours pair on a lower
// bar; then splits and merges are found among what is left, and matches off
// the longest increasing subsequence are marked moved.
//
// Top-level points are aligned on their whole text. When two paired points
// both have sub-points, the sub-points are aligned in matches of their own
// ("10.a" → "10.a"), listed right after the parent's match, and the
// parent's match compares only its own heading and text. In every other
// case (one side has no sub-points, or the match is a split, merge,
// addition or removal) the match covers the whole points and no match names
// their sub-points. Either way a point's changes compare the facts of its
// whole subtree, so the changes of a sub-point also show at its parent.
// Every clause of both plans is named in exactly one match or covered by
// one ancestor's match.
//
// # What counts as a change of meaning
//
// Each side's [peace.Facts] are compared fact by fact, and each difference
// becomes one [Change]: a quantity or duration that changed, appeared or
// went; a modal verb ("will" → "may"); negation; a party, place, topic or
// condition added or removed. A match whose words changed but whose facts
// did not is [Reworded], never [Amended]: a translation or an editor's
// polish is not an amendment.
//
// # The JSON contract
//
// A [Result] marshals with encoding/json to the document below;
// [Result.WriteJSON] (indented) and [Result.AppendJSON] (compact) write the
// same bytes without encoding/json, which keeps it out of the browser
// viewer. Field names are public API and change only with a version bump.
// The same inputs give byte-identical JSON.
//
//	{
//	  "old": {"id": "us-28", "title": "...", "date": "2025-11-20", "clauses": 28},
//	  "new": {"id": "ua-20", "title": "...", "date": "2025-12-24", "clauses": 20},
//	  "matches": [
//	    {"kind": "amended", "old": ["6"], "new": ["4"], "similarity": 0.19,
//	     "moved": false, "renumbered": true, "topics": ["armed-forces"],
//	     "edits": [{"op": "equal", "text": "..."}, {"op": "delete", "text": "..."}, {"op": "insert", "text": "..."}],
//	     "changes": [{"kind": "quantity", "before": "600000 personnel", "after": "800000 personnel"},
//	                 {"kind": "condition-added", "after": "in peacetime"}]}
//	  ],
//	  "summary": {"unchanged": 0, "reworded": 4, "amended": 17, "split": 0, "merged": 0,
//	              "added": 5, "removed": 15, "moved": 1},
//	  "topics": [{"id": "armed-forces", "label": "Armed forces"}, ...]
//	}
//
// The kinds are listed with [Kind] and [ChangeKind]. "topics" labels each
// topic id the matches name, from the lexicon of the comparison, so that a
// custom lexicon's labels travel with the result ([Result.TopicLabel]).
// [Lineage] documents the JSON of a [History].
//
// # Options, limits and errors
//
// [Compare] and [History] take options: [WithLexicon] reads facts with the
// vocabulary of another negotiation, [WithContext] and [WithDeadline] bound its time,
// and [MaxClauses] and [MaxBytes] bound its input ([DefaultMaxClauses] and
// [DefaultMaxBytes] unless set). The answer is complete or an error: past
// a size limit Compare returns an error wrapping [ErrTooLarge], and when
// the context ends first one wrapping the context's error, such as
// [context.DeadlineExceeded]; it never returns a partial or degraded
// result, and the result never depends on machine load. Errors start
// with "diff:". A [Result] is plain data, safe to read from many
// goroutines, and Compare is safe to call concurrently.
//
// # Output
//
// [Result.WriteText] leads with the changes of meaning grouped by topic,
// then a line of counts, then the clause-by-clause redline (in colour on a
// terminal when asked). [Result.WriteMarkdown] and [Result.WriteJSON] write
// the other formats; [Lineage] has the same three writers.
package diff
