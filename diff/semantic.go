package diff

import (
	"slices"
	"sort"
	"strings"

	"github.com/peacediff/peacediff/peace"
)

// modalRanks returns the strength of each modal of l: the lexicon lists
// them from the strongest.
func modalRanks(l *peace.Lexicon) map[string]int {
	r := make(map[string]int)
	for i, m := range l.Modals {
		if _, ok := r[m.Modal]; !ok {
			r[m.Modal] = len(l.Modals) - i
		}
	}
	return r
}

// mergeFacts returns the facts of several clauses as one: the union of
// their lists, the strongest modality by rank, negated if any is.
func mergeFacts(fs []peace.Facts, rank map[string]int) peace.Facts {
	var out peace.Facts
	for _, f := range fs {
		out.Quantities = append(out.Quantities, f.Quantities...)
		out.Deadlines = append(out.Deadlines, f.Deadlines...)
		out.Conditions = append(out.Conditions, f.Conditions...)
		out.Parties = append(out.Parties, f.Parties...)
		out.Places = append(out.Places, f.Places...)
		out.Topics = append(out.Topics, f.Topics...)
		if f.Modality != "" && (out.Modality == "" || rank[f.Modality] > rank[out.Modality]) {
			out.Modality = f.Modality
		}
		out.Negated = out.Negated || f.Negated
	}
	sortQuantities(out.Quantities)
	out.Quantities = slices.CompactFunc(out.Quantities, func(x, y peace.Quantity) bool {
		return x.Value == y.Value && x.Unit == y.Unit
	})
	for _, s := range []*[]string{&out.Deadlines, &out.Conditions, &out.Parties, &out.Places, &out.Topics} {
		slices.Sort(*s)
		*s = slices.Compact(*s)
	}
	return out
}

// sortQuantities sorts by unit, then value, keeping the order of equals.
func sortQuantities(qs []peace.Quantity) {
	if len(qs) < 2 {
		return // most clauses have one quantity or none: no sorting, no allocation
	}
	sort.SliceStable(qs, func(i, j int) bool {
		if qs[i].Unit != qs[j].Unit {
			return qs[i].Unit < qs[j].Unit
		}
		return qs[i].Value < qs[j].Value
	})
}

// union returns the sorted distinct strings of x and y.
func union(x, y []string) []string {
	if len(x)+len(y) == 0 {
		return nil
	}
	out := make([]string, 0, len(x)+len(y))
	out = append(out, x...)
	out = append(out, y...)
	slices.Sort(out)
	return slices.Compact(out)
}

// compareFacts returns the changes of meaning between the facts of two
// aligned sides, in a fixed order: quantities, durations, modality,
// negation, parties, places, topics, conditions; within a kind, by the
// canonical texts. Equal facts give no changes, however the words differ.
func compareFacts(a, b peace.Facts) []Change {
	var out []Change
	out = append(out, quantityChanges(a, b)...)
	if a.Modality != "" && b.Modality != "" && a.Modality != b.Modality {
		out = append(out, Change{Kind: ModalityChange, Before: a.Modality, After: b.Modality})
	}
	if a.Negated != b.Negated {
		ch := Change{Kind: NegationChange}
		if a.Negated {
			ch.Before = "negated"
		} else {
			ch.After = "negated"
		}
		out = append(out, ch)
	}
	out = append(out, setChanges(a.Parties, b.Parties, PartyRemoved, PartyAdded)...)
	out = append(out, setChanges(a.Places, b.Places, PlaceRemoved, PlaceAdded)...)
	out = append(out, setChanges(a.Topics, b.Topics, TopicRemoved, TopicAdded)...)
	out = append(out, conditionChanges(a.Conditions, b.Conditions)...)
	return out
}

// setChanges lists what is only in before (removed) and only in after (added).
func setChanges(before, after []string, removed, added ChangeKind) []Change {
	var out []Change
	for _, s := range sortedCopy(before) {
		if !slices.Contains(after, s) {
			out = append(out, Change{Kind: removed, Before: s})
		}
	}
	for _, s := range sortedCopy(after) {
		if !slices.Contains(before, s) {
			out = append(out, Change{Kind: added, After: s})
		}
	}
	return out
}

