package peacetest

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strconv"
	"strings"

	"github.com/peacediff/peacediff/peace"
)

// Plan returns a plan of n top-level clauses in the canonical format. It is
// the old version of [Pair] with the same n and seed.
func Plan(n int, seed uint64) []byte {
	g := newGen(seed, 1)
	return render(g.plan(n), seed, 1)
}

// Pair returns two versions of a plan of n top-level clauses: old, which is
// [Plan](n, seed), and new, an edit of it as the package documentation
// describes.
func Pair(n int, seed uint64) (old, new []byte) {
	g := newGen(seed, 1)
	cs := g.plan(n)
	old = render(cs, seed, 1)
	e := newGen(seed, 2)
	return old, render(e.edit(cs), seed, 2)
}

// A statement is one sentence-like part of a clause.
type statement struct {
	cond      string // condition phrase without its leading comma, or ""
	condFront bool   // "If ..., X will ..." rather than "X will ... if ..."
	subject   string
	modal     string
	pred      string
	adverbs   []string
}

// A clause is a generated top-level point.
type clause struct {
	heading string      // short heading, "" for none
	lead    string      // heading with sub-points ("... as follows"), or ""
	stmts   []statement // the text, unless lead is set
	subs    []statement // sub-points a), b), c)
}

type gen struct {
	r *rand.Rand
}

func newGen(seed, stream uint64) *gen {
	return &gen{r: rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15^stream))}
}

func (g *gen) pick(list []string) string { return list[g.r.IntN(len(list))] }

func (g *gen) chance(p float64) bool { return g.r.Float64() < p }

var (
	parties = []string{
		"Ukraine", "Russia", "the United States", "the European Union", "NATO",
		"the United Kingdom", "France", "Germany", "Poland", "Turkey",
		"the United Nations", "the guarantor states", "both parties", "the signatory states",
	}
	places = []string{
		"Crimea", "Donetsk", "Luhansk", "Zaporizhzhia", "Kherson", "Kharkiv", "Sumy",
		"Mykolaiv", "Dnipropetrovsk", "Odesa", "the Black Sea", "the Dnipro River",
		"the Kinburn Spit", "the line of contact", "the buffer zone",
	}
	modals = []string{"will", "will", "will", "shall", "may", "must", "agrees to", "is expected to", "should"}

	// predicates use {P} for a party, {L} for a place, {N} for personnel,
	// {M} for money, {D} days, {Y} years, {K} km and {C} percent.
	predicates = []string{
		"withdraw its forces from {L}",
		"cap its armed forces at {N} personnel",
		"provide {M} for the reconstruction of {L}",
		"hold elections within {D} days",
		"guarantee the security of {P}",
		"lift sanctions on {P} in stages and case by case",
		"recognise the line of contact in {L} de facto",
		"exchange all prisoners of war with {P}",
		"establish a demilitarised zone of {K} km around {L}",
		"monitor the ceasefire along {L}",
		"receive {C} percent of the profits from the joint investment vehicle",
		"not station troops in {L}",
		"return all deported children to {P}",
		"restore energy supplies to {L}",
		"conclude a non-aggression agreement with {P}",
		"keep its non-nuclear status under the Treaty on the Non-Proliferation of Nuclear Weapons",
		"rebuild ports and railways in {L}",
		"support a humanitarian committee for {Y} years",
		"invest {M} in the economy of {L}",
		"open negotiations with {P} on the status of {L}",
	}
	adverbs = []string{
		"under international supervision",
		"with the support of the guarantor states",
		"in line with international law",
		"as soon as possible",
		"without preconditions",
		"within {D} days of the signature",
		"for a period of {Y} years",
		"in close cooperation with {P}",
		"through a joint commission chaired by {P}",
		"in accordance with this agreement",
		"on an all-for-all basis",
		"at the request of {P}",
		"including in {L} and {L}",
		"with a flexible ground component",
	}
	conditions = []string{
		"if {P} invades {P}",
		"unless the ceasefire is violated",
		"provided that {P} ratifies the agreement",
		"once the monitoring mission is deployed in {L}",
		"if the parties agree",
		"in peacetime",
		"after the agreement is signed",
	}
	headings  = []string{"Territory", "Security", "Sanctions", "Elections", "Energy", "Humanitarian Issues", "Reconstruction"}
	leadIns   = []string{"The following measures will be taken", "Guarantee provided by {P}", "Territories", "A package of measures for {L} will include", "Implementation will proceed as follows"}
	personnel = []string{"600,000", "800,000", "250,000", "100,000", "50,000"}
	money     = []string{"$100 billion", "$800 billion", "€50 billion", "$10 billion", "€200 million"}
	days      = []string{"30", "60", "90", "100", "180"}
	years     = []string{"5", "10", "15", "25"}
	kms       = []string{"15", "30", "40", "100"}
	percents  = []string{"50", "25", "10", "75"}

	// synonyms for rewording, both ways: the words change, the facts do not
	synonyms = [][2]string{
		{"withdraw its forces", "pull back its troops"}, {"withdraw their forces", "pull back their troops"}, {"establish", "set up"},
		{"reconstruction", "rebuilding"}, {"agreement", "accord"}, {"support", "help"},
		{"monitor", "observe"}, {"conclude", "sign"}, {"restore", "reinstate"},
		{"rebuild", "reconstruct"}, {"close cooperation", "coordination"},
		{"supervision", "oversight"}, {"as soon as possible", "without delay"},
		{"invest {M} in", "put {M} into"}, {"open negotiations", "begin talks"}, {"ports and railways", "railways and ports"},
	}
)

