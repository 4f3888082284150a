package diff

import (
	"cmp"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/peacediff/peacediff/peace"
)

// A Lineage is the history of a plan through several versions: the thread
// of every clause from version to version, and for every topic the
// versions that touch it and how its facts moved. [History] builds it from
// a [Compare] of each pair of consecutive versions.
//
// A Lineage is plain data; with encoding/json (or [Lineage.WriteJSON]) it
// gives this document, whose field names are public API:
//
//	{
//	  "versions": [{"id": "us-28", "title": "...", "date": "2025-11-20", "clauses": 28}, ...],
//	  "comparisons": [{"from": 0, "to": 1, "summary": {"unchanged": 3, "reworded": 5, ...}}, ...],
//	  "threads": [
//	    {"topics": ["armed-forces"],
//	     "steps": [
//	       {"version": 0, "paths": ["6"]},
//	       {"version": 1, "paths": ["6"], "kind": "amended",
//	        "changes": [{"kind": "quantity", "before": "600000 personnel", "after": "800000 personnel"}]},
//	       {"version": 2, "paths": ["4"], "kind": "reworded", "moved": true, "renumbered": true},
//	       {"version": 3, "paths": [], "kind": "removed"}]}
//	  ],
//	  "topics": [
//	    {"topic": "armed-forces", "label": "Armed forces", "versions": [0, 1, 2],
//	     "changes": [{"from": 0, "to": 1, "old": ["6"], "new": ["6"],
//	                  "kind": "quantity", "before": "600000 personnel", "after": "800000 personnel"}]}
//	  ]
//	}
//
// Versions are numbered from 0 in the order given to History; every
// "version", "from" and "to" is an index into "versions".
//
// A thread is the set of clauses linked by matches across versions: one
// clause carried from version to version, or several when points were
// split or merged. Its steps come in version order, one for each version
// in which it has clauses, plus a last step with kind "removed" and no
// paths when it was dropped. A step's "kind", "moved", "renumbered" and
// "changes" say how its clauses came from the previous version: the kind
// of the match ("unchanged", "reworded", "amended", "split", "merged"), or
// of the most telling one when several matches meet in one step (split and
// merged before amended, amended before reworded, reworded before
// unchanged). The first step has kind "added" when the thread's clauses are
// new in its version, and no kind when it starts in the first version.
// Comparisons may match a point as a whole, sub-points included, or its
// sub-points one by one; so a sub-point's thread may also start without a
// kind after the first version, or end without a step, where a
// neighbouring comparison matched it only as part of its parent point and
// the parent was carried on. A sub-point whose parent was added or removed
// as a whole is added or removed with it. Threads come in the order of
// their first clause: by version, then by position in that version.
//
// A topic lists the versions that have a clause on it and every change of
// meaning found in a match on the topic, in version order; a change in a
// clause with several topics is listed under each, except that a change of
// topic ("topic-added", "topic-removed") is listed only under the topic it
// names. Topics are sorted by id.
//
// Empty lists are written as [] rather than null, flags and kinds that do
// not apply are left out, and the same plans give byte-identical JSON.
type Lineage struct {
	Versions    []PlanInfo     `json:"versions"`
	Comparisons []Comparison   `json:"comparisons"`
	Threads     []Thread       `json:"threads"`
	Topics      []TopicHistory `json:"topics"`
}

// A Comparison counts the matches between two consecutive versions of a
// [Lineage].
type Comparison struct {
	From    int     `json:"from"`
	To      int     `json:"to"`
	Summary Summary `json:"summary"`
}

// A Thread follows linked clauses through the versions of a [Lineage].
type Thread struct {
	Topics []string `json:"topics"` // every topic of the thread's matches, sorted
	Steps  []Step   `json:"steps"`
}

// A Step is where a [Thread] stands in one version, and how it got there.
type Step struct {
	Version    int      `json:"version"`        // index into Lineage.Versions
	Paths      []string `json:"paths"`          // the thread's clauses in this version, in document order; empty once removed
	Kind       Kind     `json:"kind,omitempty"` // how they came from the previous version; "" at the start of the first version
	Moved      bool     `json:"moved,omitempty"`
	Renumbered bool     `json:"renumbered,omitempty"`
	Changes    []Change `json:"changes,omitempty"`
}

