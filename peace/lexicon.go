package peace

import (
	_ "embed"
	"fmt"
	"io"
	"slices"
	"sync"
	"sync/atomic"
)

// A Lexicon is the vocabulary [Lexicon.Annotate] reads facts with: the
// parties, places and topics of a negotiation, and the words for units,
// modal verbs, deadlines, conditions and negation.
//
// A Lexicon is plain data that reads from and writes to JSON. The default
// one ([DefaultLexicon]) is embedded in the package as lexicon.json; its
// shape, abridged:
//
//	{
//	  "parties": [{"name": "United States", "aliases": ["USA", "American"], "exact": ["US"]}],
//	  "places": [{"name": "Dnipro", "aliases": ["Dnieper", "Dnipro River"]}],
//	  "topics": [{"id": "armed-forces", "label": "Armed forces", "keywords": ["troops", "armed forces"]}],
//	  "units": [{"unit": "usd", "words": ["dollars", "US dollars"], "prefixes": ["$", "USD"]},
//	            {"unit": "days", "words": ["weeks"], "factor": 7}],
//	  "modals": [{"modal": "must", "phrases": ["must", "has to"]},
//	             {"modal": "agrees to", "phrases": ["agrees to"], "negated": ["agrees not to"]}],
//	  "deadlines": [{"name": "as soon as possible", "aliases": ["asap"]}],
//	  "conditions": ["if", "unless", "provided that"],
//	  "condition_phrases": ["in peacetime"],
//	  "negations": ["not", "never", "no"]
//	}
//
// Matching rules:
//
//   - Every alias, keyword, phrase and word is split into words the way
//     clause text is, and matches a run of the same words. Punctuation
//     counts as a word, so "U.S." matches "U.S." and not "US"; an
//     apostrophe's possessive is dropped ("Ukraine's" matches "Ukraine").
//   - Matching ignores ASCII case, except for the "exact" lists, which
//     match only as written: "US" the country, not "us" the pronoun.
//   - A word of three letters or more also matches its plural in "s" or
//     "es", so "guarantee" matches "guarantees" (list irregular plurals,
//     such as "territories", yourself).
//   - An entry's name is itself an alias.
//   - Where aliases overlap, the longest run wins: "Russian Federation"
//     before "Russian", "as soon as possible" (a deadline) before "as soon
//     as" (a condition).
//   - A word that is an alias of both a party and a place ("Moscow",
//     "Poland") is a place after a preposition of place ("at Moscow",
//     "in Poland") and a party otherwise ("Moscow agrees").
//
// Modals are listed strongest first: the order of "modals" is the order of
// strength [Facts.Modality] picks by. A modal's "negated" phrases give
// the modal and mark the commitment negated ("agrees not to").
// Unit "factor" multiplies the number (weeks are 7 days); "prefixes" are
// written before the number ("$100", "USD 5bn").
//
// Annotate is safe for concurrent use; it compiles the lexicon into its
// matcher on first use. [Lexicon.Merge] and edits to the fields must not
// run concurrently with Annotate; Merge discards the compiled matcher, and
// after editing the fields by hand call Merge(nil) to do the same.
type Lexicon struct {
	Parties          []Term       `json:"parties,omitempty"`           // who acts: states, alliances, organisations
	Places           []Term       `json:"places,omitempty"`            // regions, cities, rivers, seas
	Topics           []TopicEntry `json:"topics,omitempty"`            // the taxonomy; a clause gets every topic any keyword hits
	Units            []UnitEntry  `json:"units,omitempty"`             // unit words of quantities
	Modals           []ModalEntry `json:"modals,omitempty"`            // strongest first
	Deadlines        []Term       `json:"deadlines,omitempty"`         // time limits without a number
	Conditions       []string     `json:"conditions,omitempty"`        // trigger words: a condition runs from one to the end of its clause part
	ConditionPhrases []string     `json:"condition_phrases,omitempty"` // whole conditions on their own, such as "in peacetime"
	Negations        []string     `json:"negations,omitempty"`         // words that negate a commitment: "not", "never", "no"

	mu  sync.Mutex
	mat atomic.Pointer[matcher]
}

// A Term is a canonical name, such as a party or place, and the other
// ways texts write it.
type Term struct {
	Name    string   `json:"name"`
	Aliases []string `json:"aliases,omitempty"` // matched ignoring case
	Exact   []string `json:"exact,omitempty"`   // matched only as written, such as "US"
}