// fill replaces the slots of a template.
func (g *gen) fill(t string) string {
	if !strings.Contains(t, "{") {
		return t
	}
	var b strings.Builder
	for {
		i := strings.IndexByte(t, '{')
		if i < 0 || i+2 >= len(t) {
			b.WriteString(t)
			return b.String()
		}
		b.WriteString(t[:i])
		switch t[i+1] {
		case 'P':
			b.WriteString(g.pick(parties))
		case 'L':
			b.WriteString(g.pick(places))
		case 'N':
			b.WriteString(g.pick(personnel))
		case 'M':
			b.WriteString(g.pick(money))
		case 'D':
			b.WriteString(g.pick(days))
		case 'Y':
			b.WriteString(g.pick(years))
		case 'K':
			b.WriteString(g.pick(kms))
		case 'C':
			b.WriteString(g.pick(percents))
		}
		t = t[i+3:]
	}
}

// plural reports a subject that takes "agree", not "agrees".
func plural(subject string) bool {
	return strings.HasSuffix(subject, "states") || strings.HasSuffix(subject, "parties")
}

// adverb adds an adverbial of at most budget words that s does not have
// yet, and returns it, or "".
func (g *gen) adverb(s *statement, budget int) string {
	for range 4 {
		a := g.fill(g.pick(adverbs))
		if words(a) <= budget && !slices.Contains(s.adverbs, a) {
			s.adverbs = append(s.adverbs, a)
			return a
		}
	}
	return ""
}

func words(s string) int { return strings.Count(s, " ") + 1 }

func (g *gen) statement() statement {
	s := statement{
		subject: g.pick(parties),
		modal:   g.pick(modals),
		pred:    g.fill(g.pick(predicates)),
	}
	if plural(s.subject) {
		switch s.modal {
		case "agrees to":
			s.modal = "agree to"
		case "is expected to":
			s.modal = "are expected to"
		}
		s.pred = strings.Replace(s.pred, " its ", " their ", 1)
	}
	if g.chance(0.3) {
		s.cond = g.fill(g.pick(conditions))
		s.condFront = g.chance(0.5)
	}
	return s
}

func (s statement) words() int {
	n := words(s.subject) + words(s.modal) + words(s.pred)
	if s.cond != "" {
		n += words(s.cond)
	}
	for _, a := range s.adverbs {
		n += words(a)
	}
	return n
}

// text builds a clause text of 15 to 60 words.
func (g *gen) text() []statement {
	target := 17 + g.r.IntN(44)
	var ss []statement
	n := 0
	for n < target {
		if len(ss) == 0 || len(ss) < 3 && g.chance(0.35) {
			s := g.statement()
			if len(ss) > 0 && n+s.words() > 60 {
				break
			}
			ss = append(ss, s)
			n += s.words()
			continue
		}
		a := g.adverb(&ss[len(ss)-1], 60-n)
		if a == "" {
			if n >= 15 {
				break
			}
			s := g.statement() // at most about 22 words
			ss = append(ss, s)
			n += s.words()
			continue
		}
		n += words(a)
	}
	return ss
}

func (g *gen) clause() clause {
	switch {
	case g.chance(0.15):
		c := clause{lead: g.fill(g.pick(leadIns))}
		for range 3 {
			s := g.statement()
			for g.chance(0.6) && len(s.adverbs) < 2 {
				g.adverb(&s, 10)
			}
			c.subs = append(c.subs, s)
		}
		return c
	case g.chance(0.05):
		return clause{heading: g.pick(headings), stmts: g.text()}
	}
	return clause{stmts: g.text()}
}

