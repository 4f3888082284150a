package diff

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// Words returns a word-level diff of a and b: the edits that turn a into b,
// shaped the way a careful human marks up a redline.
//
// The texts are cut into tokens: words (letters, digits and marks, with
// inner apostrophes, as in "Ukraine's"), numbers with their separators and
// signs ("600,000", "$100", "50%"), single punctuation marks and runs of
// white space. The token sequences are diffed with the Myers algorithm of
// github.com/sergi/go-diff, each distinct token standing for one rune, so a
// word is never cut in half and the result does not depend on a timeout.
// The raw diff is then cleaned up: a short run of equal tokens (a space, a
// comma, a "the") between two changes is folded into the surrounding delete
// and insert, adjacent runs of one kind are merged, a deletion or insertion
// is slid to start on a word, and a deletion always comes before the
// insertion that replaces it.
//
// The Equal and Delete texts of the result, concatenated, give a; the Equal
// and Insert texts give b. This holds for any input, including invalid
// UTF-8, whose bytes become tokens of their own. Words returns nil when a
// and b are both empty.
//
// The cost is O((N+M)·D) in the number of tokens N and M and the size of the
// difference D, after the common prefix and suffix are stripped. Past about
// two thousand differing words a side the texts are first aligned sentence by
// sentence and only the differing sentences are diffed word by word; past
// that, the differing middle is reported as one deletion and one insertion.
func Words(a, b string) []Edit {
	return toEdits(wordOps(a, b))
}

// wordOps is [Words] before the runs are joined into texts.
func wordOps(a, b string) []tokOp {
	if a == b {
		if a == "" {
			return nil
		}
		return []tokOp{{Equal, []string{a}}}
	}
	ua, ub := units(a), units(b)
	ops := expand(ua, ub, diffKeys(cores(ua), cores(ub), 0))
	ops = absorbIslands(ops)
	ops = factor(ops)
	return slideEdits(ops)
}

// A tokOp is one run of a token-level diff.
type tokOp struct {
	op   Op
	toks []string
}

// A span is one run of a diff of key sequences: n keys kept, deleted or
// inserted.
type span struct {
	op Op
	n  int
}

// A wordUnit is what the diff aligns: a token and the white space after
// it. Only the token counts when units are compared, so that the many
// spaces of two texts never outvote their words.
type wordUnit struct {
	core, space string
}

// units cuts s into tokens, as [tokenize] does, and groups them into
// units; white space at the very start is a unit of its own. It keeps no
// list of the tokens and sizes its own list for the usual five or six
// bytes a unit: in WebAssembly, growing slices was a tenth of a comparison.
func units(s string) []wordUnit {
	us := make([]wordUnit, 0, len(s)/5+1)
	for i := 0; i < len(s); {
		n := tokenLen(s[i:])
		t := s[i : i+n]
		i += n
		if isSpaceToken(t) && len(us) > 0 && us[len(us)-1].space == "" && !isSpaceToken(us[len(us)-1].core) {
			us[len(us)-1].space = t
			continue
		}
		us = append(us, wordUnit{core: t})
	}
	return us
}

func cores(us []wordUnit) []string {
	out := make([]string, len(us))
	for i, u := range us {
		out[i] = u.core
	}
	return out
}

// expand turns spans over units back into runs of tokens. Two units kept
// by the diff may differ in the white space after them: that space is
// deleted and inserted.
func expand(ua, ub []wordUnit, spans []span) []tokOp {
	// Every token kept or deleted comes from a (a core and the space after
	// it), every token inserted from b: the runs are carved from three
	// stores of that size rather than grown token by token.
	b := opBuilder{
		eqStore:  make([]string, 2*len(ua)),
		delStore: make([]string, 2*len(ua)),
		insStore: make([]string, 2*len(ub)),
	}
	add := func(op Op, t string) {
		if t != "" {
			b.add(op, t)
		}
	}
	i, j := 0, 0
	for _, sp := range spans {
		for range sp.n {
			switch sp.op {
			case Equal:
				x, y := ua[i], ub[j]
				if x.core != y.core { // cannot happen; keep the texts whole regardless
					add(Delete, x.core+x.space)
					add(Insert, y.core+y.space)
				} else if add(Equal, x.core); x.space == y.space {
					add(Equal, x.space)
				} else {
					add(Delete, x.space)
					add(Insert, y.space)
				}
				i++
				j++
			case Delete:
				add(Delete, ua[i].core)
				add(Delete, ua[i].space)
				i++
			case Insert:
				add(Insert, ub[j].core)
				add(Insert, ub[j].space)
				j++
			}
		}
	}
	return b.done()
}

