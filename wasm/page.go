package wasm

import (
	"cmp"
	"sort"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/peace"
)

// A Page is the view model of one comparison: everything the viewer draws,
// computed from a [diff.Result] without touching the DOM.
type Page struct {
	Old, New diff.PlanInfo
	Counts   []Count      // the count line
	Rows     []Row        // one per match, in the order of the Result
	Topics   []TopicGroup // the changes of meaning by topic, rows referred to by index
	Kinds    []string     // the kinds present, for the kind filter; "moved" last if any
	Labels   []Option     // the topics present, for the topic filter, in order of first use

	oldOrder, newOrder []string // every clause path of each side, in document order; see fillOrder
	ordered            bool
	result             *diff.Result
	oldPlan, newPlan   *peace.Plan
	anchors            map[string]int
	searchable         bool // Row.search is filled in
}

// A Count is one item of the count line: "28 → 20 points", "9 amended".
type Count struct {
	Text string
	Kind string // the kind counted, or "" for the points
}

// An Option is one choice of a filter.
type Option struct {
	Value, Label string
}

// A Row is one match as the redline shows it.
type Row struct {
	Match    diff.Match
	Anchor   string // the row's part of its fragment: the new path, or "old-" and the old path
	Old, New Side
	Chips    []Chip
	Meaning  bool   // the match changes the meaning: a change of fact, or a clause added or removed
	Summary  string // "6 → 4", "– → 19"
	search   string // lower-case text the search box looks in, made on the first search
}

// A Side is one side of a row: the clause numbers and the words.
type Side struct {
	Paths    []string
	Segments []Segment // empty when the side has no clause
}

// Numbers returns the side's clause numbers as printed: "10, 11".
func (s Side) Numbers() string { return strings.Join(s.Paths, ", ") }

// Text returns the side's words without markup.
func (s Side) Text() string {
	var b strings.Builder
	for _, g := range s.Segments {
		b.WriteString(g.Text)
	}
	return b.String()
}

// A Segment is a run of words of one side: kept (diff.Equal), deleted from
// the old side (diff.Delete) or inserted in the new side (diff.Insert).
type Segment struct {
	Op   diff.Op
	Text string
}

// A ChipSign says whether a chip adds, removes or changes a fact.
type ChipSign int

// The signs of a chip.
const (
	ChipChange ChipSign = iota // "will → may"
	ChipAdd                    // "+ NATO"
	ChipRemove                 // "− Crimea"
)

// A Chip is one change of meaning as a short phrase.
type Chip struct {
	Kind   diff.ChangeKind
	Sign   ChipSign
	Prefix string // what kind of fact, when the value alone does not say: "condition", "topic", "negation"
	Before string // readable old value; "" for an addition
	After  string // readable new value; "" for a removal
	Text   string // the whole chip as plain text: "600,000 personnel → 800,000 personnel", "+ NATO"
}

// A TopicGroup lists the rows that change the meaning of the plan on one topic.
type TopicGroup struct {
	ID, Label string
	Rows      []int
}

// NewPage builds the view model of r. The plans, when not nil, supply the
// words of clauses whose match carries no edits (added and removed clauses
// from a Result that omits them) and the document order of the map.
func NewPage(r *diff.Result, old, new *peace.Plan) *Page {
	p := &Page{Old: r.Old, New: r.New, anchors: make(map[string]int, 2*len(r.Matches))}
	p.Counts = counts(r)
	kinds := map[diff.Kind]bool{}
	moved := false
	seenTopic := map[string]bool{}
	keys := make(map[string]int, len(r.Matches))
	oldIdx, newIdx := &clauses{plan: old}, &clauses{plan: new}
	for i, m := range r.Matches {
		row := Row{Match: m, Meaning: len(m.Changes) > 0 || m.Kind == diff.Added || m.Kind == diff.Removed}
		row.Old.Paths, row.New.Paths = m.Old, m.New
		row.Old.Segments, row.New.Segments = segments(m, oldIdx, newIdx)
		row.Summary = sideLabel(m.Old) + " → " + sideLabel(m.New)
		for _, c := range m.Changes {
			row.Chips = append(row.Chips, chip(c, r.TopicLabel))
		}
		// Topics gained or lost say least to a reader: they go last.
		sort.SliceStable(row.Chips, func(i, j int) bool {
			return topicRank(row.Chips[i].Kind) < topicRank(row.Chips[j].Kind)
		})
		switch {
		case len(m.New) > 0:
			row.Anchor = m.New[0]
		case len(m.Old) > 0:
			row.Anchor = "old-" + m.Old[0]
		default:
			row.Anchor = "row-" + strconv.Itoa(i)
		}
		if _, dup := p.anchors[row.Anchor]; dup {
			row.Anchor += "-" + strconv.Itoa(i)
		}
		p.anchors[row.Anchor] = i
		for _, path := range m.New {
			if _, ok := p.anchors[path]; !ok {
				p.anchors[path] = i
			}
		}
		for _, path := range m.Old {
			if _, ok := p.anchors["old-"+path]; !ok {
				p.anchors["old-"+path] = i
			}
		}
		kinds[m.Kind] = true
		moved = moved || m.Moved
		for _, t := range m.Topics {
			if !seenTopic[t] {
				seenTopic[t] = true
				p.Labels = append(p.Labels, Option{Value: t, Label: r.TopicLabel(t)})
			}
		}
		keys[matchKey(m)] = i
		p.Rows = append(p.Rows, row)
	}
	for _, k := range []diff.Kind{diff.Amended, diff.Reworded, diff.Merged, diff.Split, diff.Removed, diff.Added, diff.Unchanged} {
		if kinds[k] {
			p.Kinds = append(p.Kinds, string(k))
		}
	}
	if moved {
		p.Kinds = append(p.Kinds, "moved")
	}
	for _, g := range r.ByTopic() {
		tg := TopicGroup{ID: g.Topic, Label: g.Label}
		for _, m := range g.Matches {
			if i, ok := keys[matchKey(m)]; ok {
				tg.Rows = append(tg.Rows, i)
			}
		}
		p.Topics = append(p.Topics, tg)
	}
	p.result, p.oldPlan, p.newPlan = r, old, new
	return p
}