func (g *gen) plan(n int) []clause {
	cs := make([]clause, n)
	for i := range cs {
		cs[i] = g.clause()
	}
	return cs
}

func (s statement) String() string {
	var b strings.Builder
	if s.cond != "" && s.condFront {
		b.WriteString(s.cond)
		b.WriteString(", ")
	}
	b.WriteString(s.subject)
	b.WriteByte(' ')
	b.WriteString(s.modal)
	b.WriteByte(' ')
	b.WriteString(s.pred)
	for _, a := range s.adverbs {
		b.WriteByte(' ')
		b.WriteString(a)
	}
	if s.cond != "" && !s.condFront {
		b.WriteByte(' ')
		b.WriteString(s.cond)
	}
	return b.String()
}

func sentence(ss []statement, end string) string {
	parts := make([]string, len(ss))
	for i, s := range ss {
		parts[i] = s.String()
	}
	t := strings.Join(parts, "; ") + end
	return strings.ToUpper(t[:1]) + t[1:]
}

func render(cs []clause, seed, version uint64) []byte {
	p := &peace.Plan{
		Title:   fmt.Sprintf("Generated framework %d, version %d", seed, version),
		ID:      fmt.Sprintf("gen-%d-v%d", seed, version),
		Date:    fmt.Sprintf("2025-11-%02d", 10+version),
		Authors: []string{"peacetest"},
		Source:  "generated by package peacetest",
	}
	p.Clauses = make([]*peace.Clause, len(cs))
	for i, c := range cs {
		pc := &peace.Clause{Label: strconv.Itoa(i + 1), Heading: c.heading}
		switch {
		case c.lead != "":
			pc.Heading = c.lead
			for j, s := range c.subs {
				end := ";"
				if j == len(c.subs)-1 {
					end = "."
				}
				pc.Children = append(pc.Children, &peace.Clause{Label: string(rune('a' + j)), Text: sentence([]statement{s}, end)})
			}
		default:
			pc.Text = sentence(c.stmts, ".")
		}
		p.Clauses[i] = pc
	}
	var b bytes.Buffer
	if err := p.Format(&b); err != nil {
		panic(err) // a bytes.Buffer does not fail
	}
	return b.Bytes()
}

// edit returns the new version of cs; see the package documentation.
func (g *gen) edit(old []clause) []clause {
	var out, moved []clause
	for i := 0; i < len(old); i++ {
		c := cloneClause(old[i])
		x := g.r.Float64()
		switch {
		case x < 0.05: // deleted
			continue
		case x < 0.15:
			g.reword(&c)
		case x < 0.18:
			g.renumber(&c)
		case x < 0.21: // moved: put aside, inserted below
			moved = append(moved, c)
			continue
		case x < 0.22:
			a, b, ok := split(c)
			if ok {
				out = append(out, a, b)
				continue
			}
		case x < 0.23:
			if i+1 < len(old) && c.lead == "" && old[i+1].lead == "" {
				next := cloneClause(old[i+1])
				c.stmts = append(c.stmts, next.stmts...)
				i++
			}
		}
		out = append(out, c)
	}
	for range len(old) / 20 {
		out = insertAt(out, g.r.IntN(len(out)+1), g.clause())
	}
	for _, c := range moved {
		out = insertAt(out, g.r.IntN(len(out)+1), c)
	}
	return out
}

// insertAt inserts c before cs[i].
func insertAt(cs []clause, i int, c clause) []clause {
	cs = append(cs, clause{})
	copy(cs[i+1:], cs[i:])
	cs[i] = c
	return cs
}

func cloneClause(c clause) clause {
	c.stmts = cloneStatements(c.stmts)
	c.subs = cloneStatements(c.subs)
	return c
}

func cloneStatements(ss []statement) []statement {
	if ss == nil {
		return nil
	}
	out := make([]statement, len(ss))
	for i, s := range ss {
		s.adverbs = append([]string(nil), s.adverbs...)
		out[i] = s
	}
	return out
}

func (g *gen) reword(c *clause) {
	ss := c.stmts
	if c.lead != "" {
		ss = c.subs
	}
	for i := range ss {
		s := &ss[i]
		s.pred = g.swap(s.pred)
		for j := range s.adverbs {
			s.adverbs[j] = g.swap(s.adverbs[j])
		}
		if s.cond != "" {
			s.condFront = !s.condFront
		}
		g.r.Shuffle(len(s.adverbs), func(a, b int) { s.adverbs[a], s.adverbs[b] = s.adverbs[b], s.adverbs[a] })
	}
}