// Limits of the word diff; see [Words].
const (
	maxDiffTokens    = 2000    // differing units (words and marks) per side diffed directly
	maxDiffSentences = 8000    // differing sentences per side diffed directly
	runeBase         = 0x10000 // first rune standing for a key: all of them encode in four bytes
	runeLimit        = 0x110000
)

// diffKeys diffs two key sequences. level 0 diffs words, level 1 is the
// sentence pass for long texts.
func diffKeys(x, y []string, level int) []span {
	var out []span
	p := 0
	for p < len(x) && p < len(y) && x[p] == y[p] {
		p++
	}
	s := 0
	for s < len(x)-p && s < len(y)-p && x[len(x)-1-s] == y[len(y)-1-s] {
		s++
	}
	if p > 0 {
		out = append(out, span{Equal, p})
	}
	mx, my := x[p:len(x)-s], y[p:len(y)-s]
	switch {
	case len(mx) == 0 && len(my) == 0:
	case len(mx) == 0:
		out = append(out, span{Insert, len(my)})
	case len(my) == 0:
		out = append(out, span{Delete, len(mx)})
	case len(mx)+len(my) <= 2*maxDiffTokens, level == 1 && len(mx)+len(my) <= 2*maxDiffSentences:
		out = append(out, myers(mx, my)...)
	case level == 0:
		out = append(out, diffSentences(mx, my)...)
	default:
		out = append(out, span{Delete, len(mx)}, span{Insert, len(my)})
	}
	if s > 0 {
		out = append(out, span{Equal, s})
	}
	return out
}

