package diff

import (
	"cmp"
	"math"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/peacediff/peacediff/peace"
)

// Alignment of one level of clauses (the top-level points, or the
// sub-points of two matched points). The stages are described in the doc
// comment of [Compare]; the thresholds were tuned on the bundled plans and
// on generated pairs of peace/peacetest.
const (
	pairThreshold   = 0.35 // weighted cosine to pair two clauses anywhere, in a short plan ...
	pairCeiling     = 0.55 // ... rising with the number of clause pairs to this
	gapThreshold    = 0.2  // weighted cosine to pair two clauses between the same anchors
	moveDiscount    = 0.05 // taken off the pairing threshold for two clauses that are each other's best leftover
	partThreshold   = 0.70 // share of a clause's weight found in another for a split or merge
	minPartTokens   = 3    // informative tokens a clause needs to count as a part
	wholeShare      = 0.9  // share of a clause found in its partner that leaves nothing to split off
	smallLevel      = 4096 // levels with at most this many clause pairs are scored pair by pair
	candidatesPer   = 8    // candidates kept per clause from the inverted index
	postingsCap     = 64   // features in more clauses than this give no candidates
	gapPairsLimit   = 4096 // gaps between anchors scored pair by pair up to this size
	labelBonus      = 0.05 // added to the score of two clauses with the same label
	frequentShare   = 0.5  // tokens in more than this share of a level's clauses ...
	frequentMinimum = 20   // ... of at least this many clauses weigh nothing
)

// A unit is one clause prepared for alignment: its own label and the
// informative tokens of the text it stands for.
type unit struct {
	c     *peace.Clause
	pos   int     // index in its level
	label string  // lower case
	norm  string  // normalised text, for exact equality
	toks  []int32 // sorted distinct informative token ids
	feats []int32 // sorted distinct features: tokens and pairs of tokens
	sq    float64 // sum of squared token weights, set per level
	facts peace.Facts
}

// A cluster is one match at a level: indices of old and new units.
type cluster struct {
	old, new []int
}

// An edge is a scored candidate pair.
type edge struct {
	a, b  int
	score float64
	skew  float64 // distance between relative positions, for ties
}

// aligner holds the vocabulary and the scratch space shared by all levels
// of one comparison.
type aligner struct {
	c *comparer

	vocab map[string]int32 // normalised word -> token id
	stems map[string]int32 // stem -> token id
	stop  []bool           // by token id

	// Scratch, indexed by token or feature id and reset after each level.
	df     []int32
	weight []float64
	fdf    []int32
	acc    []float64 // by unit position
	seen   []int32   // by unit position: stamp of the last accumulation
	stamp  int32
	bits   int     // bigram features of this level are below 1<<bits
	norm   []byte  // scratch for normalised texts
	toks   []int32 // backing store of the units' tokens
	feats  []int32 // backing store of the units' features
	word   []byte
}

// newAligner returns an aligner for plans of about size bytes of text.
// Its maps are sized for the words such plans are likely to hold:
// growing a map rehashes all of it, and string hashing is slow in
// WebAssembly (no AES instructions), where that was 5% of a comparison.
func newAligner(c *comparer, size int) *aligner {
	hint := min(size/16, 1<<14)
	return &aligner{
		c:     c,
		vocab: make(map[string]int32, hint),
		stems: make(map[string]int32, hint),
	}
}

