package diff

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	"github.com/peacediff/peacediff/peace"
)

// Compare aligns the clauses of two versions of a plan and describes each
// match: its kind, the word-level edits and the changes of meaning found
// by comparing the [peace.Facts] of both sides.
//
// # Alignment
//
// The top-level points are aligned first, each standing for its whole
// text, sub-points included. Points with the same words after normalising
// case, spacing and punctuation pair first, in order. The others are
// scored by the cosine of their informative words weighted by inverse
// document frequency (with a small bonus for the same label), candidates
// coming from an inverted index over rare words and word pairs, so that
// the cost stays about linear in the size of the plans; the best pairs are
// taken greedily. A point whose words mostly changed still pairs with a
// lower score when it sits between the same two paired neighbours, or,
// with few words in common, when it also keeps its label and a topic or a
// party, unless its words point to an unpaired point elsewhere. In plans
// of up to a few dozen points, two unpaired points that are each other's
// best candidate pair a little below the usual score: a point moved and
// reworded. Of what is left, a point whose informative words are mostly found
// in one point of the other plan is a part of it: a split (one old point,
// several new) or a merge (several old, one new). Matches off the longest
// run that keeps the old order are flagged moved; a match whose first
// paths differ is flagged renumbered.
//
// # Sub-points
//
// When two paired points both have sub-points, their sub-points are
// aligned the same way, in matches of their own ("10.a" → "10.b") listed
// right after their parents' match, and the parents' match compares only
// the points' own heading and text. In every other case (one side has no
// sub-points, or the match is a split, merge, addition or removal) the
// match covers the whole points, sub-points included, and no match names
// their sub-points. Either way a point's changes of meaning compare the
// facts of its whole subtree, so a sub-point match repeats in detail what
// its parent reports. Every clause of both plans is thus named in exactly
// one match or covered by the match of one ancestor.
//
// # Result
//
// Matches come in the order of the new plan; a removed clause comes right
// after the match of the old clause before it. A match is unchanged (same
// words), amended (at least one change of meaning), reworded (other words,
// same facts), split, merged, added or removed. The same plans and options
// give the same Result, down to the bytes of its JSON.
//
// Compare returns an error wrapping [ErrTooLarge] for a plan over the size
// limits, and the context's error (such as [context.DeadlineExceeded])
// when the context set by [WithContext] or [WithDeadline] ends first:
// never a partial result.
func Compare(old, new *peace.Plan, opts ...Option) (*Result, error) {
	if old == nil || new == nil {
		return nil, errors.New("diff: Compare needs two plans, got nil")
	}
	cfg := newConfig(opts)
	c := &comparer{
		cfg:   cfg,
		facts: make(map[*peace.Clause]peace.Facts),
		sub:   make(map[*peace.Clause]peace.Facts),
		rank:  modalRanks(cfg.lexicon),
	}
	if err := c.tick(0); err != nil {
		return nil, err
	}
	for _, side := range [...]struct {
		name string
		p    *peace.Plan
	}{{"old", old}, {"new", new}} {
		if err := cfg.check(side.name, side.p); err != nil {
			return nil, err
		}
	}
	if err := c.annotate(old, new); err != nil {
		return nil, err
	}
	c.al = newAligner(c, textSize(old)+textSize(new))
	ms, err := c.level(old.Clauses, new.Clauses)
	if err != nil {
		return nil, err
	}
	r := &Result{
		Old:     info(old),
		New:     info(new),
		Matches: ms,
	}
	if r.Matches == nil {
		r.Matches = []Match{}
	}
	for _, m := range r.Matches {
		r.Summary.add(m)
	}
	r.Topics = topicTable(r.Matches, cfg.lexicon)
	return r, nil
}

// topicTable lists the topics of ms, those of the matches and those their
// changes add or remove, sorted by id, with their labels in l.
func topicTable(ms []Match, l *peace.Lexicon) []TopicInfo {
	var ids []string
	for _, m := range ms {
		ids = append(ids, m.Topics...)
		for _, c := range m.Changes {
			if c.Kind == TopicAdded || c.Kind == TopicRemoved {
				ids = append(ids, c.Before, c.After)
			}
		}
	}
	slices.Sort(ids)
	ids = slices.Compact(ids)
	var out []TopicInfo
	for _, id := range ids {
		if id != "" {
			out = append(out, TopicInfo{ID: id, Label: readableTopic(id, l.Topic(id))})
		}
	}
	return out
}

