package diff

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"
	"github.com/peacediff/peacediff/examples/plans"
	"github.com/peacediff/peacediff/peace"
	"github.com/peacediff/peacediff/peace/peacetest"
)

// build makes a linked plan from lines "label text", indented by three
// spaces per level of sub-point.
func build(id string, lines ...string) *peace.Plan {
	p := &peace.Plan{ID: id, Title: id}
	var stack []*peace.Clause
	for _, l := range lines {
		depth := (len(l) - len(strings.TrimLeft(l, " "))) / 3
		label, text, _ := strings.Cut(strings.TrimSpace(l), " ")
		c := &peace.Clause{Label: label, Text: text}
		stack = stack[:min(depth, len(stack))]
		if len(stack) == 0 {
			p.Clauses = append(p.Clauses, c)
		} else {
			parent := stack[len(stack)-1]
			parent.Children = append(parent.Children, c)
		}
		stack = append(stack, c)
	}
	p.Link()
	return p
}

// brief is a match reduced to what the alignment tests check.
type brief struct {
	Kind     Kind
	Old, New string
	Moved    bool
}

func briefs(r *Result) []brief {
	var out []brief
	for _, m := range r.Matches {
		out = append(out, brief{m.Kind, strings.Join(m.Old, "+"), strings.Join(m.New, "+"), m.Moved})
	}
	return out
}