// prepare builds the units of one side of a level. whole says whether a
// unit stands for the clause's whole subtree or its own words only.
func (al *aligner) prepare(cs []*peace.Clause, whole bool) []*unit {
	us := make([]*unit, len(cs))
	store := make([]unit, len(cs))
	for i, c := range cs {
		text := ownText(c)
		if whole {
			text = fullText(c)
		}
		u := &store[i]
		u.c, u.pos, u.label = c, i, strings.ToLower(c.Label)
		al.norm = al.norm[:0]
		t0, f0 := len(al.toks), len(al.feats)
		var prev int32 = -1
		al.word = eachWord(text, al.word, func(w []byte) {
			if len(al.norm) > 0 {
				al.norm = append(al.norm, ' ')
			}
			al.norm = append(al.norm, w...)
			id := al.token(w)
			if al.stop[id] {
				return
			}
			al.toks = append(al.toks, id)
			al.feats = append(al.feats, 1<<al.bits+id)
			if prev >= 0 {
				h := (uint64(prev)*0x9e3779b97f4a7c15 ^ uint64(id)) * 0xbf58476d1ce4e5b9
				al.feats = append(al.feats, int32(h>>(64-al.bits)))
			}
			prev = id
		})
		u.norm = string(al.norm)
		// The units' token lists share one growing array per kind.
		u.toks = sortedSet(al.toks[t0:])
		al.toks = al.toks[:t0+len(u.toks)]
		u.toks = u.toks[:len(u.toks):len(u.toks)]
		u.feats = sortedSet(al.feats[f0:])
		al.feats = al.feats[:f0+len(u.feats)]
		u.feats = u.feats[:len(u.feats):len(u.feats)]
		if whole {
			u.facts = al.c.subtreeFacts(c)
		} else {
			u.facts = al.c.facts[c]
		}
		us[i] = u
	}
	return us
}

// setLevel sizes the features of a level of n clauses on both sides for
// candidate generation: pairs of successive informative tokens hashed
// into 2^bits buckets (a collision only adds a candidate, which is then
// scored exactly), then single tokens, numbered from 2^bits by token id.
func (al *aligner) setLevel(n int) {
	al.bits = 10
	for al.bits < 20 && 1<<al.bits < 16*n {
		al.bits++
	}
}

// token returns the id of the stem of the normalised word w.
func (al *aligner) token(w []byte) int32 {
	if id, ok := al.vocab[string(w)]; ok {
		return id
	}
	word := string(w)
	st := stem(word)
	id, ok := al.stems[st]
	if !ok {
		id = int32(len(al.stems))
		al.stems[st] = id
		al.stop = append(al.stop, stopwords[st])
		al.df = append(al.df, 0)
		al.weight = append(al.weight, 0)
	}
	al.vocab[word] = id
	return id
}

func sortedSet(s []int32) []int32 {
	slices.Sort(s)
	return slices.Compact(s)
}

// align pairs the clauses of one level. It returns the groups: pairs,
// splits, merges, and the clauses left alone on either side.
func (al *aligner) align(olds, news []*unit) ([]cluster, error) {
	n, m := len(olds), len(news)
	// Level weights: inverse document frequency over the level's clauses.
	d := n + m
	for _, us := range [2][]*unit{olds, news} {
		for _, u := range us {
			for _, t := range u.toks {
				al.df[t]++
			}
		}
	}
	for _, us := range [2][]*unit{olds, news} {
		for _, u := range us {
			u.sq = 0
			for _, t := range u.toks {
				df := int(al.df[t])
				w := math.Log(1 + float64(d)/float64(df))
				if d >= frequentMinimum && float64(df) > frequentShare*float64(d) {
					w = 0
				}
				al.weight[t] = w
				u.sq += w * w
			}
		}
	}
	defer func() {
		for _, us := range [2][]*unit{olds, news} {
			for _, u := range us {
				for _, t := range u.toks {
					al.df[t] = 0
				}
			}
		}
	}()

	oldOf := make([]int, m) // old partner of each new unit, or -1
	newOf := make([]int, n)
	for i := range oldOf {
		oldOf[i] = -1
	}
	for i := range newOf {
		newOf[i] = -1
	}
	pair := func(a, b int) { newOf[a], oldOf[b] = b, a }

	// 1. Unchanged clauses, by their normalised text, in order.
	byText := make(map[string][]int)
	for _, u := range olds {
		byText[u.norm] = append(byText[u.norm], u.pos)
	}
	for _, u := range news {
		if q := byText[u.norm]; len(q) > 0 {
			pair(q[0], u.pos)
			byText[u.norm] = q[1:]
		}
	}
	if err := al.c.tick(n + m); err != nil {
		return nil, err
	}

	// 2. Candidate pairs, scored, then taken greedily best first.
	var edges []edge
	small := n*m <= smallLevel
	var idx *index
	if small {
		for _, b := range news {
			if oldOf[b.pos] >= 0 {
				continue
			}
			for _, a := range olds {
				if newOf[a.pos] >= 0 {
					continue
				}
				if s := al.score(a, b); s > 0 {
					edges = append(edges, al.edge(a, b, s, n, m))
				}
			}
		}
	} else {
		idx = al.index(olds)
		for _, b := range news {
			if oldOf[b.pos] >= 0 {
				continue
			}
			for _, a := range al.candidates(idx, olds, b, newOf) {
				if s := al.score(olds[a], b); s > 0 {
					edges = append(edges, al.edge(olds[a], b, s, n, m))
				}
			}
			if err := al.c.tick(1); err != nil {
				return nil, err
			}
		}
	}
	sortEdges(edges)
	threshold := pairThreshold
	if pairs := float64(n) * float64(m); pairs > 1000 {
		// The more clauses, the likelier an unrelated pair shares words.
		threshold = min(pairCeiling, pairThreshold+0.05*math.Log10(pairs/1000))
	}
	for _, e := range edges {
		if e.score >= threshold && newOf[e.a] < 0 && oldOf[e.b] < 0 {
			pair(e.a, e.b)
		}
	}

	// 3. Heavily reworded clauses between the same anchors.
	move := threshold - moveDiscount
	if err := al.gaps(olds, news, newOf, oldOf, edges, move, pair); err != nil {
		return nil, err
	}

	// 4. Clauses that moved and changed a good deal: each other's best. Only
	// in short levels: among thousands of clauses, a deleted point and an
	// inserted one are too often each other's best by chance.
	if small {
		al.mutualBest(edges, move, newOf, oldOf, pair)
	}

	// 5. Splits and merges among what is left.
	parts := al.parts(olds, news, newOf, oldOf, idx)

	return al.groups(n, m, newOf, oldOf, parts), nil
}

