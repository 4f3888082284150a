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
// JSON (a [Plan] as encoding/json writes it); see [Parse] for the variants
// and for what counts as an error. Bad input gives a [*ParseError] with a
// line and column, or [ErrTooLarge] past the size limit of a [Parser].
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
package peace
