package peace

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

// loadPlan reads a bundled plan with Parse, or, if Parse fails, with
// splitPlan, so that the facts tables do not depend on the parser.
func loadPlan(t testing.TB, id string) *Plan {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "examples", "plans", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	p, err := Parse(bytes.NewReader(data))
	if err != nil {
		t.Logf("Parse failed (%v); using the test's line splitter", err)
		return splitPlan(data)
	}
	return p
}

var (
	pointLine = regexp.MustCompile(`^(\d+)\. (.*)$`)
	subLine   = regexp.MustCompile(`^\s+([a-z])\) (.*)$`)
)

// splitPlan reads the "N. text" and "   x) text" lines of a plan in the
// canonical format, ignoring the header: enough for the bundled plans.
func splitPlan(data []byte) *Plan {
	p := new(Plan)
	for line := range strings.Lines(string(data)) {
		line = strings.TrimRight(line, "\r\n")
		if m := pointLine.FindStringSubmatch(line); m != nil {
			p.Clauses = append(p.Clauses, &Clause{Label: m[1], Text: m[2]})
		} else if m := subLine.FindStringSubmatch(line); m != nil && len(p.Clauses) > 0 {
			last := p.Clauses[len(p.Clauses)-1]
			last.Children = append(last.Children, &Clause{Label: m[1], Text: m[2]})
		}
	}
	p.Link()
	return p
}

// A fact is one line of a facts table: "kind value".
type fact struct{ kind, value string }

// factsOf flattens f into the facts-table form.
func factsOf(f Facts) []fact {
	var out []fact
	for _, q := range f.Quantities {
		out = append(out, fact{"quantity", q.String()})
	}
	for _, d := range f.Deadlines {
		out = append(out, fact{"deadline", d})
	}
	if f.Modality != "" {
		out = append(out, fact{"modality", f.Modality})
	}
	if f.Negated {
		out = append(out, fact{"negated", "true"})
	}
	for _, c := range f.Conditions {
		out = append(out, fact{"condition", c})
	}
	for _, p := range f.Parties {
		out = append(out, fact{"party", p})
	}
	for _, p := range f.Places {
		out = append(out, fact{"place", p})
	}
	for _, p := range f.Topics {
		out = append(out, fact{"topic", p})
	}
	return out
}

// readTable reads testdata/facts/<id>.txt: path → facts.
func readTable(t *testing.T, id string) map[string][]fact {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("testdata", "facts", id+".txt"))
	if err != nil {
		t.Fatal(err)
	}
	table := make(map[string][]fact)
	sc := bufio.NewScanner(bytes.NewReader(data))
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		f := strings.Fields(line)
		if len(f) < 3 {
			t.Fatalf("%s.txt:%d: want \"path kind value\", have %q", id, n, line)
		}
		table[f[0]] = append(table[f[0]], fact{f[1], strings.Join(f[2:], " ")})
	}
	return table
}

var factKinds = []string{"quantity", "deadline", "modality", "negated", "condition", "party", "place", "topic"}

// sameFact reports whether a read fact matches an expected one; conditions
// match when they share at least half their words, ignoring case (the
// tables write them in lower case; names in them keep their capitals).
func sameFact(got, want fact) bool {
	if got.kind != want.kind {
		return false
	}
	if got.kind == "condition" {
		return wordOverlap(strings.ToLower(got.value), strings.ToLower(want.value)) >= 0.5
	}
	return got.value == want.value
}

// wordOverlap is the Jaccard index of the word sets of a and b.
func wordOverlap(a, b string) float64 {
	wa, wb := strings.Fields(a), strings.Fields(b)
	set := make(map[string]int)
	for _, w := range wa {
		set[w] |= 1
	}
	for _, w := range wb {
		set[w] |= 2
	}
	both := 0
	for _, v := range set {
		if v == 3 {
			both++
		}
	}
	if len(set) == 0 {
		return 1
	}
	return float64(both) / float64(len(set))
}