func (al *aligner) edge(a, b *unit, s float64, n, m int) edge {
	skew := math.Abs(float64(a.pos)/float64(max(n, 1)) - float64(b.pos)/float64(max(m, 1)))
	return edge{a: a.pos, b: b.pos, score: s, skew: skew}
}

func sortEdges(es []edge) {
	slices.SortFunc(es, func(x, y edge) int {
		if c := cmp.Compare(y.score, x.score); c != 0 {
			return c
		}
		if c := cmp.Compare(x.skew, y.skew); c != 0 {
			return c
		}
		if c := cmp.Compare(x.b, y.b); c != 0 {
			return c
		}
		return cmp.Compare(x.a, y.a)
	})
}

// common returns the summed squared weight of the tokens a and b share.
func (al *aligner) common(a, b *unit) float64 {
	s := 0.0
	i, j := 0, 0
	for i < len(a.toks) && j < len(b.toks) {
		switch x, y := a.toks[i], b.toks[j]; {
		case x < y:
			i++
		case x > y:
			j++
		default:
			w := al.weight[x]
			s += w * w
			i++
			j++
		}
	}
	return s
}

// score is the weighted cosine of the two clauses' token sets, with a
// small bonus for the same label.
func (al *aligner) score(a, b *unit) float64 {
	if a.sq == 0 || b.sq == 0 {
		return 0
	}
	s := al.common(a, b) / math.Sqrt(a.sq*b.sq)
	if s > 0 && a.label == b.label {
		s += labelBonus
	}
	return min(s, 1)
}

// An index is an inverted index from features to the units holding them,
// leaving out features too common to tell clauses apart.
type index struct {
	start []int32 // by feature: offset into units; start[f+1]-start[f] postings
	units []int32
}