// A TopicEntry is one category of the topic taxonomy: an ID used in
// [Facts.Topics], a human label, and the keywords that place a clause in it.
type TopicEntry struct {
	ID       string   `json:"id"`
	Label    string   `json:"label,omitempty"`
	Keywords []string `json:"keywords,omitempty"` // matched ignoring case
	Exact    []string `json:"exact,omitempty"`    // matched only as written
}

// A UnitEntry lists the words for one unit of [Quantity.Unit].
type UnitEntry struct {
	Unit     string   `json:"unit"`               // canonical unit, such as "personnel" or "usd"
	Words    []string `json:"words,omitempty"`    // written after the number: "troops", "US dollars"
	Prefixes []string `json:"prefixes,omitempty"` // written before the number: "$", "USD"
	Factor   float64  `json:"factor,omitempty"`   // multiplies the number; 0 means 1
}

// A ModalEntry lists the phrases that express one modal strength.
type ModalEntry struct {
	Modal   string   `json:"modal"`             // canonical modal, such as "agrees to"
	Phrases []string `json:"phrases,omitempty"` // "agrees to", "undertakes to"
	Negated []string `json:"negated,omitempty"` // the same modal, negated: "agrees not to"
}

//go:embed lexicon.json
var defaultLexiconJSON []byte

var defaultLexicon = sync.OnceValues(func() (*Lexicon, error) {
	return decodeLexicon(defaultLexiconJSON)
})

// DefaultLexicon returns a new copy of the built-in lexicon: the parties,
// places and topics of the Russia–Ukraine negotiations and the general
// vocabulary of peace agreements in English. The caller owns the copy and
// may change it or [Lexicon.Merge] into it.
func DefaultLexicon() *Lexicon {
	l, err := defaultLexicon()
	if err != nil {
		panic("peace: the embedded lexicon.json is invalid: " + err.Error())
	}
	return l.clone()
}

// LoadLexicon reads a lexicon in the JSON format described at [Lexicon].
// Unknown keys are an error, so that a misspelt key does not silently
// drop its entries; keys match exactly, so "Parties" is unknown too. The
// JSON is read as [Parser.Parse] reads a JSON plan, and errors give the
// line, column and path of the problem:
// "peace: lexicon: line 1, column 33: parties[0]: unknown key \"alias\"".
// To extend the default lexicon rather than replace it, merge the result
// into [DefaultLexicon].
func LoadLexicon(r io.Reader) (*Lexicon, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, fmt.Errorf("peace: reading lexicon: %w", err)
	}
	return decodeLexicon(data)
}

func decodeLexicon(data []byte) (*Lexicon, error) {
	l := new(Lexicon)
	// The reader rejects unknown keys: a misspelt key would silently drop its words.
	if err := readJSON(data, func(r *jsonReader) error { return r.lexicon(l) }); err != nil {
		line, col := position(data, err.off)
		return nil, fmt.Errorf("peace: lexicon: line %d, column %d: %s", line, col, err.msg)
	}
	if err := l.check(); err != nil {
		return nil, err
	}
	return l, nil
}

// check reports entries without a name, which could never be reported.
func (l *Lexicon) check() error {
	for _, list := range []struct {
		kind  string
		terms []Term
	}{{"party", l.Parties}, {"place", l.Places}, {"deadline", l.Deadlines}} {
		for i, t := range list.terms {
			if t.Name == "" {
				return fmt.Errorf("peace: lexicon: %s %d has no name", list.kind, i+1)
			}
		}
	}
	for i, t := range l.Topics {
		if t.ID == "" {
			return fmt.Errorf("peace: lexicon: topic %d has no id", i+1)
		}
	}
	for i, u := range l.Units {
		if u.Unit == "" {
			return fmt.Errorf("peace: lexicon: unit entry %d has no unit", i+1)
		}
		if u.Factor < 0 {
			return fmt.Errorf("peace: lexicon: unit %q has a negative factor", u.Unit)
		}
	}
	for i, m := range l.Modals {
		if m.Modal == "" {
			return fmt.Errorf("peace: lexicon: modal %d has no name", i+1)
		}
	}
	return nil
}

// clone returns a deep copy of l's data, without its compiled matcher.
func (l *Lexicon) clone() *Lexicon {
	c := new(Lexicon)
	c.Merge(l)
	return c
}

