package peace

import (
	"slices"
	"sort"
	"strings"
	"sync"
)

// Annotate returns the facts of the clause's own heading and text, not of
// its sub-points; see [Lexicon.AnnotateText] for what is read and how.
func (l *Lexicon) Annotate(c *Clause) Facts {
	switch {
	case c.Heading == "":
		return l.AnnotateText(c.Text)
	case c.Text == "":
		return l.AnnotateText(c.Heading)
	}
	return l.AnnotateText(c.Heading + ": " + c.Text)
}

// AnnotateText returns the facts of one clause's text:
//
//   - Quantities: numbers with a unit, in canonical form ("600,000 troops"
//     is 600000 personnel, "$100 billion" is 1e11 usd, "50:50" a ratio of
//     50, "ten years" 10 years). See numbers.go for what is not a quantity.
//   - Deadlines: the lexicon's deadlines without a number ("immediately").
//   - Modality: the strongest modal phrase that is not inside a condition,
//     by the order of the lexicon's modals. Voice and wording do not change
//     it: "will be capped" and "will stay at" are both "will".
//   - Negated: whether a commitment is negated: a negation word just after
//     a modal phrase ("will not", "agrees to raise no claims"), before it
//     in the same clause part ("no guarantees will apply"), a negated
//     modal phrase ("agrees not to"), or, in a clause with no modal, "not"
//     after an auxiliary ("are not ruled out") or "no" opening a clause
//     part. "Without" is no negation.
//   - Conditions: from a trigger ("if", "once", "until") to the end of its
//     clause part (the next ",", ";", ":", ".", "then" or "so that"), lower
//     case, spaces collapsed; and the lexicon's whole condition phrases
//     ("in peacetime").
//   - Parties, Places: canonical names; Topics: topic IDs.
//
// Every slice is sorted and free of duplicates (quantities by unit, then
// value; one quantity per value and unit, with the text of the first).
func (l *Lexicon) AnnotateText(s string) Facts {
	m := l.matcher()
	sc := scratchPool.Get().(*scratch)
	defer scratchPool.Put(sc)
	sc.reset(s)
	return m.annotate(s, sc)
}

// A scratch holds the buffers of one annotation, reused across calls.
type scratch struct {
	toks    []token
	used    []bool // token belongs to a quantity
	inCond  []bool // token belongs to a condition
	grammar []span
	parties []int32
	places  []int32
	topics  []int32
}

// A span is a matched phrase: toks[i:j] and what it stands for.
type span struct {
	i, j int
	h    *hit
}

var scratchPool = sync.Pool{New: func() any { return new(scratch) }}

func (sc *scratch) reset(s string) {
	sc.toks = tokenize(sc.toks[:0], s)
	n := len(sc.toks)
	sc.used = resize(sc.used, n)
	sc.inCond = resize(sc.inCond, n)
	sc.grammar = sc.grammar[:0]
	sc.parties = sc.parties[:0]
	sc.places = sc.places[:0]
	sc.topics = sc.topics[:0]
}

func resize(b []bool, n int) []bool {
	if cap(b) < n {
		return make([]bool, n)
	}
	b = b[:n]
	clear(b)
	return b
}

func (m *matcher) annotate(text string, sc *scratch) Facts {
	var f Facts
	toks := sc.toks
	f.Quantities = m.quantities(nil, text, toks, sc.used)
	m.phrases(text, sc)
	m.conditions(text, sc, &f)
	m.modality(sc, &f)
	f.Parties = names(m.parties, sc.parties)
	f.Places = names(m.places, sc.places)
	f.Topics = names(m.topics, sc.topics)
	f.Quantities = sortQuantities(f.Quantities)
	f.Deadlines = sortUnique(f.Deadlines)
	f.Conditions = sortUnique(f.Conditions)
	return f
}

// phrases walks the trie from every token: topics are all kept; parties
// and places (entities) and grammar phrases (modals, deadlines,
// conditions) each take the longest match and skip what it covers.
func (m *matcher) phrases(text string, sc *scratch) {
	toks := sc.toks
	entityUntil, grammarUntil := 0, 0
	for i := range toks {
		n := &m.root
		entEnd, grEnd := i, i
		var entNode *node
		var grHit *hit
		for j := i; j < len(toks); j++ {
			n = n.child(&toks[j])
			if n == nil {
				break
			}
			for k := range n.hits {
				h := &n.hits[k]
				switch h.kind {
				case hitTopic:
					if h.valid(text, toks, i) {
						sc.topics = append(sc.topics, h.idx)
					}
				case hitParty, hitPlace:
					if h.valid(text, toks, i) {
						entEnd, entNode = j+1, n
					}
				default:
					if grEnd < j+1 {
						grEnd, grHit = j+1, h
					}
				}
			}
		}
		if entNode != nil && i >= entityUntil && !sc.used[i] {
			m.entity(text, sc, i, entNode)
			entityUntil = entEnd
		}
		if grHit != nil && i >= grammarUntil {
			sc.grammar = append(sc.grammar, span{i, grEnd, grHit})
			grammarUntil = grEnd
		}
	}
}