// swap replaces the words of one synonym pair found in s, as whole words.
func (g *gen) swap(s string) string {
	start := g.r.IntN(len(synonyms))
	for k := range synonyms {
		pair := synonyms[(start+k)%len(synonyms)]
		for _, d := range [][2]string{pair, {pair[1], pair[0]}} {
			if t, ok := replaceWords(s, d[0], d[1]); ok {
				return t
			}
		}
	}
	return s
}

// replaceWords replaces the first whole-word occurrence of from, in which
// "{M}" stands for any run of words up to the next word of from.
func replaceWords(s, from, to string) (string, bool) {
	pre, post, slot := strings.Cut(from, " {M} ")
	if !slot {
		i := wordIndex(s, from)
		if i < 0 {
			return s, false
		}
		return s[:i] + to + s[i+len(from):], true
	}
	i := wordIndex(s, pre)
	if i < 0 {
		return s, false
	}
	j := wordIndex(s[i+len(pre):], post)
	if j < 0 {
		return s, false
	}
	money := s[i+len(pre) : i+len(pre)+j]
	toPre, toPost, _ := strings.Cut(to, " {M} ")
	return s[:i] + toPre + money + toPost + s[i+len(pre)+j+len(post):], true
}

// wordIndex returns the index of the first occurrence of w in s that
// starts and ends at word boundaries, or -1.
func wordIndex(s, w string) int {
	for off := 0; ; {
		i := strings.Index(s[off:], w)
		if i < 0 {
			return -1
		}
		i += off
		end := i + len(w)
		if (i == 0 || s[i-1] == ' ') && (end == len(s) || s[end] == ' ' || s[end] == ',') {
			return i
		}
		off = i + 1
	}
}

// renumber changes the first number of the clause to another value.
func (g *gen) renumber(c *clause) {
	ss := c.stmts
	if c.lead != "" {
		ss = c.subs
	}
	for i := range ss {
		s := &ss[i]
		for _, p := range append([]*string{&s.pred, &s.cond}, ptrs(s.adverbs)...) {
			if t, ok := g.changeNumber(*p); ok {
				*p = t
				return
			}
		}
	}
	// no number: add a deadline, which changes the facts too
	if len(ss) > 0 {
		ss[0].adverbs = append(ss[0].adverbs, "within "+g.pick(days)+" days of the signature")
	}
}

func ptrs(ss []string) []*string {
	out := make([]*string, len(ss))
	for i := range ss {
		out[i] = &ss[i]
	}
	return out
}

// changeNumber replaces the first number in s by a different one of the
// same shape.
func (g *gen) changeNumber(s string) (string, bool) {
	i := strings.IndexAny(s, "0123456789")
	if i < 0 {
		return s, false
	}
	j := i
	for j < len(s) && (s[j] >= '0' && s[j] <= '9' || s[j] == ',' && j+1 < len(s) && s[j+1] >= '0' && s[j+1] <= '9') {
		j++
	}
	old := s[i:j]
	v, err := strconv.Atoi(strings.ReplaceAll(old, ",", ""))
	if err != nil {
		return s, false
	}
	nv := v + v/2
	if g.chance(0.5) && v > 1 {
		nv = v - v/3
	}
	if nv == v {
		nv = v + 1
	}
	num := strconv.Itoa(nv)
	if strings.Contains(old, ",") {
		num = commas(nv)
	}
	return s[:i] + num + s[j:], true
}

// commas writes 600000 as 600,000.
func commas(v int) string {
	s := strconv.Itoa(v)
	var b strings.Builder
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteByte(',')
		}
		b.WriteRune(c)
	}
	return b.String()
}

// split cuts a clause in two between its statements, or between a
// statement's predicate and its adverbials.
func split(c clause) (a, b clause, ok bool) {
	if c.lead != "" {
		return c, c, false
	}
	if len(c.stmts) >= 2 {
		k := len(c.stmts) / 2
		return clause{heading: c.heading, stmts: c.stmts[:k]}, clause{stmts: c.stmts[k:]}, true
	}
	s := c.stmts[0]
	if len(s.adverbs) == 0 {
		return c, c, false
	}
	first := s
	first.adverbs = nil
	second := statement{subject: s.subject, modal: "will", pred: "do so " + s.adverbs[0], adverbs: s.adverbs[1:]}
	return clause{heading: c.heading, stmts: []statement{first}}, clause{stmts: []statement{second}}, true
}