// Row returns the index of the row a fragment names: a row's Anchor, a
// new clause path ("4") or an old one ("old-6"). It reports false when no
// row holds that clause.
func (p *Page) Row(anchor string) (int, bool) {
	i, ok := p.anchors[anchor]
	return i, ok
}

// Changes returns the indexes of the rows that change something: every row
// whose kind is not unchanged, in order. Keyboard navigation steps through them.
func (p *Page) Changes() []int {
	var out []int
	for i, r := range p.Rows {
		if r.Match.Kind != diff.Unchanged {
			out = append(out, i)
		}
	}
	return out
}

func counts(r *diff.Result) []Count {
	out := []Count{{Text: strconv.Itoa(r.Old.Clauses) + " → " + strconv.Itoa(r.New.Clauses) + " points"}}
	s := r.Summary
	for _, c := range []struct {
		n    int
		kind string
	}{
		{s.Amended, "amended"}, {s.Reworded, "reworded"}, {s.Merged, "merged"}, {s.Split, "split"},
		{s.Removed, "removed"}, {s.Added, "added"}, {s.Moved, "moved"}, {s.Unchanged, "unchanged"},
	} {
		if c.n > 0 {
			out = append(out, Count{Text: strconv.Itoa(c.n) + " " + c.kind, Kind: c.kind})
		}
	}
	return out
}

// clauses indexes the clauses of a plan by path, on first use: the
// matches of a comparison carry their words, and only a Result that omits
// them needs the plans.
type clauses struct {
	plan   *peace.Plan // nil when the plan is not known
	byPath map[string]*peace.Clause
}

// get returns the clause at path, or nil.
func (cs *clauses) get(path string) *peace.Clause {
	if cs.plan == nil {
		return nil
	}
	if cs.byPath == nil {
		cs.byPath = map[string]*peace.Clause{}
		for c := range cs.plan.All() {
			cs.byPath[c.Path()] = c
		}
	}
	return cs.byPath[path]
}

// segments returns the words of both sides of m: from its edits when it has
// them, from the plans otherwise.
func segments(m diff.Match, old, new *clauses) (o, n []Segment) {
	if len(m.Edits) > 0 {
		for _, e := range m.Edits {
			if e.Text == "" {
				continue
			}
			if e.Op != diff.Insert && len(m.Old) > 0 {
				o = appendSegment(o, Segment{Op: e.Op, Text: e.Text})
			}
			if e.Op != diff.Delete && len(m.New) > 0 {
				n = appendSegment(n, Segment{Op: e.Op, Text: e.Text})
			}
		}
		return o, n
	}
	return planText(old, m.Old), planText(new, m.New)
}

// appendSegment appends g, joining it to the last segment when both do the same.
func appendSegment(s []Segment, g Segment) []Segment {
	if k := len(s) - 1; k >= 0 && s[k].Op == g.Op {
		s[k].Text += g.Text
		return s
	}
	return append(s, g)
}

// planText returns the words of the clauses at paths as one kept segment.
func planText(p *clauses, paths []string) []Segment {
	if len(paths) == 0 {
		return nil
	}
	var words []string
	for _, path := range paths {
		if c := p.get(path); c != nil {
			words = append(words, c.FullText())
		}
	}
	if len(words) == 0 {
		return nil
	}
	return []Segment{{Op: diff.Equal, Text: strings.Join(words, " ")}}
}

func sideLabel(paths []string) string {
	if len(paths) == 0 {
		return "–"
	}
	return strings.Join(paths, ", ")
}

// matchKey identifies a match by its clauses, which no other match shares.
func matchKey(m diff.Match) string {
	return strings.Join(m.Old, ",") + "|" + strings.Join(m.New, ",")
}