func (al *aligner) index(us []*unit) *index {
	nf := 1<<al.bits + len(al.stop)
	if len(al.fdf) < nf {
		al.fdf = append(al.fdf, make([]int32, nf-len(al.fdf))...)
	}
	for _, u := range us {
		for _, f := range u.feats {
			al.fdf[f]++
		}
	}
	x := &index{start: make([]int32, nf+1)}
	for f := range nf {
		c := al.fdf[f]
		if c > postingsCap {
			c = 0
		}
		x.start[f+1] = x.start[f] + c
	}
	x.units = make([]int32, x.start[nf])
	fill := make([]int32, nf)
	for _, u := range us {
		for _, f := range u.feats {
			if al.fdf[f] <= postingsCap {
				x.units[x.start[f]+fill[f]] = int32(u.pos)
				fill[f]++
			}
		}
	}
	for _, u := range us {
		for _, f := range u.feats {
			al.fdf[f] = 0
		}
	}
	return x
}

// candidates returns up to candidatesPer units of the index that share the
// most weight of rare features with u, skipping those with taken[pos] >= 0
// when taken is not nil.
func (al *aligner) candidates(x *index, us []*unit, u *unit, taken []int) []int {
	if len(al.acc) < len(us) {
		al.acc = make([]float64, len(us))
		al.seen = make([]int32, len(us))
	}
	al.stamp++
	var hit []int
	for _, f := range u.feats {
		if int(f)+1 >= len(x.start) {
			continue
		}
		ps := x.units[x.start[f]:x.start[f+1]]
		w := 1 / float64(len(ps)+1)
		for _, p := range ps {
			if taken != nil && taken[p] >= 0 {
				continue
			}
			if al.seen[p] != al.stamp {
				al.seen[p] = al.stamp
				al.acc[p] = 0
				hit = append(hit, int(p))
			}
			al.acc[p] += w
		}
	}
	slices.SortFunc(hit, func(x, y int) int {
		if c := cmp.Compare(al.acc[y], al.acc[x]); c != 0 {
			return c
		}
		return cmp.Compare(x, y)
	})
	if len(hit) > candidatesPer {
		hit = hit[:candidatesPer]
	}
	return hit
}

// gaps pairs clauses left between two consecutive anchors (pairs in the
// longest increasing run of the pairing so far) with a lower threshold: a
// point reworded beyond recognition still sits where it sat.
func (al *aligner) gaps(olds, news []*unit, newOf, oldOf []int, edges []edge, move float64, pair func(a, b int)) error {
	var as, bs []int
	for a, b := range newOf {
		if b >= 0 {
			as = append(as, a)
			bs = append(bs, b)
		}
	}
	keep := increasing(bs)
	anchorsA := []int{-1}
	anchorsB := []int{-1}
	for i, k := range keep {
		if k {
			anchorsA = append(anchorsA, as[i])
			anchorsB = append(anchorsB, bs[i])
		}
	}
	anchorsA = append(anchorsA, len(olds))
	anchorsB = append(anchorsB, len(news))

	// Edges of big gaps come from the candidate list: gap index by unit.
	gapOfA := make([]int, len(olds))
	gapOfB := make([]int, len(news))
	for g := 0; g+1 < len(anchorsA); g++ {
		for a := anchorsA[g] + 1; a < anchorsA[g+1]; a++ {
			gapOfA[a] = g
		}
		for b := anchorsB[g] + 1; b < anchorsB[g+1]; b++ {
			gapOfB[b] = g
		}
	}
	// A clause whose words point to a free clause elsewhere (a score of
	// move or more) is not paired by position alone.
	elsewhereA := make([]bool, len(olds))
	elsewhereB := make([]bool, len(news))
	for _, e := range edges {
		if e.score < move {
			break // sorted best first
		}
		if newOf[e.a] < 0 && oldOf[e.b] < 0 {
			elsewhereA[e.a], elsewhereB[e.b] = true, true
		}
	}
	var es []edge
	for g := 0; g+1 < len(anchorsA); g++ {
		var ga, gb []int
		for a := anchorsA[g] + 1; a < anchorsA[g+1]; a++ {
			if newOf[a] < 0 {
				ga = append(ga, a)
			}
		}
		for b := anchorsB[g] + 1; b < anchorsB[g+1]; b++ {
			if oldOf[b] < 0 {
				gb = append(gb, b)
			}
		}
		if len(ga) == 0 || len(gb) == 0 || len(ga)*len(gb) > gapPairsLimit {
			continue
		}
		for _, a := range ga {
			for _, b := range gb {
				s := al.score(olds[a], news[b])
				if s >= gapThreshold || !elsewhereA[a] && !elsewhereB[b] && related(olds[a], news[b]) {
					es = append(es, al.edge(olds[a], news[b], s, len(olds), len(news)))
				}
			}
		}
		if err := al.c.tick(len(ga) * len(gb) / 16); err != nil {
			return err
		}
	}
	for _, e := range edges {
		if e.score >= gapThreshold && newOf[e.a] < 0 && oldOf[e.b] < 0 && gapOfA[e.a] == gapOfB[e.b] {
			es = append(es, e)
		}
	}
	sortEdges(es)
	for _, e := range es {
		if newOf[e.a] < 0 && oldOf[e.b] < 0 {
			pair(e.a, e.b)
		}
	}
	return nil
}