func TestCompareAlignment(t *testing.T) {
	tests := []struct {
		reason   string
		old, new *peace.Plan
		want     []brief
	}{
		{
			reason: "an inserted point renumbers the ones after it without moving them",
			old: build("a",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 Ukraine will hold elections within 100 days.",
				"3 A humanitarian committee will be created to resolve outstanding issues."),
			new: build("b",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 The Zaporizhzhia plant will be restarted under IAEA supervision.",
				"3 Ukraine will hold elections within 100 days.",
				"4 A humanitarian committee will be created to resolve outstanding issues."),
			want: []brief{
				{Unchanged, "1", "1", false},
				{Added, "", "2", false},
				{Unchanged, "2", "3", false},
				{Unchanged, "3", "4", false},
			},
		},
		{
			reason: "a point moved to the end is the one flagged as moved; a removed point follows its predecessor",
			old: build("a",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 Ukraine will hold elections within 100 days.",
				"3 European fighter jets will be based in Poland.",
				"4 A humanitarian committee will be created to resolve outstanding issues.",
				"5 Frozen funds will be invested in rebuilding Ukraine."),
			new: build("b",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 A humanitarian committee will be created to resolve outstanding issues.",
				"3 Frozen funds will be invested in rebuilding Ukraine.",
				"4 Ukraine will hold elections as soon as possible."),
			want: []brief{
				{Unchanged, "1", "1", false},
				{Unchanged, "4", "2", false},
				{Unchanged, "5", "3", false},
				{Amended, "2", "4", true},
				{Removed, "3", "", false},
			},
		},
		{
			reason: "one point cut in two is a split",
			old: build("a",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 Russia will write into law a policy of non-aggression towards Europe and Ukraine, and the Zaporizhzhia Nuclear Power Plant will be restarted under IAEA supervision."),
			new: build("b",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 Russia will write into law a policy of non-aggression towards Europe and Ukraine.",
				"3 The Zaporizhzhia Nuclear Power Plant will be restarted under IAEA supervision."),
			want: []brief{
				{Unchanged, "1", "1", false},
				{Split, "2", "2+3", false},
			},
		},
		{
			reason: "two points joined into one are a merge",
			old: build("a",
				"1 A humanitarian committee will be created to resolve outstanding issues.",
				"2 All remaining prisoners and bodies will be exchanged on an all-for-all basis.",
				"3 Ukraine will hold elections within 100 days."),
			new: build("b",
				"1 A humanitarian committee will be created to resolve outstanding issues, and all remaining prisoners and bodies will be exchanged on an all-for-all basis.",
				"2 Ukraine will hold elections within 100 days."),
			want: []brief{
				{Merged, "1+2", "1", false},
				{Unchanged, "3", "2", false},
			},
		},
		{
			reason: "a point reworded beyond recognition still pairs between its anchors when label and topic match",
			old: build("a",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 Ukraine will hold elections within 100 days.",
				"3 A humanitarian committee will be created to resolve outstanding issues."),
			new: build("b",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 A vote for president and parliament follows as soon as possible after signing.",
				"3 A humanitarian committee will be created to resolve outstanding issues."),
			want: []brief{
				{Unchanged, "1", "1", false},
				{Amended, "2", "2", false},
				{Unchanged, "3", "3", false},
			},
		},
		{
			reason: "a point moved and reworded pairs with its words, not with the point now at its place",
			old: build("a",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 The Armed Forces of Ukraine will be capped at 600,000 personnel.",
				"3 Ukraine will hold elections within 100 days."),
			new: build("b",
				"1 The sovereignty of Ukraine will be confirmed.",
				"2 Ukraine will hold elections as soon as possible after the agreement is signed.",
				"3 The Armed Forces of Ukraine will be capped at 600,000 personnel.",
				"4 Ukraine will speed up a free trade agreement with the United States."),
			want: []brief{
				{Unchanged, "1", "1", false},
				{Amended, "3", "2", false},
				{Unchanged, "2", "3", true}, // either could be the one moved: the first kept in order wins
				{Added, "", "4", false},
			},
		},
		{
			reason: "sub-points of two matched points are aligned on their own",
			old: build("a",
				"10 Guarantee provided by the United States:",
				"   a The United States will be compensated for providing the guarantee.",
				"   b If Ukraine invades Russia, Ukraine will lose the guarantee.",
				"   c If Ukraine fires a missile at Moscow without cause, the guarantee will be void."),
			new: build("b",
				"10 A guarantee provided by the United States that mirrors Article 5:",
				"   a If Ukraine invades Russia, Ukraine will lose the guarantee.",
				"   b The United States will be compensated for providing the guarantee."),
			want: []brief{
				{Amended, "10", "10", false}, // 10.c and its places are gone
				{Unchanged, "10.b", "10.a", false},
				{Removed, "10.c", "", false},
				{Unchanged, "10.a", "10.b", true},
			},
		},
		{
			reason: "a point whose sub-points were folded into it is matched whole",
			old: build("a",
				"24 A humanitarian committee will be created to resolve outstanding issues:",
				"   a all remaining prisoners and bodies will be exchanged on an all-for-all basis;",
				"   b all civilian detainees and hostages will be returned."),
			new: build("b",
				"17 A humanitarian committee will be set up; prisoners will be exchanged on an all-for-all basis, and civilians will be returned."),
			want: []brief{
				{Reworded, "24", "17", false},
			},
		},
	}
	for _, tt := range tests {
		r, err := Compare(tt.old, tt.new)
		if err != nil {
			t.Errorf("%s: %v", tt.reason, err)
			continue
		}
		checkCoverage(t, tt.old, tt.new, r)
		if d := cmp.Diff(tt.want, briefs(r)); d != "" {
			t.Errorf("%s: matches differ (-want +got):\n%s", tt.reason, d)
		}
	}
}

// checkCoverage checks that every clause of both plans is named in exactly
// one match or covered by an ancestor's match, and not both.
func checkCoverage(t *testing.T, old, new *peace.Plan, r *Result) {
	t.Helper()
	for _, side := range []struct {
		name  string
		p     *peace.Plan
		paths func(Match) []string
	}{
		{"old", old, func(m Match) []string { return m.Old }},
		{"new", new, func(m Match) []string { return m.New }},
	} {
		named := make(map[string]int)
		at := make(map[string]int) // path -> index of its match
		for i, m := range r.Matches {
			for _, p := range side.paths(m) {
				named[p]++
				at[p] = i
			}
		}
		var check func(cs []*peace.Clause, covered bool)
		check = func(cs []*peace.Clause, covered bool) {
			for _, c := range cs {
				n := named[c.Path()]
				switch {
				case n > 1:
					t.Errorf("%s clause %s is in %d matches", side.name, c.Path(), n)
				case n == 1 && covered:
					t.Errorf("%s clause %s is in a match and covered by its parent's", side.name, c.Path())
				case n == 0 && !covered:
					t.Errorf("%s clause %s is in no match", side.name, c.Path())
				}
				delete(named, c.Path())
				// A clause named in a match covers its sub-points unless the
				// match is a pair of points that both have sub-points.
				childCovered := covered
				if n == 1 {
					childCovered = !ownMatch(r, at[c.Path()])
				}
				check(c.Children, childCovered)
			}
		}
		check(side.p.Clauses, false)
		for p := range named {
			t.Errorf("%s path %q in a match is no clause of the plan", side.name, p)
		}
	}
	for _, m := range r.Matches {
		if len(m.Old)+len(m.New) == 0 {
			t.Errorf("empty match %+v", m)
		}
	}
}

// ownMatch reports whether match i pairs one clause with one clause and
// the sub-points of both are aligned separately, in the matches after it.
func ownMatch(r *Result, i int) bool {
	m := r.Matches[i]
	if len(m.Old) != 1 || len(m.New) != 1 || i+1 >= len(r.Matches) {
		return false
	}
	next := r.Matches[i+1]
	for _, q := range append(slices.Clone(next.Old), next.New...) {
		if strings.HasPrefix(q, m.Old[0]+".") || strings.HasPrefix(q, m.New[0]+".") {
			return true
		}
	}
	return false
}

func TestCompareJSONDeterministic(t *testing.T) {
	type pair struct {
		name     string
		old, new *peace.Plan
	}
	var pairs []pair
	for _, ids := range [][2]string{{"us-28", "ua-20"}, {"us-28", "eu-counter"}, {"eu-24", "ua-20"}} {
		old, err := plans.Load(ids[0])
		if err != nil {
			t.Fatal(err)
		}
		new, err := plans.Load(ids[1])
		if err != nil {
			t.Fatal(err)
		}
		pairs = append(pairs, pair{ids[0] + " -> " + ids[1], old, new})
	}
	a, b := peacetest.Pair(300, 7)
	old, err := peace.Parse(bytes.NewReader(a))
	if err != nil {
		t.Fatal(err)
	}
	new, err := peace.Parse(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	pairs = append(pairs, pair{"generated, 300 points", old, new})
	for _, p := range pairs {
		var first []byte
		// Each run builds its maps afresh, with fresh iteration seeds.
		for i := range 4 {
			r, err := Compare(p.old, p.new)
			if err != nil {
				t.Fatal(err)
			}
			b, err := json.Marshal(r)
			if err != nil {
				t.Fatal(err)
			}
			if i == 0 {
				first = b
				continue
			}
			if !bytes.Equal(first, b) {
				t.Fatalf("%s: run %d gave other JSON than the first:\n%s\n%s", p.name, i, b, first)
			}
		}
	}
}

func TestCompareBadInput(t *testing.T) {
	many := func(n int, text func(i int) string) *peace.Plan {
		p := &peace.Plan{ID: "many"}
		for i := range n {
			p.Clauses = append(p.Clauses, &peace.Clause{Label: fmt.Sprint(i + 1), Text: text(i)})
		}
		p.Link()
		return p
	}
	same := func(int) string { return "The parties will respect the ceasefire." }
	long := strings.Repeat("x", 1<<20)
	tests := []struct {
		reason   string
		old, new *peace.Plan
		opts     []Option
		wantErr  error
		check    func(*Result) error
	}{
		{
			reason: "two empty plans give no matches",
			old:    &peace.Plan{}, new: &peace.Plan{},
			check: func(r *Result) error {
				if r.Matches == nil || len(r.Matches) != 0 {
					return fmt.Errorf("matches = %#v, want an empty list", r.Matches)
				}
				return nil
			},
		},
		{
			reason: "identical plans are unchanged throughout",
			old:    many(50, func(i int) string { return fmt.Sprintf("Point number %d of the plan.", i) }),
			new:    many(50, func(i int) string { return fmt.Sprintf("Point number %d of the plan.", i) }),
			check:  allKind(Unchanged, 50),
		},
		{
			reason: "ten thousand identical clauses pair in order",
			old:    many(10000, same), new: many(10000, same),
			check: func(r *Result) error {
				if err := allKind(Unchanged, 10000)(r); err != nil {
					return err
				}
				for i, m := range r.Matches {
					if m.Old[0] != m.New[0] || m.Moved {
						return fmt.Errorf("match %d pairs %v with %v (moved %v)", i, m.Old, m.New, m.Moved)
					}
				}
				return nil
			},
		},
		{
			reason: "a one-megabyte clause without spaces compares",
			old:    many(1, func(int) string { return long }),
			new:    many(1, func(int) string { return long + " and more words" }),
			check: func(r *Result) error {
				if len(r.Matches) != 1 || r.Matches[0].Kind != Reworded {
					return fmt.Errorf("got %v, want one reworded match", briefs(r))
				}
				return nil
			},
		},
		{
			reason:  "a plan over the clause limit is refused",
			old:     many(100001, same),
			new:     many(1, same),
			wantErr: ErrTooLarge,
		},
		{
			reason:  "a plan over a byte limit set by option is refused",
			old:     many(1, func(int) string { return long }),
			new:     many(1, same),
			opts:    []Option{MaxBytes(1000)},
			wantErr: ErrTooLarge,
		},
		{
			reason:  "a deadline in the past stops the comparison",
			old:     many(10, same),
			new:     many(10, same),
			opts:    []Option{WithDeadline(time.Now().Add(-time.Second))},
			wantErr: context.DeadlineExceeded,
		},
		{
			reason: "a deadline passing during a long comparison stops it",
			old: many(20000, func(i int) string {
				return fmt.Sprintf("Point %d: the parties will respect the ceasefire in zone %d.", i, i*7)
			}),
			new: many(20000, func(i int) string {
				return fmt.Sprintf("Point %d: the parties shall respect the ceasefire in zone %d.", i, i*3)
			}),
			opts:    []Option{WithDeadline(time.Now().Add(5 * time.Millisecond))},
			wantErr: context.DeadlineExceeded,
		},
		{
			reason:  "a cancelled context stops the comparison",
			old:     many(10, same),
			new:     many(10, same),
			opts:    []Option{WithContext(cancelled())},
			wantErr: context.Canceled,
		},
		{
			reason:  "a nil plan is an error",
			old:     nil,
			new:     many(1, same),
			wantErr: errAny,
		},
	}
	for _, tt := range tests {
		r, err := Compare(tt.old, tt.new, tt.opts...)
		switch {
		case tt.wantErr == errAny && err != nil:
			continue
		case tt.wantErr != nil:
			if !errors.Is(err, tt.wantErr) {
				t.Errorf("%s: err = %v, want %v", tt.reason, err, tt.wantErr)
			}
			if err != nil && !strings.HasPrefix(err.Error(), "diff: ") {
				t.Errorf("%s: error %q does not start with the package name", tt.reason, err)
			}
			continue
		case err != nil:
			t.Errorf("%s: %v", tt.reason, err)
			continue
		}
		checkCoverage(t, tt.old, tt.new, r)
		if err := tt.check(r); err != nil {
			t.Errorf("%s: %v", tt.reason, err)
		}
	}
}

var errAny = errors.New("any error")

func cancelled() context.Context {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	return ctx
}

func allKind(k Kind, n int) func(*Result) error {
	return func(r *Result) error {
		if len(r.Matches) != n {
			return fmt.Errorf("%d matches, want %d", len(r.Matches), n)
		}
		for i, m := range r.Matches {
			if m.Kind != k {
				return fmt.Errorf("match %d is %s, want %s", i, m.Kind, k)
			}
		}
		return nil
	}
}

// randomPlan builds a plan of up to n points with sub-points from a small
// vocabulary, so that random pairs of plans share many clauses.
func randomPlan(r *rand.Rand, n int, extra ...string) *peace.Plan {
	sentences := []string{
		"Ukraine will hold elections within 100 days.",
		"The sovereignty of Ukraine will be confirmed.",
		"European fighter jets will be based in Poland.",
		"A humanitarian committee will be created.",
		"Prisoners will be exchanged all for all.",
		"Russia will not invade its neighbours.",
		"The ceasefire takes effect immediately.",
		"Frozen funds will rebuild Ukraine.",
		"",
	}
	sentences = append(sentences, extra...)
	var clause func(depth int) *peace.Clause
	clause = func(depth int) *peace.Clause {
		c := &peace.Clause{Text: sentences[r.IntN(len(sentences))]}
		if r.IntN(3) == 0 {
			c.Text += " " + sentences[r.IntN(len(sentences))]
		}
		if depth < 2 && r.IntN(4) == 0 {
			for range r.IntN(4) {
				c.Children = append(c.Children, clause(depth+1))
			}
		}
		return c
	}
	p := &peace.Plan{}
	for range r.IntN(n + 1) {
		p.Clauses = append(p.Clauses, clause(0))
	}
	p.Link()
	return p
}

// TestCompareCoverageRandom checks the coverage rule on random plans.
func TestCompareCoverageRandom(t *testing.T) {
	r := rand.New(rand.NewPCG(5, 6))
	for range 300 {
		old, new := randomPlan(r, 12), randomPlan(r, 12)
		res, err := Compare(old, new)
		if err != nil {
			t.Fatal(err)
		}
		checkCoverage(t, old, new, res)
		if t.Failed() {
			var a, b strings.Builder
			old.Format(&a)
			new.Format(&b)
			t.Fatalf("plans:\n%s\n%s", a.String(), b.String())
		}
	}
}

// FuzzCompare checks the coverage rule on plans made from fuzzed seeds.
//
//	go test -fuzz=FuzzCompare ./diff
func FuzzCompare(f *testing.F) {
	f.Add(uint64(1), uint64(2), uint8(10), "")
	f.Add(uint64(7), uint64(7), uint8(30), "Ukraine \xff will 👍🏽 be capped at 600,000 personnel.")
	f.Fuzz(func(t *testing.T, s1, s2 uint64, n uint8, text string) {
		r := rand.New(rand.NewPCG(s1, s2))
		old, new := randomPlan(r, int(n%40), text), randomPlan(r, int(n%40), text, text+" and more")
		res, err := Compare(old, new)
		if err != nil {
			t.Fatal(err)
		}
		checkCoverage(t, old, new, res)
	})
}

func TestOptions(t *testing.T) {
	three := build("a", "1 One point.", "2 Two points.", "3 Three points.")
	tests := []struct {
		reason  string
		opts    []Option
		wantErr error
		print   string
	}{
		{
			reason:  "an Options group applies its options in order",
			opts:    []Option{Options{MaxClauses(100), MaxClauses(2)}},
			wantErr: ErrTooLarge,
			print:   "Options{Options{MaxClauses(100), MaxClauses(2)}}",
		},
		{
			reason: "a later option overrides an earlier one; zero means no limit",
			opts:   []Option{MaxClauses(2), MaxClauses(0), MaxBytes(0)},
			print:  "Options{MaxClauses(2), MaxClauses(0), MaxBytes(0)}",
		},
		{
			reason: "a nil lexicon means the default one, and a nil option is skipped",
			opts:   []Option{WithLexicon(nil), nil, WithContext(context.Background())},
			print:  "Options{WithLexicon(...), WithContext(...)}",
		},
	}
	for _, tt := range tests {
		_, err := Compare(three, three, tt.opts...)
		if !errors.Is(err, tt.wantErr) || (tt.wantErr == nil && err != nil) {
			t.Errorf("%s: err = %v, want %v", tt.reason, err, tt.wantErr)
		}
		if got := Options(tt.opts).String(); got != tt.print {
			t.Errorf("%s: prints as %q, want %q", tt.reason, got, tt.print)
		}
	}
}

// TestCompareSameHeading checks that two points left between the same
// paired neighbours pair when they open with the same heading, however
// much their words differ: the counter-proposal's "Territory:" and the
// later "Territory (no consensus reached):" are one point rewritten.
func TestCompareSameHeading(t *testing.T) {
	parse := func(s string) *peace.Plan {
		p, err := peace.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		return p
	}
	old := parse(`1. The sovereignty of Ukraine will be confirmed.
2. Territories: Ukraine commits not to use military means to recover land, and swaps start from the line of contact.
3. Ukraine will hold elections within 100 days.
`)
	new := parse(`1. The sovereignty of Ukraine will be confirmed.
4. Territory (no consensus reached):
   a) The line where troops stand is recognised de facto.
   b) A working group will decide the redeployment of forces.
5. Ukraine will hold elections within 100 days.
`)
	r, err := Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, m := range r.Matches {
		got = append(got, fmt.Sprintf("%s %v→%v", m.Kind, m.Old, m.New))
	}
	want := []string{"unchanged [1]→[1]", "amended [2]→[4]", "unchanged [3]→[5]"}
	if !slices.Equal(got, want) {
		t.Errorf("matches = %q, want %q", got, want)
	}
}
