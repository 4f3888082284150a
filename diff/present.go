package diff

import (
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/peacediff/peacediff/peace"
)

// This file holds the small, format-neutral views that every writer of a
// Result shares: the phrase for a change, the summary line, and the
// grouping of changes of meaning by topic. They only read a Result.

// String returns the change as a reader would phrase it: "600,000 personnel
// → 800,000 personnel" when both sides have a value, "+ NATO" when only the
// new clause has it and "− Crimea" when only the old one does. Large
// numbers get thousands separators; the canonical values stay in
// [Change.Before] and [Change.After]. A topic gained or lost is named by
// its label in the default lexicon; [Change.Phrase] takes the labels of
// the comparison's own lexicon.
func (c Change) String() string {
	return c.Phrase(TopicLabel)
}

// Phrase returns c as [Change.String] does, naming a topic by
// topicLabel(id): pass [Result.TopicLabel] or [Lineage.TopicLabel] for the
// labels of the lexicon the comparison was made with.
func (c Change) Phrase(topicLabel func(id string) string) string {
	before, after := c.SidesWith(topicLabel)
	switch {
	case before != "" && after != "":
		return before + " → " + after
	case after != "":
		return "+ " + after
	case before != "":
		return "− " + before
	}
	return string(c.Kind)
}

// Sides returns Before and After as [Change.String] shows them: numbers
// with separators, "negated" for a negation flag, "topic: Armed forces"
// for a topic, "" for a missing side.
func (c Change) Sides() (before, after string) {
	return c.SidesWith(TopicLabel)
}

// SidesWith returns the sides of c as [Change.Sides] does, naming a topic
// by topicLabel(id), as [Change.Phrase] does.
func (c Change) SidesWith(topicLabel func(id string) string) (before, after string) {
	switch c.Kind {
	case NegationChange:
		// A flag rather than a value: name what appeared or went away.
		return negationWord(c.Before), negationWord(c.After)
	case TopicAdded, TopicRemoved:
		return topicSide(c.Before, topicLabel), topicSide(c.After, topicLabel)
	}
	return readableQuantity(c.Before), readableQuantity(c.After)
}

// topicSide writes a topic id as "topic: Armed forces".
func topicSide(id string, label func(string) string) string {
	if id == "" {
		return ""
	}
	return "topic: " + readableTopic(id, label(id))
}

// readableQuantity writes a canonical value for a reader: separators in
// large numbers, and a bare number without the unit word "count".
func readableQuantity(s string) string {
	return readable(strings.TrimSuffix(s, " "+peace.UnitCount))
}

func negationWord(s string) string {
	switch strings.ToLower(s) {
	case "", "false", "no":
		return ""
	case "true", "yes":
		return "negated"
	}
	return s
}

// readable puts thousands separators into the numbers of a canonical value:
// "600000 personnel" becomes "600,000 personnel". Numbers of four digits or
// fewer are left alone (2025 reads better than 2,025).
func readable(s string) string {
	if !strings.ContainsFunc(s, unicode.IsDigit) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		j := i
		for j < len(s) && s[j] >= '0' && s[j] <= '9' {
			j++
		}
		if j == i {
			b.WriteByte(s[i])
			i++
			continue
		}
		digits := s[i:j]
		// Only whole numbers: leave decimals ("1.5") and parts of words alone.
		afterDot := i > 0 && s[i-1] == '.'
		beforeDot := j+1 < len(s) && s[j] == '.' && s[j+1] >= '0' && s[j+1] <= '9'
		if len(digits) > 4 && !afterDot && !beforeDot {
			digits = largeNumber(digits)
		}
		b.WriteString(digits)
		i = j
	}
	return b.String()
}

// largeNumber writes a whole number of five digits or more: "800 billion" or
// "2 million" for exact multiples of a trillion, billion or million,
// "600,000" otherwise.
func largeNumber(digits string) string {
	digits = strings.TrimLeft(digits, "0")
	for _, u := range []struct {
		zeros int
		word  string
	}{{12, "trillion"}, {9, "billion"}, {6, "million"}} {
		if len(digits) > u.zeros && strings.Trim(digits[len(digits)-u.zeros:], "0") == "" {
			return groupDigits(digits[:len(digits)-u.zeros]) + " " + u.word
		}
	}
	return groupDigits(digits)
}