// mutualBest pairs free clauses that are each other's best free candidate
// with a score of at least threshold: a point moved and reworded, like
// "elections within 100 days" becoming "elections as soon as possible"
// three points earlier. edges are sorted best first.
func (al *aligner) mutualBest(edges []edge, threshold float64, newOf, oldOf []int, pair func(a, b int)) {
	bestA := make(map[int]int) // old → its best free new, by edge index
	bestB := make(map[int]int)
	for i, e := range edges {
		if e.score < threshold {
			break
		}
		if newOf[e.a] >= 0 || oldOf[e.b] >= 0 {
			continue
		}
		if _, ok := bestA[e.a]; !ok {
			bestA[e.a] = i
		}
		if _, ok := bestB[e.b]; !ok {
			bestB[e.b] = i
		}
	}
	for i, e := range edges {
		if e.score < threshold {
			break
		}
		if bestA[e.a] == i && bestB[e.b] == i && newOf[e.a] < 0 && oldOf[e.b] < 0 {
			pair(e.a, e.b)
		}
	}
}

// related reports whether two clauses left between the same paired
// neighbours are one point reworded beyond recognition: they open with the
// same heading ("Territories:" and "Territory (no consensus):"), or they
// carry the same label and share a topic or a party.
func related(a, b *unit) bool {
	if h := headWord(a.c.Heading); h != "" && h == headWord(b.c.Heading) {
		return true
	}
	if a.label != b.label {
		return false
	}
	return intersects(a.facts.Topics, b.facts.Topics) || intersects(a.facts.Parties, b.facts.Parties)
}

// headWord returns the first word of a heading, lower case and singular,
// so that "Territories" and "Territory (options open)" give one word.
func headWord(h string) string {
	w, _, _ := strings.Cut(strings.TrimSpace(h), " ")
	w = strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
	switch {
	case strings.HasSuffix(w, "ies"):
		return strings.TrimSuffix(w, "ies") + "y"
	case strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss"):
		return strings.TrimSuffix(w, "s")
	}
	return w
}

func intersects(x, y []string) bool {
	for _, s := range x {
		if slices.Contains(y, s) {
			return true
		}
	}
	return false
}

// parts finds splits and merges: an unpaired clause whose informative
// words are mostly found in one clause of the other side is a part of it.
// It returns the old unit each unpaired new unit is a part of (split) in
// splitOf, and the new unit each unpaired old unit is a part of (merge).
type partsOf struct {
	splitOf []int // by new unit: old unit, or -1
	mergeOf []int // by old unit: new unit, or -1
}