// placePrepositions make an alias that names both a party and a place a
// place: "a missile at Moscow", "based in Poland".
var placePrepositions = map[string]bool{
	"at": true, "in": true, "on": true, "to": true, "from": true, "near": true,
	"into": true, "towards": true, "toward": true, "around": true, "over": true,
	"across": true, "outside": true, "inside": true, "within": true,
	"through": true, "via": true, "beyond": true,
}

// entity records the parties and places of the phrase starting at
// toks[i] and ending at node n.
func (m *matcher) entity(text string, sc *scratch, i int, n *node) {
	party, place := false, false
	for k := range n.hits {
		h := &n.hits[k]
		if h.valid(text, sc.toks, i) {
			party = party || h.kind == hitParty
			place = place || h.kind == hitPlace
		}
	}
	if party && place {
		atPlace := i > 0 && placePrepositions[sc.toks[i-1].norm]
		party, place = !atPlace, atPlace
	}
	for k := range n.hits {
		h := &n.hits[k]
		if !h.valid(text, sc.toks, i) {
			continue
		}
		switch {
		case h.kind == hitParty && party:
			sc.parties = append(sc.parties, h.idx)
		case h.kind == hitPlace && place:
			sc.places = append(sc.places, h.idx)
		}
	}
}

// conditions reads the conditions and deadlines of the grammar phrases and
// marks the tokens of conditions in sc.inCond.
func (m *matcher) conditions(text string, sc *scratch, f *Facts) {
	toks := sc.toks
	for _, g := range sc.grammar {
		switch g.h.kind {
		case hitDeadline:
			f.Deadlines = append(f.Deadlines, m.deadlines[g.h.idx])
		case hitConditionPhrase:
			f.Conditions = append(f.Conditions, asciiLower(m.condPhrases[g.h.idx]))
			for k := g.i; k < g.j; k++ {
				sc.inCond[k] = true
			}
		case hitCondition:
			if sc.inCond[g.i] || notCondition(toks, g.i, g.j) {
				continue
			}
			end := conditionEnd(toks, g.j)
			if end == g.j {
				continue
			}
			f.Conditions = append(f.Conditions, cleanCondition(text[toks[g.i].s:toks[end-1].e]))
			for k := g.i; k < end; k++ {
				sc.inCond[k] = true
			}
		}
	}
}

// notCondition reports whether the trigger toks[i:j] is used in another
// sense: "once again", "once more", "after all".
func notCondition(toks []token, i, j int) bool {
	if j >= len(toks) {
		return true
	}
	switch toks[i].norm + " " + toks[j].norm {
	case "once again", "once more", "after all":
		return true
	}
	return false
}

// conditionEnd returns the end of the clause part that starts at toks[j].
func conditionEnd(toks []token, j int) int {
	for k := j; k < len(toks); k++ {
		if partBoundary(toks, k) {
			return k
		}
		switch toks[k].norm {
		case "then", "whereas":
			return k
		case "so":
			if k+1 < len(toks) && (toks[k+1].norm == "that" || toks[k+1].norm == "as") {
				return k
			}
		case "in":
			if k+1 < len(toks) && toks[k+1].norm == "order" {
				return k
			}
		}
	}
	return len(toks)
}

// partBoundary reports whether toks[k] is punctuation that ends a clause
// part. A full stop after a one- or two-letter word ("U.S.", "St.") or
// glued to the next word is an abbreviation's.
func partBoundary(toks []token, k int) bool {
	t := &toks[k]
	if t.kind != tokPunct {
		return false
	}
	switch t.norm {
	case ",", ";", ":", "!", "?", "(", ")", "[", "]", "—", "–", "…":
		return true
	case ".":
		if k > 0 && toks[k-1].kind == tokWord && len(toks[k-1].norm) <= 2 {
			return false
		}
		return k+1 >= len(toks) || toks[k+1].space
	}
	return false
}

// cleanCondition lower-cases the first word of a condition, collapses its
// spaces and trims punctuation from its end.
func cleanCondition(s string) string {
	words := strings.Fields(s)
	if len(words) == 0 {
		return ""
	}
	// The trigger word may open a sentence ("If"); names keep their
	// capitals ("if Ukraine invades Russia").
	words[0] = strings.ToLower(words[0])
	s = strings.Join(words, " ")
	return strings.TrimRight(s, ".,;:!?)(]['\"’”")
}

// notModal are words before a modal word that make it a noun: "political
// will", "a can". ("Military" is not one: "the military will withdraw".)
var notModal = map[string]bool{
	"the": true, "a": true, "an": true, "political": true, "good": true,
	"free": true, "ill": true, "their": true, "its": true, "his": true,
	"her": true, "our": true, "your": true, "own": true,
}