// TestFactsTable compares the facts of every clause of the bundled plans
// with the hand-read tables in testdata/facts, and holds precision and
// recall per kind of fact at the level reached.
func TestFactsTable(t *testing.T) {
	floors := map[string]struct{ precision, recall float64 }{
		"quantity":  {1, 1},
		"deadline":  {1, 1},
		"modality":  {0.95, 0.95},
		"negated":   {0.95, 0.95},
		"condition": {0.95, 0.95},
		"party":     {0.95, 0.95},
		"place":     {1, 1},
		"topic":     {0.9, 0.95},
	}
	type score struct{ tp, fp, fn int }
	scores := make(map[string]*score)
	for _, k := range factKinds {
		scores[k] = new(score)
	}
	lex := DefaultLexicon()
	for _, id := range []string{"us-28", "ua-20", "eu-24", "eu-counter"} {
		plan := loadPlan(t, id)
		table := readTable(t, id)
		for path := range table {
			if plan.Clause(path) == nil {
				t.Errorf("%s: the facts table names clause %s, which the plan lacks", id, path)
			}
		}
		for c := range plan.All() {
			got := factsOf(lex.Annotate(c))
			want := table[c.Path()]
			for _, g := range got {
				if slices.ContainsFunc(want, func(w fact) bool { return sameFact(g, w) }) {
					scores[g.kind].tp++
				} else {
					scores[g.kind].fp++
					t.Logf("%s %s: extra %s %q", id, c.Path(), g.kind, g.value)
				}
			}
			for _, w := range want {
				if !slices.ContainsFunc(got, func(g fact) bool { return sameFact(g, w) }) {
					scores[w.kind].fn++
					t.Logf("%s %s: missed %s %q", id, c.Path(), w.kind, w.value)
				}
			}
		}
	}
	for _, k := range factKinds {
		s := scores[k]
		p := ratio(s.tp, s.tp+s.fp)
		r := ratio(s.tp, s.tp+s.fn)
		t.Logf("%-9s precision %.3f recall %.3f (tp %d, fp %d, fn %d)", k, p, r, s.tp, s.fp, s.fn)
		if f := floors[k]; p < f.precision || r < f.recall {
			t.Errorf("%s: precision %.3f, recall %.3f; want at least %.2f, %.2f", k, p, r, f.precision, f.recall)
		}
	}
}

func ratio(a, b int) float64 {
	if b == 0 {
		return 1
	}
	return float64(a) / float64(b)
}

// ignoreText drops what may differ between paraphrases: the printed
// wording of quantities.
var ignoreText = cmpopts.IgnoreFields(Quantity{}, "Text")