func (al *aligner) parts(olds, news []*unit, newOf, oldOf []int, oldIdx *index) partsOf {
	p := partsOf{splitOf: make([]int, len(news)), mergeOf: make([]int, len(olds))}
	// best returns the unit of other that holds most of u, if it holds
	// enough; partnerOf gives the partners of u's neighbours, where the
	// rest of a split or merged clause most likely sits.
	best := func(u *unit, other []*unit, idx *index, partnerOf []int) int {
		if len(u.toks) < minPartTokens || u.sq == 0 {
			return -1
		}
		var cands []int
		if idx == nil {
			for i := range other {
				cands = append(cands, i)
			}
		} else {
			cands = al.candidates(idx, other, u, nil)
			for _, p := range [...]int{u.pos - 1, u.pos + 1} {
				if p >= 0 && p < len(partnerOf) && partnerOf[p] >= 0 && !slices.Contains(cands, partnerOf[p]) {
					cands = append(cands, partnerOf[p])
				}
			}
		}
		bi, bs := -1, partThreshold
		for _, i := range cands {
			if s := al.common(other[i], u) / u.sq; s >= bs && (bi < 0 || s > bs) {
				bi, bs = i, s
			}
		}
		return bi
	}
	var newIdx *index
	if oldIdx != nil {
		newIdx = al.index(news)
	}
	// A part must sit next to the partner of the clause it belongs to, and
	// that partner must have lost words: a clause kept whole next to a new
	// one that reuses its phrases is no split.
	partOf := func(u *unit, other []*unit, whole *unit, partner int, idx *index, partnerOf []int) int {
		x := best(u, other, idx, partnerOf)
		if x < 0 || partner < 0 {
			return x
		}
		near := false
		for _, q := range [...]int{u.pos - 2, u.pos - 1, u.pos + 1, u.pos + 2} {
			near = near || (q >= 0 && q < len(partnerOf) && partnerOf[q] == x)
		}
		if !near || whole.norm == other[x].norm || al.common(whole, other[x])/max(other[x].sq, 1e-9) >= wholeShare {
			return -1
		}
		return x
	}
	for b := range news {
		p.splitOf[b] = -1
		if oldOf[b] < 0 {
			a := best(news[b], olds, oldIdx, oldOf)
			if a >= 0 && newOf[a] >= 0 {
				a = partOf(news[b], olds, news[newOf[a]], newOf[a], oldIdx, oldOf)
			}
			p.splitOf[b] = a
		}
	}
	for a := range olds {
		p.mergeOf[a] = -1
		if newOf[a] < 0 {
			b := best(olds[a], news, newIdx, newOf)
			if b >= 0 && oldOf[b] >= 0 {
				b = partOf(olds[a], news, olds[oldOf[b]], oldOf[b], newIdx, newOf)
			}
			p.mergeOf[a] = b
		}
	}
	return p
}

// groups turns the pairing and the parts into groups, in no particular
// order: splits first, then merges over what splits left, then pairs and
// lone clauses.
func (al *aligner) groups(n, m int, newOf, oldOf []int, p partsOf) []cluster {
	gOld := make([]int, n) // cluster of each old unit, or -1
	gNew := make([]int, m)
	for i := range gOld {
		gOld[i] = -1
	}
	for i := range gNew {
		gNew[i] = -1
	}
	var gs []cluster
	add := func(g cluster) {
		for _, a := range g.old {
			gOld[a] = len(gs)
		}
		for _, b := range g.new {
			gNew[b] = len(gs)
		}
		gs = append(gs, g)
	}
	// Splits: an old unit with new parts, plus its partner if it has one.
	splits := make(map[int][]int)
	var splitOlds []int
	for b, a := range p.splitOf {
		if a < 0 {
			continue
		}
		if _, ok := splits[a]; !ok {
			splitOlds = append(splitOlds, a)
			if newOf[a] >= 0 {
				splits[a] = append(splits[a], newOf[a])
			}
		}
		splits[a] = append(splits[a], b)
	}
	for _, a := range splitOlds {
		bs := splits[a]
		slices.Sort(bs)
		add(cluster{old: []int{a}, new: bs})
	}
	// Merges: a new unit with old parts, plus its partner, unless a split
	// took it.
	merges := make(map[int][]int)
	var mergeNews []int
	for a, b := range p.mergeOf {
		if b < 0 || gNew[b] >= 0 || gOld[a] >= 0 {
			continue
		}
		if _, ok := merges[b]; !ok {
			mergeNews = append(mergeNews, b)
			if a0 := oldOf[b]; a0 >= 0 && gOld[a0] < 0 {
				merges[b] = append(merges[b], a0)
			}
		}
		merges[b] = append(merges[b], a)
	}
	for _, b := range mergeNews {
		as := merges[b]
		slices.Sort(as)
		add(cluster{old: as, new: []int{b}})
	}
	for a, b := range newOf {
		if gOld[a] >= 0 {
			continue
		}
		if b >= 0 && gNew[b] < 0 {
			add(cluster{old: []int{a}, new: []int{b}})
		} else {
			add(cluster{old: []int{a}})
		}
	}
	for b := range m {
		if gNew[b] < 0 {
			add(cluster{new: []int{b}})
		}
	}
	return gs
}