// Merge adds other's entries to l. An entry of other whose name (a
// topic's ID, a unit's or modal's canonical word) l already has extends
// l's entry with its aliases, keywords, words or phrases, and replaces its
// label or factor when other sets one; any other entry is appended. A
// merged modal that l lacks is the weakest. Merge(nil) only discards the
// compiled matcher, after the fields were edited by hand.
//
// Merge must not run concurrently with [Lexicon.Annotate].
func (l *Lexicon) Merge(other *Lexicon) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.mat.Store(nil)
	if other == nil {
		return
	}
	l.Parties = mergeTerms(l.Parties, other.Parties)
	l.Places = mergeTerms(l.Places, other.Places)
	l.Deadlines = mergeTerms(l.Deadlines, other.Deadlines)
	for _, t := range other.Topics {
		i := slices.IndexFunc(l.Topics, func(u TopicEntry) bool { return u.ID == t.ID })
		if i < 0 {
			l.Topics = append(l.Topics, TopicEntry{
				ID: t.ID, Label: t.Label,
				Keywords: slices.Clone(t.Keywords), Exact: slices.Clone(t.Exact),
			})
			continue
		}
		u := &l.Topics[i]
		if t.Label != "" {
			u.Label = t.Label
		}
		u.Keywords = appendNew(u.Keywords, t.Keywords)
		u.Exact = appendNew(u.Exact, t.Exact)
	}
	for _, e := range other.Units {
		i := slices.IndexFunc(l.Units, func(u UnitEntry) bool { return u.Unit == e.Unit && u.Factor == e.Factor })
		if i < 0 {
			l.Units = append(l.Units, UnitEntry{
				Unit: e.Unit, Factor: e.Factor,
				Words: slices.Clone(e.Words), Prefixes: slices.Clone(e.Prefixes),
			})
			continue
		}
		u := &l.Units[i]
		u.Words = appendNew(u.Words, e.Words)
		u.Prefixes = appendNew(u.Prefixes, e.Prefixes)
	}
	for _, m := range other.Modals {
		i := slices.IndexFunc(l.Modals, func(u ModalEntry) bool { return u.Modal == m.Modal })
		if i < 0 {
			l.Modals = append(l.Modals, ModalEntry{
				Modal: m.Modal, Phrases: slices.Clone(m.Phrases), Negated: slices.Clone(m.Negated),
			})
			continue
		}
		u := &l.Modals[i]
		u.Phrases = appendNew(u.Phrases, m.Phrases)
		u.Negated = appendNew(u.Negated, m.Negated)
	}
	l.Conditions = appendNew(l.Conditions, other.Conditions)
	l.ConditionPhrases = appendNew(l.ConditionPhrases, other.ConditionPhrases)
	l.Negations = appendNew(l.Negations, other.Negations)
}

func mergeTerms(dst, src []Term) []Term {
	for _, t := range src {
		i := slices.IndexFunc(dst, func(u Term) bool { return u.Name == t.Name })
		if i < 0 {
			dst = append(dst, Term{Name: t.Name, Aliases: slices.Clone(t.Aliases), Exact: slices.Clone(t.Exact)})
			continue
		}
		dst[i].Aliases = appendNew(dst[i].Aliases, t.Aliases)
		dst[i].Exact = appendNew(dst[i].Exact, t.Exact)
	}
	return dst
}

// appendNew appends the strings of src that dst lacks, keeping order.
// Merge calls it eleven times; inlined, each copy grew the wasm viewer.
//
//go:noinline
func appendNew(dst, src []string) []string {
	for _, s := range src {
		if !slices.Contains(dst, s) {
			dst = append(dst, s)
		}
	}
	return dst
}

// Topic returns the human label of the topic with the given ID, such as
// "Armed forces" for "armed-forces", or the ID itself when the lexicon has
// no label for it.
func (l *Lexicon) Topic(id string) string {
	for _, t := range l.Topics {
		if t.ID == id && t.Label != "" {
			return t.Label
		}
	}
	return id
}

// matcher returns the compiled form of l, building it on first use.
func (l *Lexicon) matcher() *matcher {
	if m := l.mat.Load(); m != nil {
		return m
	}
	l.mu.Lock()
	defer l.mu.Unlock()
	if m := l.mat.Load(); m != nil {
		return m
	}
	m := compile(l)
	l.mat.Store(m)
	return m
}