// A TopicHistory traces one topic through the versions of a [Lineage].
type TopicHistory struct {
	Topic    string        `json:"topic"`    // topic id, such as "armed-forces"
	Label    string        `json:"label"`    // as a reader sees it: "Armed forces"
	Versions []int         `json:"versions"` // versions with at least one clause on the topic
	Changes  []TopicChange `json:"changes"`
}

// A TopicChange is one change of meaning on a topic between two
// consecutive versions, with the clauses it was found in.
type TopicChange struct {
	From   int        `json:"from"`
	To     int        `json:"to"`
	Old    []string   `json:"old"`
	New    []string   `json:"new"`
	Kind   ChangeKind `json:"kind"`
	Before string     `json:"before,omitempty"`
	After  string     `json:"after,omitempty"`
}

// History compares each pair of consecutive versions with [Compare], with
// opts, and links the results into a [Lineage]. It needs at least two
// plans, oldest first; comparing n versions costs n-1 calls of Compare.
func History(plans []*peace.Plan, opts ...Option) (*Lineage, error) {
	if len(plans) < 2 {
		return nil, fmt.Errorf("diff: history needs at least two plans, got %d", len(plans))
	}
	for i, p := range plans {
		if p == nil {
			return nil, fmt.Errorf("diff: history: plan %d is nil", i)
		}
	}
	results := make([]*Result, len(plans)-1)
	for i := range results {
		r, err := Compare(plans[i], plans[i+1], opts...)
		if err != nil {
			return nil, fmt.Errorf("diff: history: comparing versions %d and %d: %w", i, i+1, err)
		}
		results[i] = r
	}
	return lineage(plans, results)
}

// clauseAt is one clause of one version.
type clauseAt struct {
	version int
	path    string
}