func TestParaphrasesAgree(t *testing.T) {
	tests := []struct {
		a, b   string
		reason string
	}{
		{"The armed forces of Ukraine will be capped at 600,000 personnel.",
			"Ukraine's armed forces will be limited to 600,000 troops.",
			"troops are personnel; the cap's verb does not matter"},
		{"Ukraine's armed forces will be capped at 800,000 personnel.",
			"Ukraine's armed forces will stay at 800,000 soldiers.",
			"will be capped and will stay at are both will"},
		{"Russia will not prevent Ukraine from using the Dnieper for commerce.",
			"Russia will not prevent Ukraine from using the Dnipro River for commerce.",
			"Dnieper is the Russian-derived name of the Dnipro"},
		{"Every party agrees not to make any claims.",
			"Every party agrees to raise no claims.",
			"two ways to negate the same commitment"},
		{"The United States will compensate Ukraine.",
			"Ukraine will be compensated by the United States.",
			"active and passive voice"},
		{"Europe will add $100 billion.",
			"Europe will add 100 billion US dollars.",
			"dollar sign and currency words"},
		{"Europe will add USD 100bn.",
			"Europe will add $100,000,000,000.",
			"currency code, abbreviated multiplier and digits"},
		{"The United States will receive 50% of the profits.",
			"The U.S. will receive 50 per cent of the profits.",
			"percent sign and words; U.S. and United States"},
		{"Elections will be held within ten years.",
			"Elections will be held within 10 years.",
			"numbers in words and digits"},
		{"Elections will be held within two weeks.",
			"Elections will be held within 14 days.",
			"weeks are counted in days"},
		{"Moscow agrees to withdraw its troops.",
			"The Russian Federation agrees to withdraw its troops.",
			"the capital names the government"},
		{"It is expected that NATO will consult Kyiv.",
			"NATO will consult Ukraine.",
			"the strongest modal wins; Kyiv names Ukraine"},
		{"The electricity will be divided 50:50.",
			"The electricity will be divided 50/50.",
			"two ways to write a ratio"},
		{"The ceasefire will take effect immediately.",
			"The ceasefire will take effect at once.",
			"deadline synonyms"},
		{"Ukraine won't join NATO.",
			"Ukraine will not join NATO.",
			"a contraction"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		fa, fb := lex.AnnotateText(tt.a), lex.AnnotateText(tt.b)
		if diff := cmp.Diff(fa, fb, ignoreText); diff != "" {
			t.Errorf("%s\n%q\n%q\nfacts differ (-a +b):\n%s", tt.reason, tt.a, tt.b, diff)
		}
	}
}

func TestChangesDiffer(t *testing.T) {
	tests := []struct {
		a, b   string
		reason string
	}{
		{"Ukraine's armed forces will be capped at 600,000 personnel.",
			"Ukraine's armed forces will be capped at 800,000 personnel.",
			"the number changed"},
		{"Ukraine will hold elections.", "Ukraine may hold elections.", "will became may"},
		{"Ukraine will hold elections.", "Ukraine must hold elections.", "will became must"},
		{"The United States will give guarantees.", "The United States and NATO will give guarantees.", "a party was added"},
		{"Russia will withdraw.", "Russia will not withdraw.", "negation added"},
		{"Russia will withdraw.", "If Ukraine agrees, Russia will withdraw.", "condition added"},
		{"Luhansk will be recognised.", "Crimea and Luhansk will be recognised.", "a place was added"},
		{"Elections within 100 days.", "Elections within 100 months.", "the unit changed"},
		{"Europe will add $100 billion.", "Europe will add €100 billion.", "the currency changed"},
		{"The troops will withdraw.", "The troops will withdraw as soon as possible.", "a deadline was added"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		fa, fb := lex.AnnotateText(tt.a), lex.AnnotateText(tt.b)
		if cmp.Equal(fa, fb, ignoreText) {
			t.Errorf("%s: %q and %q give equal facts %+v", tt.reason, tt.a, tt.b, fa)
		}
	}
}

func TestQuantities(t *testing.T) {
	tests := []struct {
		text   string
		want   []string // Quantity.String of each
		reason string
	}{
		{"capped at 600,000 personnel", []string{"600000 personnel"}, "separators"},
		{"800,000 troops and 1.5 million soldiers", []string{"800000 personnel", "1500000 personnel"}, "troops and soldiers are personnel; decimals"},
		{"600\u00a0000 servicemen", []string{"600000 personnel"}, "no-break space between thousands"},
		{"1 200 000 troops", []string{"1200000 personnel"}, "plain spaces between thousands"},
		{"in 2025 100 days", []string{"100 days"}, "a space after four digits separates numbers"},
		{"in 1 1000 days", []string{"1 count", "1000 days"}, "a space before four digits separates numbers"},
		{"$100 billion", []string{"100000000000 usd"}, "dollar sign"},
		{"100 billion US dollars", []string{"100000000000 usd"}, "US dollars is no party"},
		{"USD 100bn", []string{"100000000000 usd"}, "currency code before, glued multiplier"},
		{"$5m", []string{"5000000 usd"}, "one-letter multiplier glued to digits"},
		{"€5 billion and 7 euros", []string{"7 eur", "5000000000 eur"}, "euro sign and word"},
		{"50%", []string{"50 percent"}, "percent sign"},
		{"50 per cent", []string{"50 percent"}, "per cent in two words"},
		{"divided 50:50", []string{"50:50"}, "ratio with colon"},
		{"a 60/40 split", []string{"60:40"}, "ratio with slash"},
		{"a 1:1 split", []string{"50:50"}, "ratios are shares of 100"},
		{"within 100 days", []string{"100 days"}, "a duration"},
		{"the past 30 years", []string{"30 years"}, "a duration in the past"},
		{"ten years", []string{"10 years"}, "number word"},
		{"twenty-five years", []string{"25 years"}, "hyphenated number words"},
		{"one hundred and fifty days", []string{"150 days"}, "hundred and"},
		{"two weeks", []string{"14 days"}, "weeks in days"},
		{"six months", []string{"6 months"}, "months"},
		{"a 30-kilometre zone", []string{"30 km"}, "hyphen before the unit"},
		{"a zone 15 km wide", []string{"15 km"}, "km"},
		{"the five regions", []string{"5 regions"}, "a count in words names the word after it"},
		{"the 5 regions and 3 of them", []string{"3 count", "5 regions"}, "so does a count in digits, but not a word that only follows it"},
		{"capped at 600,000.", []string{"600000 count"}, "digits with no unit are a count"},
		{"mirror Article 5", nil, "a reference"},
		{"an Article 5-like agreement", nil, "a reference with a hyphen"},
		{"see point 21 and points 1-15", nil, "point references and a range"},
		{"the START I treaty", nil, "a roman numeral in a name"},
		{"rejoin the G8", nil, "a number inside a name"},
		{"by 2030", nil, "a year"},
		{"signed on 2025-11-20", nil, "a date"},
		{"on 24 December and on December 24", nil, "days of a month"},
		{"the 28-point plan", nil, "a plan's name"},
		{"one of them", nil, "one is no count"},
		{"5G networks", nil, "digits glued to letters"},
		{"an overwhelming majority", nil, "no number"},
		{strings.Repeat("9", 400) + " troops", nil, "too large to hold"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		var got []string
		for _, q := range lex.AnnotateText(tt.text).Quantities {
			got = append(got, q.String())
		}
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q gives %q, want %q", tt.reason, tt.text, got, tt.want)
		}
	}
}

func TestQuantityText(t *testing.T) {
	f := DefaultLexicon().AnnotateText("Europe will add USD 100bn, then 100 billion US dollars.")
	want := []Quantity{{Value: 1e11, Unit: UnitUSD, Text: "USD 100bn"}}
	if diff := cmp.Diff(want, f.Quantities); diff != "" {
		t.Errorf("one quantity per value and unit, with the first text (-want +got):\n%s", diff)
	}
}

func TestModality(t *testing.T) {
	tests := []struct {
		text     string
		modality string
		negated  bool
		reason   string
	}{
		{"Ukraine must hold elections.", "must", false, "must"},
		{"Ukraine shall hold elections.", "shall", false, "shall"},
		{"The document is to be a full agreement.", "shall", false, "is to be is shall"},
		{"Ukraine will hold elections.", "will", false, "will"},
		{"Ukraine agrees to hold elections.", "agrees to", false, "agrees to"},
		{"Both undertake to run programmes.", "agrees to", false, "undertake to"},
		{"Russia and Ukraine commit to introduce programmes.", "agrees to", false, "commit to"},
		{"Russia is expected to withdraw.", "is expected to", false, "is expected to"},
		{"It is expected that Russia should withdraw.", "is expected to", false, "it is expected that"},
		{"Russia should withdraw.", "should", false, "should"},
		{"Ukraine may invite foreign forces.", "may", false, "may"},
		{"Ukraine can invite foreign forces.", "may", false, "can is may"},
		{"Ukraine is eligible to become a member.", "may", false, "eligible is may"},
		{"Russia will not invade.", "will", true, "will not"},
		{"Russia will never invade.", "will", true, "will never"},
		{"Russia won't invade.", "will", true, "contraction"},
		{"Ukraine agrees not to make any claims.", "agrees to", true, "agrees not to"},
		{"Ukraine agrees to raise no claims.", "agrees to", true, "negated object"},
		{"If this is breached, no security guarantees will apply.", "will", true, "negated subject"},
		{"The guarantee will be void if Ukraine fires without cause.", "will", false, "without is no negation"},
		{"Ukraine must not join.", "must", true, "must not"},
		{"Elections will be held no later than June.", "will", false, "no later than"},
		{"Bilateral guarantees are not ruled out.", "", true, "plain negation after an auxiliary"},
		{"No restrictions are imposed on the army.", "", true, "plain negation opening the clause"},
		{"Russia returns all children.", "", false, "present tense has no modal"},
		{"Territory (no consensus reached; options open):", "", false, "a parenthetical note"},
		{"Once all parties agree to this memorandum, the ceasefire takes effect.", "", false, "a modal inside a condition does not count"},
		{"The political will of both sides is clear.", "", false, "will as a noun"},
		{"In peacetime, Ukraine's military will be capped.", "will", false, "a noun before will"},
		{"The talks began on 9 May.", "", false, "May the month"},
		{"The Alliance will not expand and Russia will withdraw.", "will", true, "any negated commitment"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		f := lex.AnnotateText(tt.text)
		if f.Modality != tt.modality || f.Negated != tt.negated {
			t.Errorf("%s: %q gives modality %q negated %v, want %q %v", tt.reason, tt.text, f.Modality, f.Negated, tt.modality, tt.negated)
		}
	}
}

func TestConditions(t *testing.T) {
	tests := []struct {
		text   string
		want   []string
		reason string
	}{
		{"If Ukraine invades Russia, Ukraine will lose the guarantee.", []string{"if Ukraine invades Russia"}, "if up to the comma"},
		{"If Russia invades Ukraine, then sanctions return.", []string{"if Russia invades Ukraine"}, "comma and then"},
		{"If Russia invades Ukraine then sanctions return.", []string{"if Russia invades Ukraine"}, "then without a comma"},
		{"Assets stay frozen until Russia compensates Ukraine for the damage.", []string{"until Russia compensates Ukraine for the damage"}, "until to the end"},
		{"In peacetime, the army is capped.", []string{"in peacetime"}, "a whole condition phrase"},
		{"NATO agrees that in peacetime it will not station troops.", []string{"in peacetime"}, "a condition phrase inside a clause"},
		{"Elections are held as soon as possible after the agreement is signed.", []string{"after the agreement is signed"}, "a deadline is no condition"},
		{"The ceasefire starts after both sides pull back so that talks can begin.", []string{"after both sides pull back"}, "so that ends a condition"},
		{"Joining depends on consensus among the Alliance's members.", []string{"depends on consensus among the Alliance's members"}, "depends on"},
		{"Sanctions are lifted provided that Russia withdraws; talks continue.", []string{"provided that Russia withdraws"}, "two-word trigger; semicolon"},
		{"Once again the parties meet.", nil, "once again is no condition"},
		{"In the event Russia attacks, sanctions return.", []string{"in the event Russia attacks"}, "in the event without of or that"},
		{"In the event of an attack, sanctions return.", []string{"in the event of an attack"}, "the longest trigger"},
		{"After all, peace is the goal.", nil, "after all is no condition"},
		{"If the U.S. agrees, talks resume.", []string{"if the U.S. agrees"}, "an abbreviation's full stop does not end a condition"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		got := lex.AnnotateText(tt.text).Conditions
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q gives %q, want %q", tt.reason, tt.text, got, tt.want)
		}
	}
}

func TestPartiesAndPlaces(t *testing.T) {
	tests := []struct {
		text            string
		parties, places []string
		reason          string
	}{
		{"Ukraine fires a missile at Moscow.", []string{"Ukraine"}, []string{"Moscow"}, "a city after a preposition of place is a place"},
		{"Moscow agrees to the plan.", []string{"Russia"}, nil, "the capital names the government"},
		{"European fighter jets will be based in Poland.", []string{"Europe"}, []string{"Poland"}, "a country after in is a place"},
		{"Poland will host the talks.", []string{"Poland"}, nil, "a country as subject is a party"},
		{"Let us hope the US agrees.", []string{"United States"}, nil, "US only in capitals"},
		{"The U.S. and the USA and America.", []string{"United States"}, nil, "aliases"},
		{"The Alliance and an alliance.", []string{"NATO"}, nil, "Alliance only with a capital"},
		{"Nato will meet.", []string{"NATO"}, nil, "British spelling"},
		{"The Russian Federation and the Kremlin.", []string{"Russia"}, nil, "longest alias first"},
		{"Kiev and Kyiv agree.", []string{"Ukraine"}, nil, "old and new spelling"},
		{"Ukraine's use of the Dnieper and the Black Sea.", []string{"Ukraine"}, []string{"Black Sea", "Dnipro"}, "possessive; river names"},
		{"The Zaporizhzhia Nuclear Power Plant, Zaporozhye and Zaporizhia.", nil, []string{"Zaporizhzhia"}, "spellings"},
		{"Lugansk, Donetsk Oblast and the Donbass.", nil, []string{"Donbas", "Donetsk", "Luhansk"}, "spellings and oblasts"},
		{"Saint Petersburg and St. Petersburg.", nil, []string{"St. Petersburg"}, "abbreviated saint"},
		{"The IAEA, the World Bank, the UN and the G8.", []string{"G8", "IAEA", "United Nations", "World Bank"}, nil, "organisations"},
		{"Access to the European market and EU rules.", []string{"Europe"}, nil, "adjectives name the party"},
		{"The un-named parties.", nil, nil, "un is not the UN"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		f := lex.AnnotateText(tt.text)
		if !slices.Equal(f.Parties, tt.parties) || !slices.Equal(f.Places, tt.places) {
			t.Errorf("%s: %q gives parties %q places %q, want %q %q", tt.reason, tt.text, f.Parties, f.Places, tt.parties, tt.places)
		}
	}
}

func TestTopics(t *testing.T) {
	tests := []struct {
		text   string
		want   []string
		reason string
	}{
		{"The armed forces will be capped.", []string{"armed-forces"}, "a two-word keyword"},
		{"Security guarantees mirror Article 5.", []string{"security-guarantees"}, "plural keyword"},
		{"A full ceasefire and its monitoring.", []string{"ceasefire"}, "ceasefire"},
		{"All prisoners will be exchanged all-for-all.", []string{"humanitarian"}, "hyphenated keyword"},
		{"Full amnesty; no claims.", []string{"justice"}, "justice"},
		{"Elections within 100 days.", []string{"governance"}, "governance"},
		{"Sanctions will be lifted.", []string{"sanctions"}, "sanctions"},
		{"The weather is fine.", nil, "no topic"},
	}
	lex := DefaultLexicon()
	for _, tt := range tests {
		got := lex.AnnotateText(tt.text).Topics
		if !slices.Equal(got, tt.want) {
			t.Errorf("%s: %q gives %q, want %q", tt.reason, tt.text, got, tt.want)
		}
	}
}

func TestAnnotateHeading(t *testing.T) {
	lex := DefaultLexicon()
	c := &Clause{Label: "10", Heading: "Guarantees from the United States", Text: "If Ukraine invades Russia, it loses them.",
		Children: []*Clause{{Label: "a", Text: "NATO will be compensated."}}}
	got := lex.Annotate(c)
	want := Facts{
		Conditions: []string{"if Ukraine invades Russia"},
		Parties:    []string{"Russia", "Ukraine", "United States"},
		Topics:     []string{"security-guarantees"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("heading and text, not children (-want +got):\n%s", diff)
	}
}

// TestConcurrentAnnotate runs Annotate from several goroutines on a fresh
// lexicon, so that the race detector sees the lazy compilation.
func TestConcurrentAnnotate(t *testing.T) {
	lex := DefaultLexicon()
	text := "If Russia invades Ukraine, all global sanctions will be reimposed within 30 days."
	want := DefaultLexicon().AnnotateText(text)
	var wg sync.WaitGroup
	errs := make(chan string, 8)
	for range 8 {
		wg.Go(func() {
			for range 50 {
				if got := lex.AnnotateText(text); !cmp.Equal(got, want) {
					errs <- fmt.Sprintf("%+v", got)
					return
				}
			}
		})
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Errorf("concurrent Annotate gave %s, want %+v", e, want)
	}
}

// checkFacts reports what breaks the invariants of Facts.
func checkFacts(f Facts) error {
	for name, s := range map[string][]string{
		"deadlines": f.Deadlines, "conditions": f.Conditions, "parties": f.Parties,
		"places": f.Places, "topics": f.Topics,
	} {
		if !slices.IsSorted(s) || len(slices.Compact(slices.Clone(s))) != len(s) {
			return fmt.Errorf("%s not sorted and unique: %q", name, s)
		}
		for _, v := range s {
			if v == "" {
				return fmt.Errorf("%s has an empty string", name)
			}
		}
	}
	for i, q := range f.Quantities {
		if math.IsInf(q.Value, 0) || math.IsNaN(q.Value) || q.Unit == "" {
			return fmt.Errorf("bad quantity %+v", q)
		}
		if i > 0 {
			p := f.Quantities[i-1]
			if p.Unit > q.Unit || p.Unit == q.Unit && p.Value >= q.Value {
				return fmt.Errorf("quantities not sorted and unique: %+v", f.Quantities)
			}
		}
	}
	if _, err := json.Marshal(f); err != nil {
		return err
	}
	return nil
}

// FuzzAnnotate checks that any text annotates without panicking, the same
// way twice, into sorted and unique facts. Run it with
//
//	go test -fuzz=FuzzAnnotate -fuzztime=60s ./peace
func FuzzAnnotate(f *testing.F) {
	for _, s := range []string{
		"The Armed Forces of Ukraine will be capped at 600,000 personnel.",
		"If Ukraine invades Russia, Ukraine will lose the guarantee.",
		"$100 billion of frozen Russian assets; 50% of the profits; 50:50.",
		"USD 100bn, €5 billion, twenty-five years, 2025-11-20, Article 5-like",
		"won't can't Ukraine's ’s U.S. St. Petersburg",
		"1,000,000,000,000,000,000 troops 1/0 0:0 999999999999999999999999999999 bn",
		"\u00a0\u202f600\u00a0000 – — … ( ) ;;,,",
		"Ünïcödé İstanbul ΣΊΣΥΦΟΣ 漢字 ١٢٣",
	} {
		f.Add(s)
	}
	lex := DefaultLexicon()
	f.Fuzz(func(t *testing.T, s string) {
		a := lex.AnnotateText(s)
		b := lex.AnnotateText(s)
		if !cmp.Equal(a, b) {
			t.Fatalf("two runs differ on %q:\n%s", s, cmp.Diff(a, b))
		}
		if err := checkFacts(a); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	})
}