// myers diffs two key sequences with go-diff, one rune per distinct key.
func myers(x, y []string) []span {
	ids := make(map[string]rune, len(x)+len(y)) // at most; growing would rehash
	next := rune(runeBase)
	encode := func(ks []string) ([]rune, bool) {
		rs := make([]rune, len(ks))
		for i, k := range ks {
			r, ok := ids[k]
			if !ok {
				if next >= runeLimit {
					return nil, false
				}
				r = next
				next++
				ids[k] = r
			}
			rs[i] = r
		}
		return rs, true
	}
	whole := []span{{Delete, len(x)}, {Insert, len(y)}}
	rx, ok1 := encode(x)
	ry, ok2 := encode(y)
	if !ok1 || !ok2 {
		return whole
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	var out []span
	nx, ny := 0, 0
	for _, d := range dmp.DiffMainRunes(rx, ry, false) {
		n := utf8.RuneCountInString(d.Text)
		switch d.Type {
		case diffmatchpatch.DiffEqual:
			out = append(out, span{Equal, n})
			nx += n
			ny += n
		case diffmatchpatch.DiffDelete:
			out = append(out, span{Delete, n})
			nx += n
		case diffmatchpatch.DiffInsert:
			out = append(out, span{Insert, n})
			ny += n
		}
	}
	if nx != len(x) || ny != len(y) {
		// go-diff lost track of a key: never expected, but never return
		// edits that do not rebuild the texts either.
		return whole
	}
	return out
}

// diffSentences diffs long key sequences sentence by sentence, then word
// by word inside each changed stretch that is small enough.
func diffSentences(x, y []string) []span {
	sx, sy := sentences(x), sentences(y)
	coarse := diffKeys(joinSentences(x, sx), joinSentences(y, sy), 1)
	var out []span
	i, j := 0, 0 // sentence indexes
	width := func(bounds []int, k, n int) int { return bounds[k+n] - bounds[k] }
	for k := 0; k < len(coarse); k++ {
		c := coarse[k]
		switch c.op {
		case Equal:
			out = append(out, span{Equal, width(sx, i, c.n)})
			i += c.n
			j += c.n
		case Delete:
			dx := width(sx, i, c.n)
			if k+1 < len(coarse) && coarse[k+1].op == Insert {
				n2 := coarse[k+1].n
				dy := width(sy, j, n2)
				if dx+dy <= 2*maxDiffTokens {
					out = append(out, myers(x[sx[i]:sx[i]+dx], y[sy[j]:sy[j]+dy])...)
				} else {
					out = append(out, span{Delete, dx}, span{Insert, dy})
				}
				i += c.n
				j += n2
				k++
				continue
			}
			out = append(out, span{Delete, dx})
			i += c.n
		case Insert:
			out = append(out, span{Insert, width(sy, j, c.n)})
			j += c.n
		}
	}
	return out
}

// sentences returns the start of each sentence of ks and, last, len(ks):
// a sentence ends after ".", ";", "!" or "?".
func sentences(ks []string) []int {
	bounds := []int{0}
	for i, k := range ks {
		switch k {
		case ".", ";", "!", "?":
			if i+1 < len(ks) {
				bounds = append(bounds, i+1)
			}
		}
	}
	return append(bounds, len(ks))
}

func joinSentences(ks []string, bounds []int) []string {
	out := make([]string, len(bounds)-1)
	for i := range out {
		out[i] = strings.Join(ks[bounds[i]:bounds[i+1]], "\x00")
	}
	return out
}

// merge joins adjacent runs of the same op and orders each stretch of
// changes as one deletion followed by one insertion.
//
// The runs it returns may share their arrays with those of ops: none of
// the cleanup passes writes into a run's tokens, and a run taken whole is
// capped so that appending to it copies. Copying every token at each of
// the passes was a fifth of a comparison's time, more in WebAssembly,
// where allocating is slower.
func merge(ops []tokOp) []tokOp {
	var b opBuilder
	for _, o := range ops {
		b.addRun(o.op, o.toks)
	}
	return b.done()
}

// An opBuilder collects tokens into runs as [merge] orders them; it owns
// the slices it builds.
type opBuilder struct {
	out          []tokOp
	eq, del, ins []string

	// Optional space for the runs of each kind, used in turn: a new run
	// starts where the last one of its kind ended. A run that outgrows it
	// moves out, as any slice would, and the rest goes unused.
	eqStore, delStore, insStore []string
}

// openRun returns an empty run backed by store.
func openRun(store []string) []string { return store[:0] }

// closeRun returns what is left of store once run, opened on it, is done.
func closeRun(store, run []string) []string {
	if len(run) > len(store) {
		return nil
	}
	return store[len(run):]
}

func (b *opBuilder) add(op Op, toks ...string) {
	if len(toks) == 0 {
		return
	}
	switch op {
	case Delete:
		b.flushEqual()
		if b.del == nil {
			b.del = openRun(b.delStore)
		}
		b.del = append(b.del, toks...)
	case Insert:
		b.flushEqual()
		if b.ins == nil {
			b.ins = openRun(b.insStore)
		}
		b.ins = append(b.ins, toks...)
	default:
		b.flushChanges()
		if b.eq == nil {
			b.eq = openRun(b.eqStore)
		}
		b.eq = append(b.eq, toks...)
	}
}

// addRun is add for a run of tokens that the builder may share: see [merge].
func (b *opBuilder) addRun(op Op, toks []string) {
	if len(toks) == 0 {
		return
	}
	switch op {
	case Delete:
		b.flushEqual()
		b.del = appendRun(b.del, toks)
	case Insert:
		b.flushEqual()
		b.ins = appendRun(b.ins, toks)
	default:
		b.flushChanges()
		b.eq = appendRun(b.eq, toks)
	}
}

// appendRun appends toks to run, sharing toks when run is empty.
func appendRun(run, toks []string) []string {
	if len(run) == 0 {
		return toks[:len(toks):len(toks)]
	}
	return append(run, toks...)
}

func (b *opBuilder) flushEqual() {
	if len(b.eq) > 0 {
		b.out = append(b.out, tokOp{Equal, b.eq[:len(b.eq):len(b.eq)]})
		b.eqStore = closeRun(b.eqStore, b.eq)
		b.eq = nil
	}
}

func (b *opBuilder) flushChanges() {
	if len(b.del) > 0 {
		b.out = append(b.out, tokOp{Delete, b.del[:len(b.del):len(b.del)]})
		b.delStore = closeRun(b.delStore, b.del)
		b.del = nil
	}
	if len(b.ins) > 0 {
		b.out = append(b.out, tokOp{Insert, b.ins[:len(b.ins):len(b.ins)]})
		b.insStore = closeRun(b.insStore, b.ins)
		b.ins = nil
	}
}

func (b *opBuilder) done() []tokOp {
	b.flushEqual()
	b.flushChanges()
	return b.out
}

// factor moves the tokens a deletion and the insertion after it both
// start or end with (usually white space) out into the equal runs beside them.
func factor(ops []tokOp) []tokOp {
	out := make([]tokOp, 0, 2*len(ops)) // a Delete and an Insert become four runs
	for i := 0; i < len(ops); i++ {
		if ops[i].op != Delete || i+1 >= len(ops) || ops[i+1].op != Insert {
			out = append(out, ops[i])
			continue
		}
		d, n := ops[i].toks, ops[i+1].toks
		p := 0
		for p < len(d) && p < len(n) && d[p] == n[p] {
			p++
		}
		s := 0
		for s < len(d)-p && s < len(n)-p && d[len(d)-1-s] == n[len(n)-1-s] {
			s++
		}
		out = append(out,
			tokOp{Equal, d[:p:p]},
			tokOp{Delete, d[p : len(d)-s : len(d)-s]},
			tokOp{Insert, n[p : len(n)-s : len(n)-s]},
			tokOp{Equal, d[len(d)-s:]})
		i++
	}
	return merge(out)
}

// absorbIslands folds a short run of equal tokens lying between two changes
// into the changes around it, so that "be capped at 600,000" → "stay at
// 800,000" reads as one replacement rather than two; see [islandAbsorbed].
func absorbIslands(ops []tokOp) []tokOp {
	for {
		changed := false
		var out []tokOp
		for i := 0; i < len(ops); i++ {
			o := ops[i]
			if o.op != Equal || len(out) == 0 || out[len(out)-1].op == Equal || i+1 >= len(ops) {
				out = append(out, o)
				continue
			}
			// Changes before: the tail of out; after: ops[i+1:] up to the next Equal.
			ld, li := changeWords(out, len(out)-1, -1)
			rd, ri := changeWords(ops, i+1, 1)
			if islandAbsorbed(o.toks, max(ld, li), max(rd, ri)) {
				out = append(out, tokOp{Delete, o.toks}, tokOp{Insert, o.toks})
				changed = true
				continue
			}
			out = append(out, o)
		}
		ops = merge(out)
		if !changed {
			return ops
		}
	}
}

// islandAbsorbed reports whether an equal run between changes of left and
// right words should be folded into them: when it holds no word, or one
// function word ("the", "of", "at") between changes of at least a word.
func islandAbsorbed(ts []string, left, right int) bool {
	var word string
	for _, t := range ts {
		if isWordToken(t) {
			if word != "" {
				return false
			}
			word = t
		}
	}
	return word == "" || (left > 0 && right > 0 && islandWords[strings.ToLower(word)])
}

// islandWords are the function words [absorbIslands] may fold into changes.
var islandWords = map[string]bool{
	"a": true, "an": true, "the": true, "of": true, "to": true, "in": true, "on": true,
	"at": true, "by": true, "for": true, "with": true, "from": true, "and": true, "or": true,
	"as": true, "is": true, "be": true, "its": true, "their": true, "this": true, "that": true,
}

// changeWords counts the words deleted and inserted by the run of changes
// that starts at ops[i] and extends in direction dir.
func changeWords(ops []tokOp, i, dir int) (del, ins int) {
	for ; i >= 0 && i < len(ops) && ops[i].op != Equal; i += dir {
		if ops[i].op == Delete {
			del += countWords(ops[i].toks)
		} else {
			ins += countWords(ops[i].toks)
		}
	}
	return del, ins
}

func countWords(ts []string) int {
	n := 0
	for _, t := range ts {
		if isWordToken(t) {
			n++
		}
	}
	return n
}

// slideEdits moves a lone deletion or insertion between two equal runs
// sideways, where the same edit can be written in several places, to the
// place where it starts on a word and ends before white space: "a b c" →
// "a c" deletes "b " rather than " b".
func slideEdits(ops []tokOp) []tokOp {
	for i := 1; i+1 < len(ops); i++ {
		prev, cur, next := ops[i-1], ops[i], ops[i+1]
		if prev.op != Equal || next.op != Equal || cur.op == Equal {
			continue
		}
		// Slide fully left, then try every position to the right.
		e := cur.toks
		left := prev.toks
		right := next.toks
		// The combined sequence is left + e + right; the edit may sit at
		// offset k (measured in tokens from the start of left) when the
		// tokens it shifts over are equal.
		seq := make([]string, 0, len(left)+len(e)+len(right))
		seq = append(seq, left...)
		seq = append(seq, e...)
		seq = append(seq, right...)
		n := len(e)
		lo := len(left)
		for lo > 0 && seq[lo-1] == seq[lo-1+n] {
			lo--
		}
		hi := len(left)
		for hi+n < len(seq) && seq[hi] == seq[hi+n] {
			hi++
		}
		best, bestScore := len(left), -1
		for k := lo; k <= hi; k++ {
			sc := 0
			if !isSpaceToken(seq[k]) {
				sc += 2
			}
			if isSpaceToken(seq[k+n-1]) || k+n == len(seq) {
				sc++
			}
			if sc > bestScore {
				best, bestScore = k, sc
			}
		}
		if best == len(left) {
			continue
		}
		ops[i-1] = tokOp{Equal, seq[:best:best]}
		ops[i] = tokOp{cur.op, seq[best : best+n : best+n]}
		ops[i+1] = tokOp{Equal, seq[best+n:]}
	}
	// An equal run may have become empty.
	return merge(ops)
}

func toEdits(ops []tokOp) []Edit {
	var out []Edit // nil when there is no edit
	for _, o := range ops {
		if len(o.toks) == 0 {
			continue
		}
		if out == nil {
			out = make([]Edit, 0, len(ops))
		}
		out = append(out, Edit{Op: o.op, Text: strings.Join(o.toks, "")})
	}
	return out
}

// tokenize cuts s into the tokens [Words] diffs. The tokens concatenate to s.
func tokenize(s string) []string {
	var ts []string
	for i := 0; i < len(s); {
		n := tokenLen(s[i:])
		ts = append(ts, s[i:i+n])
		i += n
	}
	return ts
}

// tokenLen returns the length in bytes of the token at the start of s,
// which is not empty.
func tokenLen(s string) int {
	r, size := utf8.DecodeRuneInString(s)
	switch {
	case r == utf8.RuneError && size <= 1:
		return 1 // a byte of invalid UTF-8 stands alone
	case unicode.IsSpace(r):
		i := size
		for i < len(s) {
			r, n := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsSpace(r) || (r == utf8.RuneError && n <= 1) {
				break
			}
			i += n
		}
		return i
	case isCurrency(r) || unicode.IsDigit(r):
		if n := numberLen(s); n > 0 {
			return n
		}
	}
	if isWordRune(r) {
		return wordLen(s)
	}
	// Punctuation or a symbol, with any marks and joined runes that follow.
	return size + trailLen(s[size:])
}

// numberLen returns the length of a number at the start of s: an optional
// currency sign, digits with inner "," or "." separators, an optional "%";
// 0 if s does not start with one.
func numberLen(s string) int {
	i := 0
	r, n := utf8.DecodeRuneInString(s)
	if isCurrency(r) {
		i += n
	}
	digits := 0
	for i < len(s) {
		c := s[i]
		switch {
		case c >= '0' && c <= '9':
			i++
			digits++
			continue
		case (c == ',' || c == '.') && digits > 0 && i+1 < len(s) && s[i+1] >= '0' && s[i+1] <= '9':
			i++
			continue
		}
		break
	}
	if digits == 0 {
		return 0
	}
	if i < len(s) && s[i] == '%' {
		i++
	} else if i < len(s) {
		// "100bn", "1st": the letters belong to the number.
		if r, _ := utf8.DecodeRuneInString(s[i:]); isWordRune(r) {
			return i + wordLen(s[i:])
		}
	}
	return i
}

// wordLen returns the length of the word at the start of s: letters,
// digits and marks, with inner apostrophes followed by a letter.
func wordLen(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		if isWordRune(r) || r == 0x200D {
			i += n
			continue
		}
		if (r == '\'' || r == '’') && i > 0 && i+n < len(s) {
			if r2, _ := utf8.DecodeRuneInString(s[i+n:]); unicode.IsLetter(r2) {
				i += n
				continue
			}
		}
		break
	}
	if i == 0 {
		_, n := utf8.DecodeRuneInString(s)
		return n
	}
	return i
}

// trailLen returns the length of the combining marks, variation selectors
// and zero-width-joined runes at the start of s.
func trailLen(s string) int {
	i := 0
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && n <= 1 {
			break
		}
		switch {
		case unicode.Is(unicode.M, r), unicode.Is(unicode.Variation_Selector, r),
			r >= 0x1F3FB && r <= 0x1F3FF: // skin-tone modifiers
			i += n
		case r == 0x200D && i+n < len(s):
			i += n
			r2, n2 := utf8.DecodeRuneInString(s[i:])
			if r2 == utf8.RuneError && n2 <= 1 {
				return i
			}
			i += n2
		default:
			return i
		}
	}
	return i
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r)
}

func isCurrency(r rune) bool {
	return r == '$' || r == '€' || r == '£' || unicode.Is(unicode.Sc, r)
}

func isSpaceToken(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	return !(r == utf8.RuneError && n <= 1) && unicode.IsSpace(r)
}

func isWordToken(t string) bool {
	r, n := utf8.DecodeRuneInString(t)
	if r == utf8.RuneError && n <= 1 {
		return false
	}
	if isCurrency(r) && len(t) > n {
		r, _ = utf8.DecodeRuneInString(t[n:])
	}
	return isWordRune(r)
}