// lineage links the comparisons of consecutive versions; results[i]
// compares plans[i] with plans[i+1].
func lineage(plans []*peace.Plan, results []*Result) (*Lineage, error) {
	if len(results) != len(plans)-1 {
		return nil, errors.New("diff: history: need one result per pair of versions")
	}
	l := &Lineage{
		Versions:    make([]PlanInfo, len(plans)),
		Comparisons: make([]Comparison, len(results)),
		Threads:     []Thread{},
		Topics:      []TopicHistory{},
	}
	for i, r := range results {
		l.Versions[i] = r.Old
		l.Versions[i+1] = r.New
		l.Comparisons[i] = Comparison{From: i, To: i + 1, Summary: r.Summary}
	}

	// Document position of every clause, to order paths and threads.
	order := make([]map[string]int, len(plans))
	for v, p := range plans {
		order[v] = map[string]int{}
		i := 0
		for c := range p.All() {
			order[v][c.Path()] = i
			i++
		}
	}

	// Union-find over clauses: every match joins its clauses on both sides.
	parent := map[clauseAt]clauseAt{}
	var find func(n clauseAt) clauseAt
	find = func(n clauseAt) clauseAt {
		p, ok := parent[n]
		if !ok {
			parent[n] = n
			return n
		}
		if p == n {
			return n
		}
		root := find(p)
		parent[n] = root
		return root
	}
	union := func(a, b clauseAt) {
		ra, rb := find(a), find(b)
		if ra != rb {
			parent[rb] = ra
		}
	}
	// first holds, for each match, one clause to find its thread by.
	type ref struct {
		result int
		match  int
		n      clauseAt
	}
	var refs []ref
	for i, r := range results {
		for j, m := range r.Matches {
			var ns []clauseAt
			for _, p := range m.Old {
				ns = append(ns, clauseAt{i, p})
			}
			for _, p := range m.New {
				ns = append(ns, clauseAt{i + 1, p})
			}
			if len(ns) == 0 {
				continue
			}
			find(ns[0])
			for _, n := range ns[1:] {
				union(ns[0], n)
			}
			refs = append(refs, ref{i, j, ns[0]})
		}
	}

	// Gather each thread's clauses and matches.
	type group struct {
		nodes   []clauseAt
		matches []ref
	}
	groups := map[clauseAt]*group{}
	var roots []clauseAt
	for n := range parent {
		root := find(n)
		g, ok := groups[root]
		if !ok {
			g = &group{}
			groups[root] = g
			roots = append(roots, root)
		}
		g.nodes = append(g.nodes, n)
	}
	for _, rf := range refs {
		g := groups[find(rf.n)]
		g.matches = append(g.matches, rf)
	}

	before := func(a, b clauseAt) int {
		if c := cmp.Compare(a.version, b.version); c != 0 {
			return c
		}
		if c := cmp.Compare(docPosition(order, a), docPosition(order, b)); c != 0 {
			return c
		}
		return cmp.Compare(a.path, b.path)
	}
	var threads []*group
	for _, root := range roots {
		g := groups[root]
		slices.SortFunc(g.nodes, before)
		slices.SortFunc(g.matches, func(a, b ref) int {
			return cmp.Or(cmp.Compare(a.result, b.result), cmp.Compare(a.match, b.match))
		})
		threads = append(threads, g)
	}
	slices.SortFunc(threads, func(a, b *group) int { return before(a.nodes[0], b.nodes[0]) })

	for _, g := range threads {
		t := Thread{Topics: []string{}}
		byVersion := map[int][]string{}
		for _, n := range g.nodes {
			byVersion[n.version] = append(byVersion[n.version], n.path)
		}
		stepOf := map[int]*Step{}
		var steps []*Step
		step := func(v int) *Step {
			if s, ok := stepOf[v]; ok {
				return s
			}
			s := &Step{Version: v, Paths: byVersion[v]}
			if s.Paths == nil {
				s.Paths = []string{}
			}
			stepOf[v] = s
			steps = append(steps, s)
			return s
		}
		step(g.nodes[0].version) // the start, even if no match reaches it
		for _, rf := range g.matches {
			m := results[rf.result].Matches[rf.match]
			for _, topic := range m.Topics {
				if !slices.Contains(t.Topics, topic) {
					t.Topics = append(t.Topics, topic)
				}
			}
			if m.Kind != Added {
				step(rf.result) // the old side, in case the thread starts there
			}
			s := step(rf.result + 1)
			if strongerKind(m.Kind, s.Kind) {
				s.Kind = m.Kind
			}
			s.Moved = s.Moved || m.Moved
			s.Renumbered = s.Renumbered || m.Renumbered
			s.Changes = append(s.Changes, m.Changes...)
		}
		slices.SortFunc(steps, func(a, b *Step) int { return cmp.Compare(a.Version, b.Version) })
		for _, s := range steps {
			t.Steps = append(t.Steps, *s)
		}
		slices.Sort(t.Topics)
		l.Threads = append(l.Threads, t)
	}
	inheritFromParents(l, len(plans))

	l.Topics = topicHistories(results)
	return l, nil
}

// inheritFromParents completes the threads of sub-points that a comparison
// matched only as part of their parent point. Such a match covers its
// sub-points, so a sub-point whose parent point was added is added with
// it, and one whose parent point was removed is removed with it.
func inheritFromParents(l *Lineage, versions int) {
	// Which thread holds each clause.
	owner := map[clauseAt]int{}
	for i, th := range l.Threads {
		for _, s := range th.Steps {
			for _, p := range s.Paths {
				owner[clauseAt{s.Version, p}] = i
			}
		}
	}
	// kindOfParent returns the kind of the step by which the nearest
	// ancestor of path (in version v) that has a thread reaches version
	// at, or "" if there is none.
	kindOfParent := func(v int, path string, at int) Kind {
		for {
			i := strings.LastIndexByte(path, '.')
			if i < 0 {
				return ""
			}
			path = path[:i]
			t, ok := owner[clauseAt{v, path}]
			if !ok {
				continue
			}
			for _, s := range l.Threads[t].Steps {
				if s.Version == at {
					return s.Kind
				}
			}
			return ""
		}
	}
	for i := range l.Threads {
		th := &l.Threads[i]
		first, last := th.Steps[0], th.Steps[len(th.Steps)-1]
		if first.Kind == "" && first.Version > 0 && len(first.Paths) > 0 &&
			kindOfParent(first.Version, first.Paths[0], first.Version) == Added {
			th.Steps[0].Kind = Added
		}
		if last.Kind != Removed && last.Version < versions-1 && len(last.Paths) > 0 &&
			kindOfParent(last.Version, last.Paths[0], last.Version+1) == Removed {
			th.Steps = append(th.Steps, Step{Version: last.Version + 1, Paths: []string{}, Kind: Removed})
		}
	}
}