func info(p *peace.Plan) PlanInfo {
	return PlanInfo{ID: p.ID, Title: p.Title, Date: p.Date, Clauses: len(p.Clauses)}
}

func (s *Summary) add(m Match) {
	switch m.Kind {
	case Unchanged:
		s.Unchanged++
	case Reworded:
		s.Reworded++
	case Amended:
		s.Amended++
	case Split:
		s.Split++
	case Merged:
		s.Merged++
	case Added:
		s.Added++
	case Removed:
		s.Removed++
	}
	if m.Moved {
		s.Moved++
	}
}

// textSize returns the bytes of text of a plan's clauses.
func textSize(p *peace.Plan) int {
	n := 0
	for c := range p.All() {
		n += len(c.Heading) + len(c.Text)
	}
	return n
}

// check returns an error if p is over the limits.
func (cfg *config) check(side string, p *peace.Plan) error {
	n, size := 0, 0
	for c := range p.All() {
		if c == nil {
			return fmt.Errorf("diff: %s plan has a nil clause", side)
		}
		n++
		size += len(c.Heading) + len(c.Text) + len(c.Label)
	}
	if cfg.maxClauses > 0 && n > cfg.maxClauses {
		return fmt.Errorf("%w: %s plan has %d clauses, over the limit of %d", ErrTooLarge, side, n, cfg.maxClauses)
	}
	if cfg.maxBytes > 0 && size > cfg.maxBytes {
		return fmt.Errorf("%w: %s plan has %d bytes of text, over the limit of %d", ErrTooLarge, side, size, cfg.maxBytes)
	}
	return nil
}

// A comparer holds the state of one call of [Compare].
type comparer struct {
	cfg   config
	ticks int
	facts map[*peace.Clause]peace.Facts // each clause's own facts
	sub   map[*peace.Clause]peace.Facts // facts of whole subtrees, cached
	al    *aligner
	rank  map[string]int // modal strength, from the lexicon: higher is stronger
}

// tick counts n units of work and checks the context now and then.
func (c *comparer) tick(n int) error {
	c.ticks += n
	if n > 0 && c.ticks < 1024 {
		return nil
	}
	c.ticks = 0
	if err := c.done(); err != nil {
		return fmt.Errorf("diff: comparing plans: %w", err)
	}
	return nil
}

// done returns the context's error, or [context.DeadlineExceeded] once the
// deadline of [WithDeadline] has passed. It checks the deadline itself
// rather than deriving a context with [context.WithDeadline]: a timer
// context puts time.Time in an interface, which links the time package's
// formatting and parsing into the wasm viewer (22 KB gzipped).
func (c *comparer) done() error {
	if err := c.cfg.ctx.Err(); err != nil {
		return err
	}
	if !c.cfg.deadline.IsZero() && !time.Now().Before(c.cfg.deadline) {
		return context.DeadlineExceeded
	}
	return nil
}

// annotate reads the own facts of every clause of both plans, in
// parallel when the plans are long: the lexicon is safe for concurrent use.
func (c *comparer) annotate(plans ...*peace.Plan) error {
	var all []*peace.Clause
	for _, p := range plans {
		for k := range p.All() {
			all = append(all, k)
		}
	}
	facts := make([]peace.Facts, len(all))
	err := c.parallel(len(all), func(i int) {
		k := all[i]
		facts[i] = c.cfg.lexicon.Annotate(&peace.Clause{Label: k.Label, Heading: k.Heading, Text: k.Text})
	})
	if err != nil {
		return err
	}
	for i, k := range all {
		c.facts[k] = facts[i]
	}
	return nil
}

// subtreeFacts returns the facts of a clause and all its sub-points.
func (c *comparer) subtreeFacts(k *peace.Clause) peace.Facts {
	if len(k.Children) == 0 {
		return c.facts[k]
	}
	if f, ok := c.sub[k]; ok {
		return f
	}
	var fs []peace.Facts
	for d := range k.All() {
		fs = append(fs, c.facts[d])
	}
	f := mergeFacts(fs, c.rank)
	c.sub[k] = f
	return f
}