// increasing marks the elements of a longest strictly increasing
// subsequence of xs, preferring the earliest elements on ties. It runs in
// O(n log n).
func increasing(xs []int) []bool {
	keep := make([]bool, len(xs))
	if len(xs) == 0 {
		return keep
	}
	tails := []int{} // index into xs of the smallest tail of each length
	prev := make([]int, len(xs))
	for i, x := range xs {
		k, _ := slices.BinarySearchFunc(tails, x, func(t, x int) int { return cmp.Compare(xs[t], x) })
		if k > 0 {
			prev[i] = tails[k-1]
		} else {
			prev[i] = -1
		}
		if k == len(tails) {
			tails = append(tails, i)
		} else {
			tails[k] = i
		}
	}
	for i := tails[len(tails)-1]; i >= 0; i = prev[i] {
		keep[i] = true
	}
	return keep
}

// ownText is a clause's heading and text without its sub-points.
func ownText(c *peace.Clause) string {
	switch {
	case c.Heading == "":
		return c.Text
	case c.Text == "":
		return c.Heading
	}
	return c.Heading + ": " + c.Text
}

// normalize appends the words of s to buf, lower case, without
// punctuation; numbers lose their separators ("600,000" is "600000").
func normalize(s string, buf []string) []string {
	eachWord(s, nil, func(w []byte) { buf = append(buf, string(w)) })
	return buf
}

// eachWord calls fn with each normalised word of s (see [normalize]),
// built in w, which it returns for reuse. fn must not keep the slice.
func eachWord(s string, w []byte, fn func([]byte)) []byte {
	w = w[:0]
	flush := func() {
		if len(w) > 0 {
			fn(w)
			w = w[:0]
		}
	}
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			switch {
			case 'a' <= c && c <= 'z' || '0' <= c && c <= '9':
				w = append(w, c)
			case 'A' <= c && c <= 'Z':
				w = append(w, c+'a'-'A')
			case (c == ',' || c == '.') && len(w) > 0 && isDigitByte(w[len(w)-1]) && i+1 < len(s) && isDigitByte(s[i+1]):
				// a separator inside a number
			case c == '\'':
				// "Ukraine's" is one word
			default:
				flush()
			}
			i++
			continue
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			flush()
		case unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.M, r):
			w = utf8.AppendRune(w, unicode.ToLower(r))
		case r == '’':
		default:
			flush()
		}
		i += n
	}
	flush()
	return w
}

// fullText is [peace.Clause.FullText] without the copy for a clause
// without sub-points.
func fullText(c *peace.Clause) string {
	if len(c.Children) == 0 {
		return ownText(c)
	}
	return c.FullText()
}

func isDigitByte(c byte) bool { return c >= '0' && c <= '9' }

// stem folds simple English plurals so that "guarantee" and "guarantees"
// count as one token.
func stem(w string) string {
	n := len(w)
	switch {
	case n > 4 && strings.HasSuffix(w, "ies"):
		return w[:n-3] + "y"
	case n > 3 && w[n-1] == 's' && w[n-2] != 's' && w[n-2] != 'u' && w[n-2] != 'i':
		return w[:n-1]
	}
	return w
}

// stopwords weigh nothing in alignment: they say little about which
// clause is which.
var stopwords = func() map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(`a an the of to in on at by for with from into onto and or nor but
		as is are was were be been being it its this that these those their there then than which who
		whom whose what when where will shall may must should would could can agree agrees to not no
		all any each every other such so also both either neither own same s out up down over under
		has have had do does did per via upon about after before between during until within`) {
		m[w] = true
	}
	return m
}()
