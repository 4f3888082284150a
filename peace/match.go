package peace

import (
	"slices"
	"unicode"
)

// What a phrase of the lexicon stands for.
const (
	hitParty = iota
	hitPlace
	hitTopic
	hitModal
	hitDeadline
	hitCondition       // a condition trigger: "if", "provided that"
	hitConditionPhrase // a whole condition: "in peacetime"
	hitUnit
)

// A hit is what a matched phrase stands for: the kind of fact and the
// index of the entry in the matcher's tables.
type hit struct {
	kind  uint8
	neg   bool     // a negated modal phrase: "agrees not to"
	idx   int32    // into the table of the kind
	exact []string // for case-sensitive aliases, the tokens as written
}

// A node is a state of the token trie: the phrases that end here and the
// tokens that continue one.
type node struct {
	next map[string]*node
	hits []hit
}

// A matcher is a Lexicon compiled for matching: one token trie for every
// phrase kind, so that reading a clause needs one map look-up per token at
// the root and a walk only where a phrase may start.
type matcher struct {
	root       node // parties, places, topics, modals, deadlines, conditions
	unitAfter  node // unit words after a number
	unitBefore node // unit prefixes before a number

	parties, places, topics []string
	modals, deadlines       []string
	condPhrases             []string
	units                   []UnitEntry
	negations               map[string]bool
	quantityStart           map[string]bool // words that may start a quantity: number words, unit prefixes
}

func compile(l *Lexicon) *matcher {
	m := &matcher{negations: make(map[string]bool)}
	addTerms := func(ts []Term, kind uint8) []string {
		names := make([]string, len(ts))
		for i, t := range ts {
			names[i] = t.Name
			h := hit{kind: kind, idx: int32(i)}
			m.root.add(t.Name, h, false)
			for _, a := range t.Aliases {
				m.root.add(a, h, false)
			}
			for _, a := range t.Exact {
				m.root.add(a, h, true)
			}
		}
		return names
	}
	m.parties = addTerms(l.Parties, hitParty)
	m.places = addTerms(l.Places, hitPlace)
	m.deadlines = addTerms(l.Deadlines, hitDeadline)
	for i, t := range l.Topics {
		m.topics = append(m.topics, t.ID)
		h := hit{kind: hitTopic, idx: int32(i)}
		for _, k := range t.Keywords {
			m.root.add(k, h, false)
		}
		for _, k := range t.Exact {
			m.root.add(k, h, true)
		}
	}
	for i, e := range l.Modals {
		m.modals = append(m.modals, e.Modal)
		for _, p := range e.Phrases {
			m.root.add(p, hit{kind: hitModal, idx: int32(i)}, false)
		}
		for _, p := range e.Negated {
			m.root.add(p, hit{kind: hitModal, idx: int32(i), neg: true}, false)
		}
	}
	for _, c := range l.Conditions {
		m.root.add(c, hit{kind: hitCondition}, false)
	}
	for i, c := range l.ConditionPhrases {
		m.condPhrases = append(m.condPhrases, c)
		m.root.add(c, hit{kind: hitConditionPhrase, idx: int32(i)}, false)
	}
	for _, n := range l.Negations {
		m.negations[asciiLower(n)] = true
	}
	m.units = l.Units
	m.quantityStart = make(map[string]bool)
	for w := range numberWords {
		m.quantityStart[w] = true
	}
	for i, u := range l.Units {
		h := hit{kind: hitUnit, idx: int32(i)}
		for _, w := range u.Words {
			m.unitAfter.add(w, h, false)
		}
		for _, w := range u.Prefixes {
			m.unitBefore.add(w, h, false)
			if toks := tokenize(nil, w); len(toks) > 0 {
				m.quantityStart[toks[0].norm] = true
			}
		}
	}
	m.root.addPlurals()
	m.unitAfter.addPlurals()
	return m
}

// add inserts phrase into the trie rooted at n with the given hit. When
// exact is set the hit keeps the phrase's tokens as written, and matches
// only text that has them so.
func (n *node) add(phrase string, h hit, exact bool) {
	toks := tokenize(nil, phrase)
	if len(toks) == 0 {
		return
	}
	if exact {
		h.exact = make([]string, len(toks))
		for i, t := range toks {
			h.exact[i] = phrase[t.s:t.e]
		}
	}
	for _, t := range toks {
		c := n.next[t.norm]
		if c == nil {
			if n.next == nil {
				n.next = make(map[string]*node)
			}
			c = new(node)
			n.next[t.norm] = c
		}
		n = c
	}
	for _, old := range n.hits {
		if old.kind == h.kind && old.idx == h.idx && old.neg == h.neg && len(old.exact) == 0 && len(h.exact) == 0 {
			return
		}
	}
	n.hits = append(n.hits, h)
}

// child returns the node after token t.
func (n *node) child(t *token) *node {
	if n.next == nil {
		return nil
	}
	return n.next[t.norm]
}

// addPlurals gives every word key of the trie below n its plurals in "s"
// and "es" where the trie has no such key of its own, so that
// "guarantees" and "crosses" match "guarantee" and "cross" with a single
// look-up per token.
func (n *node) addPlurals() {
	var words []string
	for k := range n.next {
		words = append(words, k)
	}
	slices.Sort(words) // the same trie whatever the map order
	for _, k := range words {
		c := n.next[k]
		c.addPlurals()
		if len(k) < 3 || !isLetters(k) {
			continue
		}
		for _, p := range [...]string{k + "s", k + "es"} {
			if _, ok := n.next[p]; !ok {
				n.next[p] = c
			}
		}
	}
}

func isLetters(s string) bool {
	for _, r := range s {
		if !unicode.IsLetter(r) {
			return false
		}
	}
	return true
}

// valid reports whether h, matched on toks[i:j] of text, holds: a
// case-sensitive alias must be written exactly so.
func (h *hit) valid(text string, toks []token, i int) bool {
	for k, x := range h.exact {
		t := toks[i+k]
		if text[t.s:t.e] != x {
			return false
		}
	}
	return true
}

// longest returns the end of the longest phrase of the trie at n that
// starts at toks[i], and the node where it ends, or i and nil.
func (n *node) longest(toks []token, i int) (int, *node) {
	end, at := i, (*node)(nil)
	for j := i; j < len(toks); j++ {
		n = n.child(&toks[j])
		if n == nil {
			break
		}
		if len(n.hits) > 0 {
			end, at = j+1, n
		}
	}
	return end, at
}