// level aligns two lists of sibling clauses and returns their matches,
// sub-point matches included, in order.
func (c *comparer) level(olds, news []*peace.Clause) ([]Match, error) {
	c.al.setLevel(len(olds) + len(news))
	uo := c.al.prepare(olds, true)
	un := c.al.prepare(news, true)
	gs, err := c.al.align(uo, un)
	if err != nil {
		return nil, err
	}
	moved := movedGroups(gs)
	order := orderGroups(gs, len(olds))

	// Describe the matches: those that cover whole points in parallel (they
	// only read facts cached by prepare), then, in order, the pairs whose
	// sub-points are aligned in turn.
	type job struct {
		os, ns []*peace.Clause
		own    bool
		same   *bool // known when the units' normalised texts are the match's texts
	}
	jobs := make([]job, len(order))
	for i, gi := range order {
		g := gs[gi]
		j := job{os: pick(olds, g.old), ns: pick(news, g.new)}
		j.own = len(j.os) == 1 && len(j.ns) == 1 && len(j.os[0].Children) > 0 && len(j.ns[0].Children) > 0
		if !j.own && len(j.os) == 1 && len(j.ns) == 1 {
			eq := uo[g.old[0]].norm == un[g.new[0]].norm
			j.same = &eq
		}
		jobs[i] = j
	}
	ms := make([]Match, len(order))
	err = c.parallel(len(jobs), func(i int) {
		if j := jobs[i]; !j.own {
			ms[i] = c.match(j.os, j.ns, true, j.same)
		}
	})
	if err != nil {
		return nil, err
	}
	var out []Match
	for i, j := range jobs {
		if j.own {
			ms[i] = c.match(j.os, j.ns, false, nil)
		}
		ms[i].Moved = moved[order[i]]
		out = append(out, ms[i])
		if j.own {
			sub, err := c.level(j.os[0].Children, j.ns[0].Children)
			if err != nil {
				return nil, err
			}
			out = append(out, sub...)
		}
		if err := c.tick(1); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// parallel calls f(i) for i in [0, n), on as many goroutines as there are
// processors when n is large. It stops early, with the context's error,
// when the context ends.
func (c *comparer) parallel(n int, f func(i int)) error {
	workers := min(runtime.GOMAXPROCS(0), 1+n/parallelMin)
	if workers <= 1 {
		for i := range n {
			f(i)
			if err := c.tick(1); err != nil {
				return err
			}
		}
		return nil
	}
	var wg sync.WaitGroup
	var stop atomic.Bool
	chunk := (n + workers - 1) / workers
	for w := range workers {
		lo, hi := w*chunk, min((w+1)*chunk, n)
		wg.Go(func() {
			for i := lo; i < hi; i++ {
				if i%256 == 0 && (stop.Load() || c.done() != nil) {
					stop.Store(true)
					return
				}
				f(i)
			}
		})
	}
	wg.Wait()
	return c.tick(0)
}

// parallelMin is the number of items worth a goroutine of their own.
const parallelMin = 1000

func pick(cs []*peace.Clause, idx []int) []*peace.Clause {
	out := make([]*peace.Clause, len(idx))
	for i, j := range idx {
		out[i] = cs[j]
	}
	return out
}

// movedGroups marks the groups with clauses on both sides that lie off a
// longest increasing run of new positions taken in old order.
func movedGroups(gs []cluster) []bool {
	var both []int
	for i, g := range gs {
		if len(g.old) > 0 && len(g.new) > 0 {
			both = append(both, i)
		}
	}
	slices.SortFunc(both, func(x, y int) int {
		if c := cmp.Compare(gs[x].old[0], gs[y].old[0]); c != 0 {
			return c
		}
		return cmp.Compare(gs[x].new[0], gs[y].new[0])
	})
	news := make([]int, len(both))
	for i, g := range both {
		news[i] = gs[g].new[0]
	}
	keep := increasing(news)
	moved := make([]bool, len(gs))
	for i, g := range both {
		moved[g] = !keep[i]
	}
	return moved
}

// orderGroups orders groups by their first new clause; a group of removed
// clauses follows the group of the nearest old clause before it that has
// a new side, or comes first if there is none.
func orderGroups(gs []cluster, nOld int) []int {
	groupOfOld := make([]int, nOld)
	for i, g := range gs {
		for _, a := range g.old {
			groupOfOld[a] = i
		}
	}
	type key struct{ at, after, old int }
	keys := make([]key, len(gs))
	for i, g := range gs {
		if len(g.new) > 0 {
			keys[i] = key{at: g.new[0]}
			continue
		}
		k := key{at: -1, after: 1, old: g.old[0]}
		for a := g.old[0] - 1; a >= 0; a-- {
			if p := gs[groupOfOld[a]]; len(p.new) > 0 {
				k.at = p.new[0]
				break
			}
		}
		keys[i] = k
	}
	order := make([]int, len(gs))
	for i := range order {
		order[i] = i
	}
	slices.SortFunc(order, func(x, y int) int {
		kx, ky := keys[x], keys[y]
		if c := cmp.Compare(kx.at, ky.at); c != 0 {
			return c
		}
		if c := cmp.Compare(kx.after, ky.after); c != 0 {
			return c
		}
		return cmp.Compare(kx.old, ky.old)
	})
	return order
}

// match describes one group of clauses. whole says whether the match
// covers the clauses' sub-points or only their own words, the sub-points
// being matched on their own. Either way the facts compared are those of
// the whole subtrees: the changes of a point include those of its
// sub-points, which their own matches list again in detail.
//
// same, when not nil, says whether the two texts have the same words.
func (c *comparer) match(os, ns []*peace.Clause, whole bool, same *bool) Match {
	m := Match{Old: paths(os), New: paths(ns)}
	oldText, oldFacts := c.side(os, whole)
	newText, newFacts := c.side(ns, whole)
	m.Topics = union(oldFacts.Topics, newFacts.Topics)
	ops := wordOps(oldText, newText)
	m.Edits = toEdits(ops)
	switch {
	case len(os) == 0:
		m.Kind = Added
		return m
	case len(ns) == 0:
		m.Kind = Removed
		return m
	case len(os) > 1:
		m.Kind = Merged
	case len(ns) > 1:
		m.Kind = Split
	}
	m.Renumbered = m.Old[0] != m.New[0]
	if same == nil {
		eq := sameWords(oldText, newText)
		same = &eq
	}
	if !*same || !whole {
		m.Changes = compareFacts(oldFacts, newFacts)
	}
	if m.Kind == "" {
		switch {
		case len(m.Changes) > 0:
			m.Kind = Amended
		case *same:
			m.Kind = Unchanged
		default:
			m.Kind = Reworded
		}
	}
	m.Similarity = similarity(ops)
	if *same {
		m.Similarity = 1
	}
	return m
}

// side returns the text of one side of a match, whole or the clauses' own
// words, and the facts of the whole subtrees.
func (c *comparer) side(cs []*peace.Clause, whole bool) (string, peace.Facts) {
	text := func(k *peace.Clause) string {
		if whole {
			return fullText(k)
		}
		return ownText(k)
	}
	if len(cs) == 1 {
		return text(cs[0]), c.subtreeFacts(cs[0])
	}
	texts := make([]string, 0, len(cs))
	fs := make([]peace.Facts, 0, len(cs))
	for _, k := range cs {
		texts = append(texts, text(k))
		fs = append(fs, c.subtreeFacts(k))
	}
	return strings.Join(texts, " "), mergeFacts(fs, c.rank)
}

func paths(cs []*peace.Clause) []string {
	out := make([]string, len(cs))
	for i, k := range cs {
		out[i] = k.Path()
	}
	return out
}

// sameWords reports whether a and b have the same words after normalising
// case, spacing and punctuation.
func sameWords(a, b string) bool {
	return a == b || bytes.Equal(appendWords(nil, a), appendWords(nil, b))
}

// appendWords appends the normalised words of s to buf, each followed by a space.
func appendWords(buf []byte, s string) []byte {
	var w []byte
	eachWord(s, w, func(w []byte) {
		buf = append(buf, w...)
		buf = append(buf, ' ')
	})
	return buf
}

// similarity is the share of words the edits keep: twice the equal words
// over the words of both sides, rounded to two decimals.
func similarity(ops []tokOp) float64 {
	var eq, del, ins int
	for _, o := range ops {
		n := countWords(o.toks)
		switch o.op {
		case Equal:
			eq += n
		case Delete:
			del += n
		case Insert:
			ins += n
		}
	}
	if eq+del+ins == 0 {
		return 1
	}
	return math.Round(200*float64(eq)/float64(2*eq+del+ins)) / 100
}