// modality sets f.Modality to the strongest modal outside conditions and
// f.Negated when any modal commitment, or with none the main verb, is
// negated.
func (m *matcher) modality(sc *scratch, f *Facts) {
	toks := sc.toks
	best := -1
	for _, g := range sc.grammar {
		if g.h.kind != hitModal || !m.isModal(sc, g) {
			continue
		}
		if best < 0 || int(g.h.idx) < best {
			best = int(g.h.idx)
		}
		if g.h.neg || m.negatedAfter(toks, g.j) || m.negatedBefore(toks, g.i) {
			f.Negated = true
		}
	}
	if best >= 0 {
		f.Modality = m.modals[best]
		return
	}
	f.Negated = m.negatedPlain(sc)
}

// isModal reports whether the modal phrase g is used as one: outside a
// condition, not a noun ("political will") and not the month ("9 May").
func (m *matcher) isModal(sc *scratch, g span) bool {
	toks := sc.toks
	if sc.inCond[g.i] {
		return false
	}
	if g.i > 0 && notModal[toks[g.i-1].norm] {
		return false
	}
	if toks[g.i].norm == "may" {
		prevNum := g.i > 0 && toks[g.i-1].kind == tokNum
		nextNum := g.i+1 < len(toks) && toks[g.i+1].kind == tokNum
		if prevNum || nextNum {
			return false
		}
	}
	return true
}

// negatedAfter reports whether a negation follows a modal phrase that ends
// before toks[j], within three words of the same clause part: "will not",
// "will never", "agrees to raise no claims".
func (m *matcher) negatedAfter(toks []token, j int) bool {
	for k := j; k < len(toks) && k < j+3; k++ {
		if partBoundary(toks, k) {
			return false
		}
		if m.isNegation(toks, k) {
			return true
		}
	}
	return false
}

// negatedBefore reports whether a negation opens the clause part of the
// modal phrase that starts at toks[i]: "no security guarantees will apply".
func (m *matcher) negatedBefore(toks []token, i int) bool {
	for k := i - 1; k >= 0 && k >= i-6; k-- {
		if partBoundary(toks, k) {
			return false
		}
		switch toks[k].norm {
		case "and", "but", "or", "that", "which", "who", "if":
			return false
		}
		if m.isNegation(toks, k) {
			return true
		}
	}
	return false
}

// isNegation reports whether toks[k] is a negation word used as one: not
// "no later than", "not only".
func (m *matcher) isNegation(toks []token, k int) bool {
	if !m.negations[toks[k].norm] {
		return false
	}
	if k+1 < len(toks) {
		switch toks[k+1].norm {
		case "later", "longer", "less", "more", "fewer", "sooner", "only", "doubt":
			return false
		}
	}
	return true
}

// auxiliaries are the verbs a plain (modal-free) negation follows.
var auxiliaries = map[string]bool{
	"is": true, "are": true, "was": true, "were": true, "be": true, "been": true,
	"do": true, "does": true, "did": true, "has": true, "have": true, "had": true,
}

// negatedPlain reports whether a clause with no modal negates its verb:
// "are not ruled out", "No restrictions are imposed", "never joins".
func (m *matcher) negatedPlain(sc *scratch) bool {
	toks := sc.toks
	for k := range toks {
		if sc.inCond[k] || !m.isNegation(toks, k) {
			continue
		}
		switch toks[k].norm {
		case "never":
			return true
		case "not":
			if k > 0 && auxiliaries[toks[k-1].norm] {
				return true
			}
		default:
			if k == 0 || partBoundary(toks, k-1) && toks[k-1].norm != "(" || toks[k-1].norm == "and" || toks[k-1].norm == "but" {
				return true
			}
		}
	}
	return false
}

// names returns the sorted, unique names of the given indexes.
func names(table []string, idx []int32) []string {
	if len(idx) == 0 {
		return nil
	}
	out := make([]string, 0, len(idx))
	for _, i := range idx {
		out = append(out, table[i])
	}
	return sortUnique(out)
}

func sortUnique(s []string) []string {
	if len(s) == 0 {
		return nil
	}
	slices.Sort(s)
	return slices.Compact(s)
}

// sortQuantities sorts by unit, then value, and keeps the first quantity
// of each unit and value.
func sortQuantities(qs []Quantity) []Quantity {
	if len(qs) == 0 {
		return nil
	}
	if len(qs) == 1 {
		return qs
	}
	sort.SliceStable(qs, func(i, j int) bool {
		a, b := qs[i], qs[j]
		if a.Unit != b.Unit {
			return a.Unit < b.Unit
		}
		return a.Value < b.Value
	})
	return slices.CompactFunc(qs, func(a, b Quantity) bool { return a.Unit == b.Unit && a.Value == b.Value })
}