func groupDigits(digits string) string {
	var b strings.Builder
	for i, r := range digits {
		if i > 0 && (len(digits)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(r)
	}
	return b.String()
}

// SummaryLine returns the one-line digest of a comparison: the number of
// top-level points on each side, then the non-zero counts of each kind, as
// in "28 → 20 points · 9 amended · 4 reworded · 12 removed · 6 moved".
func (r *Result) SummaryLine() string {
	return strings.Join(r.summaryParts(), " · ")
}

func (r *Result) summaryParts() []string {
	parts := []string{fmt.Sprintf("%d → %d points", r.Old.Clauses, r.New.Clauses)}
	s := r.Summary
	for _, c := range []struct {
		n    int
		what string
	}{
		{s.Amended, "amended"},
		{s.Reworded, "reworded"},
		{s.Merged, "merged"},
		{s.Split, "split"},
		{s.Removed, "removed"},
		{s.Added, "added"},
		{s.Unchanged, "unchanged"},
		{s.Moved, "moved"},
	} {
		if c.n > 0 {
			parts = append(parts, strconv.Itoa(c.n)+" "+c.what)
		}
	}
	return parts
}

// A TopicGroup gathers the matches of a [Result] that change the meaning of
// the plan on one topic: matches with at least one [Change], and clauses
// added or removed outright.
type TopicGroup struct {
	Topic   string  // topic id from the lexicon, such as "armed-forces"; "" for clauses with no topic
	Label   string  // the topic as a reader sees it: "Armed forces", or "Other"
	Matches []Match // in the order of the Result
}

// ByTopic returns the changes of meaning of r grouped by topic: the view a
// reader wants first. A match is filed under one topic only, so that each
// appears once: its first topic that both versions of the clause share, or
// failing that its first topic; groups come in the order of their first match, and the
// group of matches with no topic comes last. Unchanged and reworded matches
// are left out, as are split and merged ones that change no fact.
func (r *Result) ByTopic() []TopicGroup {
	var groups []TopicGroup
	index := map[string]int{} // topic id → position in groups
	for _, m := range r.Matches {
		if !meaningful(m) {
			continue
		}
		topic := primaryTopic(m)
		i, ok := index[topic]
		if !ok {
			i = len(groups)
			index[topic] = i
			groups = append(groups, TopicGroup{Topic: topic, Label: r.TopicLabel(topic)})
		}
		groups[i].Matches = append(groups[i].Matches, m)
	}
	// The untopical group, if any, goes last; the others keep their order.
	sort.SliceStable(groups, func(i, j int) bool {
		return groups[i].Topic != "" && groups[j].Topic == ""
	})
	return groups
}

// primaryTopic returns the topic to file m under: the first of its topics
// that no change adds or removes, else its first topic, else "".
func primaryTopic(m Match) string {
	for _, t := range m.Topics {
		if !hasTopicChange(m, TopicAdded, t) && !hasTopicChange(m, TopicRemoved, t) {
			return t
		}
	}
	if len(m.Topics) > 0 {
		return m.Topics[0]
	}
	return ""
}

// meaningful reports whether m belongs in the meaning-first view.
func meaningful(m Match) bool {
	return len(m.Changes) > 0 || m.Kind == Added || m.Kind == Removed
}

// TopicLabel returns the label of a topic of the default lexicon, such as
// "Armed forces" for "armed-forces", or the id itself when it has none. It
// reads the lexicon [Compare] uses by default, so callers need no copy of
// their own. [Result.TopicLabel] gives the labels of the lexicon a
// comparison was made with.
func TopicLabel(id string) string {
	return defaultLexicon().Topic(id)
}

// TopicLabel returns the label of a topic of r, from r.Topics: the label
// of the lexicon the comparison was made with. For an id r.Topics lacks,
// as in a Result read from JSON written before it had topics, it falls
// back to the default lexicon and then to the id made readable
// ("armed-forces" → "Armed forces"); the empty id is "Other". A nil r
// reads the default lexicon.
func (r *Result) TopicLabel(id string) string {
	if id == "" {
		return "Other"
	}
	if r != nil {
		for _, t := range r.Topics {
			if t.ID == id && t.Label != "" {
				return t.Label
			}
		}
	}
	return readableTopic(id, TopicLabel(id))
}

// readableTopic returns label, or id made readable when the lexicon has no
// label for it (label is "" or the id itself).
func readableTopic(id, label string) string {
	if label != id && label != "" {
		return label
	}
	s := strings.ReplaceAll(id, "-", " ")
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// pathsLabel writes the clause paths of a match the way the writers show
// them: "6 → 4", "12 → 8, 9", "3 → –" for a removed clause and "– → 10"
// for an added one.
func pathsLabel(m Match) string {
	return sideLabel(m.Old) + " → " + sideLabel(m.New)
}

func sideLabel(paths []string) string {
	if len(paths) == 0 {
		return "–"
	}
	return strings.Join(paths, ", ")
}

// kindLabel returns the kind of a match with its flags: "amended, moved".
func kindLabel(m Match) string {
	s := string(m.Kind)
	if m.Moved {
		s += ", moved"
	}
	return s
}

// changeParts returns the changes of a match as phrases for the meaning
// view. Changes of topic are left out when there are others: they follow
// from the facts that did change and tell a reader little.
func (r *Result) changeParts(m Match) []string {
	var parts, topics []string
	for _, c := range m.Changes {
		if c.Kind == TopicAdded || c.Kind == TopicRemoved {
			topics = append(topics, c.Phrase(r.TopicLabel))
		} else {
			parts = append(parts, c.Phrase(r.TopicLabel))
		}
	}
	if len(parts) == 0 {
		return topics
	}
	return parts
}

// sideText returns the text of one side of a match from its edits: the old
// text when old is true, the new otherwise.
func sideText(m Match, old bool) string {
	var b strings.Builder
	for _, e := range m.Edits {
		if e.Op == Equal || (old && e.Op == Delete) || (!old && e.Op == Insert) {
			b.WriteString(e.Text)
		}
	}
	return b.String()
}

// cleanText makes s safe to print on a terminal: line breaks and tabs
// become spaces, and other control characters, escape included, become
// U+FFFD, so that a plan's text can neither break the layout nor send
// commands to the terminal.
func cleanText(s string) string {
	if !strings.ContainsFunc(s, unicode.IsControl) {
		return s
	}
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\t' || r == '\n' || r == '\r' || r == '\v' || r == '\f':
			return ' '
		case unicode.IsControl(r):
			return utf8.RuneError
		}
		return r
	}, s)
}

