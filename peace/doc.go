// Package peace models the clauses of a negotiated text, such as a peace
// plan, and extracts the facts each clause states.
//
// It is the first stage of peacediff's pipeline: text goes in through
// [Parse], comes out as a [Plan] of hierarchical [Clause] values, and a
// [Lexicon] reads the [Facts] of each clause. Package
// github.com/peacediff/peacediff/diff compares two plans built here.
//
// # Plans and clauses
//
// A [Plan] holds header metadata (ID, Title, Date, Authors, Source and any
// other header fields, in order) and its top-level points. A [Clause] has the
// label printed before it ("10", "b"), an optional heading, its own text and
// its sub-points. [Clause.Path] joins the labels from the top down: "10.b".
// [Plan.All] visits every clause depth first.
//
// # The text format
//
// [Parse] reads the canonical format that [Plan.Format] writes:
//
//	title: United States 28-point draft framework
//	id: us-28
//	date: 2025-11-20
//
//	1. The sovereignty of Ukraine will be confirmed.
//	10. Guarantee provided by the United States:
//	   a) The United States will be compensated for providing the guarantee.
//
// It also reads what people paste from web pages, Markdown ordered lists and
// JSON (a [Plan] as encoding/json writes it); see [Parser.Parse] for the
// variants and for what counts as an error.
//
// # Facts
//
// [Lexicon.Annotate] reads a clause's quantities with their units, deadlines,
// strongest modal verb, negation, conditions, parties, places and topics,
// each in a canonical form, so that "capped at 600,000 personnel" and
// "limited to 600,000 troops" give equal [Facts]. The lexicon is data:
// [DefaultLexicon] covers the parties and places of the Russia–Ukraine
// negotiations and the vocabulary of peace agreements; [LoadLexicon] and
// [Lexicon.Merge] extend it to any other negotiation.
//
// # Errors and limits
//
// Bad input gives an error, never a panic or a hang. A [*ParseError]
// carries the line and column of the problem; errors.As finds it through
// any wrapping. A [Parser] bounds the size of its input, the depth of
// nesting and the number of clauses ([DefaultMaxBytes], [DefaultMaxDepth]
// and [DefaultMaxClauses] unless set); past the size limit the error wraps
// [ErrTooLarge]. Parsing takes time and memory linear in the input,
// however it is shaped.
//
// # Concurrency
//
// Plans and clauses are plain data, safe to read from many goroutines.
// [Lexicon.Annotate] and [Lexicon.AnnotateText] are safe for concurrent
// use; changing a lexicon, with [Lexicon.Merge] or by hand, is not.
package peace