func sortedCopy(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// quantityChanges compares quantities unit by unit; durations (days,
// months, years) form one group, and a time limit without a number (a
// deadline such as "as soon as possible") may stand in for a duration.
func quantityChanges(a, b peace.Facts) []Change {
	group := func(q peace.Quantity) string {
		if q.IsDuration() {
			return "duration"
		}
		return q.Unit
	}
	byGroup := func(qs []peace.Quantity) map[string][]peace.Quantity {
		m := make(map[string][]peace.Quantity)
		for _, q := range qs {
			m[group(q)] = append(m[group(q)], q)
		}
		return m
	}
	ga, gb := byGroup(a.Quantities), byGroup(b.Quantities)
	var keys []string
	for k := range ga {
		keys = append(keys, k)
	}
	for k := range gb {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)

	var quantities, durations []Change
	var lostDurations, newDurations []string
	for _, k := range keys {
		before, after := onlyIn(ga[k], gb[k]), onlyIn(gb[k], ga[k])
		if k == "duration" {
			n := min(len(before), len(after))
			for i := range n {
				durations = append(durations, Change{Kind: DurationChange, Before: before[i], After: after[i]})
			}
			lostDurations = append(lostDurations, before[n:]...)
			newDurations = append(newDurations, after[n:]...)
			continue
		}
		quantities = zipChanges(quantities, QuantityChange, before, after)
	}
	// Deadlines stand in for durations: "within 100 days" → "as soon as possible".
	lostDeadlines := missing(a.Deadlines, b.Deadlines)
	newDeadlines := missing(b.Deadlines, a.Deadlines)
	before := append(lostDurations, lostDeadlines...)
	after := append(newDurations, newDeadlines...)
	durations = zipChanges(durations, DurationChange, before, after)
	sortChanges(quantities)
	sortChanges(durations)
	return append(quantities, durations...)
}

// zipChanges appends changes of kind to dst pairing before[i] with
// after[i]; past the end of the shorter list the other side is empty.
func zipChanges(dst []Change, kind ChangeKind, before, after []string) []Change {
	for i := range max(len(before), len(after)) {
		ch := Change{Kind: kind}
		if i < len(before) {
			ch.Before = before[i]
		}
		if i < len(after) {
			ch.After = after[i]
		}
		dst = append(dst, ch)
	}
	return dst
}

// onlyIn returns the canonical forms of the quantities of x not in y,
// sorted by value.
func onlyIn(x, y []peace.Quantity) []string {
	var out []string
	x = slices.Clone(x)
	sortQuantities(x)
	for _, q := range x {
		if !slices.ContainsFunc(y, func(p peace.Quantity) bool { return p.Value == q.Value && p.Unit == q.Unit }) {
			s := q.String()
			if !slices.Contains(out, s) {
				out = append(out, s)
			}
		}
	}
	return out
}

// missing returns the sorted strings of x not in y.
func missing(x, y []string) []string {
	var out []string
	for _, s := range sortedCopy(x) {
		if !slices.Contains(y, s) {
			out = append(out, s)
		}
	}
	return out
}

func sortChanges(cs []Change) {
	if len(cs) < 2 {
		return
	}
	sort.SliceStable(cs, func(i, j int) bool {
		x, y := &cs[i], &cs[j]
		if (x.Before == "") != (y.Before == "") {
			return x.Before != ""
		}
		if x.Before != y.Before {
			return x.Before < y.Before
		}
		return x.After < y.After
	})
}

// conditionChanges pairs the conditions of both sides by their words, so
// that a condition reworded slightly is no change, and reports the rest
// as removed or added.
func conditionChanges(before, after []string) []Change {
	before, after = sortedCopy(before), sortedCopy(after)
	type pair struct {
		i, j  int
		score float64
	}
	var ps []pair
	for i, x := range before {
		for j, y := range after {
			if s := conditionOverlap(x, y); s >= 0.5 {
				ps = append(ps, pair{i, j, s})
			}
		}
	}
	sort.SliceStable(ps, func(i, j int) bool { return ps[i].score > ps[j].score })
	usedB := make([]bool, len(before))
	usedA := make([]bool, len(after))
	for _, p := range ps {
		if !usedB[p.i] && !usedA[p.j] {
			usedB[p.i], usedA[p.j] = true, true
		}
	}
	var out []Change
	for i, s := range before {
		if !usedB[i] {
			out = append(out, Change{Kind: ConditionRemoved, Before: s})
		}
	}
	for j, s := range after {
		if !usedA[j] {
			out = append(out, Change{Kind: ConditionAdded, After: s})
		}
	}
	return out
}

// conditionOverlap is the share of the informative words of the shorter
// condition found in the other one.
func conditionOverlap(x, y string) float64 {
	wx, wy := conditionWords(x), conditionWords(y)
	if len(wx) == 0 || len(wy) == 0 {
		if strings.EqualFold(strings.TrimSpace(x), strings.TrimSpace(y)) {
			return 1
		}
		return 0
	}
	if len(wx) > len(wy) {
		wx, wy = wy, wx
	}
	n := 0
	for _, w := range wx {
		if slices.Contains(wy, w) {
			n++
		}
	}
	return float64(n) / float64(len(wx))
}

func conditionWords(s string) []string {
	var out []string
	for _, w := range normalize(s, nil) {
		w = stem(w)
		if !stopwords[w] && !conditionTriggers[w] {
			out = append(out, w)
		}
	}
	return sortedCopy(out)
}

// conditionTriggers open a condition; they say nothing about which one it is.
var conditionTriggers = map[string]bool{
	"if": true, "unless": true, "provided": true, "once": true, "when": true, "whether": true,
}