func docPosition(order []map[string]int, n clauseAt) int {
	if i, ok := order[n.version][n.path]; ok {
		return i
	}
	return len(order[n.version]) // unknown paths go last
}

// stronger reports whether kind a says more about a step than kind b, for
// a step where several matches meet.
func strongerKind(a, b Kind) bool {
	rank := func(k Kind) int {
		switch k {
		case Merged, Split:
			return 6
		case Amended:
			return 5
		case Reworded:
			return 4
		case Unchanged:
			return 3
		case Added:
			return 2
		case Removed:
			return 1
		}
		return 0
	}
	return rank(a) > rank(b)
}

// TopicLabel returns the label of a topic as the comparisons of l name it
// (see [Result.TopicLabel]).
func (l *Lineage) TopicLabel(id string) string {
	if l != nil {
		for _, t := range l.Topics {
			if t.Topic == id && t.Label != "" {
				return t.Label
			}
		}
	}
	return (*Result)(nil).TopicLabel(id)
}

// topicLabelIn returns the label of a topic in the first of results that
// lists it, else as [Result.TopicLabel] falls back.
func topicLabelIn(results []*Result, id string) string {
	for _, r := range results {
		for _, t := range r.Topics {
			if t.ID == id && t.Label != "" {
				return t.Label
			}
		}
	}
	return (*Result)(nil).TopicLabel(id)
}

// topicHistories traces every topic named by a match through the versions.
func topicHistories(results []*Result) []TopicHistory {
	byTopic := map[string]*TopicHistory{}
	var ids []string
	get := func(id string) *TopicHistory {
		h, ok := byTopic[id]
		if !ok {
			h = &TopicHistory{Topic: id, Label: topicLabelIn(results, id), Versions: []int{}, Changes: []TopicChange{}}
			byTopic[id] = h
			ids = append(ids, id)
		}
		return h
	}
	touch := func(h *TopicHistory, v int) {
		if !slices.Contains(h.Versions, v) {
			h.Versions = append(h.Versions, v)
		}
	}
	for i, r := range results {
		for _, m := range r.Matches {
			for _, id := range m.Topics {
				h := get(id)
				// A match's topics are those of both sides; a topic change
				// says which side lacks it.
				if len(m.Old) > 0 && !hasTopicChange(m, TopicAdded, id) {
					touch(h, i)
				}
				if len(m.New) > 0 && !hasTopicChange(m, TopicRemoved, id) {
					touch(h, i+1)
				}
				for _, c := range m.Changes {
					if (c.Kind == TopicAdded || c.Kind == TopicRemoved) && c.Before != id && c.After != id {
						continue // another topic's business
					}
					h.Changes = append(h.Changes, TopicChange{
						From: i, To: i + 1, Old: orEmpty(m.Old), New: orEmpty(m.New),
						Kind: c.Kind, Before: c.Before, After: c.After,
					})
				}
			}
		}
	}
	slices.Sort(ids)
	out := make([]TopicHistory, len(ids))
	for i, id := range ids {
		out[i] = *byTopic[id]
		slices.Sort(out[i].Versions)
	}
	return out
}

func hasTopicChange(m Match, kind ChangeKind, value string) bool {
	for _, c := range m.Changes {
		if c.Kind == kind && (c.Before == value || c.After == value) {
			return true
		}
	}
	return false
}

func orEmpty(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}

// Version returns version i of the lineage. For an index it does not
// have, as in a hand-edited document, it returns a placeholder whose ID is
// the index in brackets, so that writers never fail on one.
func (l *Lineage) Version(i int) PlanInfo {
	if i < 0 || i >= len(l.Versions) {
		return PlanInfo{ID: fmt.Sprintf("[%d]", i)}
	}
	return l.Versions[i]
}