func topicRank(k diff.ChangeKind) int {
	if k == diff.TopicAdded || k == diff.TopicRemoved {
		return 1
	}
	return 0
}

// chip phrases one change, naming topics with topicLabel. Values come from
// Change.SidesWith, which makes numbers readable; the kinds whose value
// does not say what it is get a prefix.
func chip(c diff.Change, topicLabel func(string) string) Chip {
	ch := Chip{Kind: c.Kind}
	ch.Before, ch.After = c.SidesWith(topicLabel)
	switch {
	case ch.Before == "" && ch.After != "":
		ch.Sign = ChipAdd
	case ch.Before != "" && ch.After == "":
		ch.Sign = ChipRemove
	case ch.Before == "" && ch.After == "":
		ch.After = string(c.Kind)
	}
	switch c.Kind {
	case diff.ConditionAdded, diff.ConditionRemoved:
		ch.Prefix = "condition"
	case diff.NegationChange:
		// A flag, not a value: "+ negation" says it all.
		for _, s := range []*string{&ch.Before, &ch.After} {
			if *s == "negated" {
				*s = "negation"
			}
		}
		if ch.Sign == ChipChange {
			ch.Prefix = "negation"
		}
	case diff.DurationChange:
		if ch.Sign != ChipChange {
			ch.Prefix = "deadline"
		}
	}
	if ch.Prefix != "" && strings.HasPrefix(ch.Before+ch.After, ch.Prefix+":") {
		ch.Prefix = ""
	}
	ch.Text = ch.phrase()
	return ch
}

// phrase writes the chip as plain text: "+ condition: if Ukraine invades Russia".
func (c Chip) phrase() string {
	var b strings.Builder
	switch c.Sign {
	case ChipAdd:
		b.WriteString("+ ")
	case ChipRemove:
		b.WriteString("− ")
	}
	if c.Prefix != "" {
		b.WriteString(c.Prefix + ": ")
	}
	switch {
	case c.Before != "" && c.After != "":
		b.WriteString(c.Before + " → " + c.After)
	default:
		b.WriteString(c.Before + c.After)
	}
	return b.String()
}

// fillOrder puts the clauses of each side in order, for the map, the first
// time it is drawn.
func (p *Page) fillOrder() {
	if p.ordered {
		return
	}
	ms := p.result.Matches
	p.oldOrder = order(p.oldPlan, ms, func(m diff.Match) []string { return m.Old })
	p.newOrder = order(p.newPlan, ms, func(m diff.Match) []string { return m.New })
	p.ordered = true
}

// fillSearch makes the text each row is searched in, before the first search.
func (p *Page) fillSearch() {
	if p.searchable {
		return
	}
	for i := range p.Rows {
		p.Rows[i].search = searchText(p.Rows[i])
	}
	p.searchable = true
}

func searchText(r Row) string {
	var b strings.Builder
	b.WriteString(r.Old.Numbers() + "\n" + r.New.Numbers() + "\n" + r.Old.Text() + "\n" + r.New.Text())
	for _, c := range r.Chips {
		b.WriteString("\n" + c.Text)
	}
	return strings.ToLower(b.String())
}

// order returns every path one side of the matches names, in the plan's
// document order when the plan is known and in natural order otherwise.
func order(p *peace.Plan, ms []diff.Match, side func(diff.Match) []string) []string {
	present := map[string]bool{}
	var paths []string
	for _, m := range ms {
		for _, s := range side(m) {
			if !present[s] {
				present[s] = true
				paths = append(paths, s)
			}
		}
	}
	if p != nil {
		var out []string
		for c := range p.All() {
			if present[c.Path()] {
				out = append(out, c.Path())
				delete(present, c.Path())
			}
		}
		if len(present) == 0 {
			return out
		}
	}
	sortPaths(paths)
	return paths
}

// sortPaths sorts clause paths in natural order: 2 before 10, 10 before 10.a.
func sortPaths(paths []string) {
	sort.SliceStable(paths, func(i, j int) bool { return comparePaths(paths[i], paths[j]) < 0 })
}

func comparePaths(a, b string) int {
	as, bs := strings.Split(a, "."), strings.Split(b, ".")
	for i := 0; i < len(as) && i < len(bs); i++ {
		if as[i] == bs[i] {
			continue
		}
		x, errX := strconv.Atoi(as[i])
		y, errY := strconv.Atoi(bs[i])
		switch {
		case errX == nil && errY == nil:
			return cmp.Compare(x, y)
		case errX == nil:
			return -1
		case errY == nil:
			return 1
		}
		return strings.Compare(as[i], bs[i])
	}
	return cmp.Compare(len(as), len(bs))
}

// Excerpt returns the first words of s, at most n bytes, cut at a space and
// followed by an ellipsis when anything was cut.
func Excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) <= n {
		return s
	}
	cut := strings.LastIndexByte(s[:n+1], ' ')
	if cut <= 0 {
		cut = n
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
	}
	return strings.TrimRight(s[:cut], " ,;:") + "…"
}
