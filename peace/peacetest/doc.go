// Package peacetest generates plan texts for tests and benchmarks: long,
// realistic and deterministic, so that a benchmark at 30,000 clauses means
// the same input on every machine and in every run.
//
// [Plan] writes one plan; [Pair] writes two versions of a plan, the second
// an edit of the first, as a negotiation produces them. Both write the
// canonical format of [peace.Plan.Format] and take a seed: the same n and
// seed give the same bytes, with any Go version (math/rand/v2's PCG).
//
// # Use in benchmarks
//
// Generate the text outside the timed loop and report its size, so that
// results read as throughput:
//
//	func BenchmarkCompare(b *testing.B) {
//		old, new := peacetest.Pair(3000, 1)
//		p, _ := peace.Parse(bytes.NewReader(old))
//		q, _ := peace.Parse(bytes.NewReader(new))
//		b.SetBytes(int64(len(old) + len(new)))
//		for b.Loop() {
//			diff.Compare(p, q)
//		}
//	}
//
// The texts are generated, not drawn from any real negotiation, but their
// parties, places and units are mostly ones the default [peace.Lexicon]
// knows, so facts are found in them as in real plans.
//
// # What a clause looks like
//
// A clause is one to three statements joined with semicolons, 15 to 60
// words in all. A statement has a party as subject, a modal (will, shall,
// may, must, agrees to, is expected to, should), a predicate drawn from the
// vocabulary of peace agreements with places and quantities ("cap its armed
// forces at 600,000 personnel", "provide $100 billion for the reconstruction
// of Kherson", "hold elections within 100 days"), adverbials and, in about
// a third of them, a condition ("if Russia invades Ukraine", "in
// peacetime"). About one clause in seven has sub-points a) to c) under a
// heading ending in a colon, and about one in twenty a short heading
// ("Territory: ..."). A clause averages about 300 bytes: n = 30,000 gives
// about 9 MB.
//
// # The edit model of Pair
//
// The new version is made from the old one clause by clause. Each old
// top-level clause is, independently and with these probabilities:
//
//   - deleted (5%);
//   - reworded (10%): synonyms swapped ("withdraw" → "pull back",
//     "agreement" → "accord") and phrases reordered (a condition moved from
//     the front of its statement to the back or the other way, adverbials
//     shuffled) — the words change, the facts do not;
//   - given a changed number (3%): one quantity gets another value
//     ("600,000 personnel" → "800,000 personnel", "within 100 days" →
//     "within 60 days");
//   - moved (3%) to a random other position;
//   - split (1%) into two clauses, between its statements (a clause of one
//     statement is split between its predicate and its adverbials);
//   - merged (1%) with the clause after it, their statements joined;
//   - otherwise kept as it is.
//
// Then new clauses are inserted at random positions, one for every twenty
// old clauses (5%), and every top-level clause is renumbered from 1 in its
// new order, so that every point after the first insertion or deletion
// changes its number. Sub-points keep their letters. The fates are drawn
// from a generator seeded by the seed alone, so Pair(n, s) is stable.
package peacetest