func cleanAll(ss []string) []string {
	out := make([]string, len(ss))
	for i, s := range ss {
		out[i] = cleanText(s)
	}
	return out
}

func cleanInfo(p PlanInfo) PlanInfo {
	p.ID, p.Title, p.Date = cleanText(p.ID), cleanText(p.Title), cleanText(p.Date)
	return p
}

// cleaned returns a copy of r with every string passed through cleanText:
// the text and Markdown writers print the copy.
func (r *Result) cleaned() *Result {
	c := *r
	c.Old, c.New = cleanInfo(r.Old), cleanInfo(r.New)
	c.Matches = make([]Match, len(r.Matches))
	for i, m := range r.Matches {
		m.Old, m.New, m.Topics = cleanAll(m.Old), cleanAll(m.New), cleanAll(m.Topics)
		edits := make([]Edit, len(m.Edits))
		for j, e := range m.Edits {
			edits[j] = Edit{Op: e.Op, Text: cleanText(e.Text)}
		}
		m.Edits = edits
		changes := make([]Change, len(m.Changes))
		for j, ch := range m.Changes {
			changes[j] = Change{Kind: ch.Kind, Before: cleanText(ch.Before), After: cleanText(ch.After)}
		}
		m.Changes = changes
		c.Matches[i] = m
	}
	return &c
}

// cleaned returns a copy of l with every string passed through cleanText.
func (l *Lineage) cleaned() *Lineage {
	c := *l
	c.Versions = make([]PlanInfo, len(l.Versions))
	for i, v := range l.Versions {
		c.Versions[i] = cleanInfo(v)
	}
	c.Threads = make([]Thread, len(l.Threads))
	for i, th := range l.Threads {
		steps := make([]Step, len(th.Steps))
		for j, s := range th.Steps {
			s.Paths = cleanAll(s.Paths)
			steps[j] = s
		}
		c.Threads[i] = Thread{Topics: cleanAll(th.Topics), Steps: steps}
	}
	c.Topics = make([]TopicHistory, len(l.Topics))
	for i, h := range l.Topics {
		changes := make([]TopicChange, len(h.Changes))
		for j, ch := range h.Changes {
			ch.Old, ch.New = cleanAll(ch.Old), cleanAll(ch.New)
			ch.Before, ch.After = cleanText(ch.Before), cleanText(ch.After)
			changes[j] = ch
		}
		c.Topics[i] = TopicHistory{Topic: cleanText(h.Topic), Label: cleanText(h.Label), Versions: h.Versions, Changes: changes}
	}
	return &c
}
