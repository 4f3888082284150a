package peace

import (
	"encoding/json"
	"errors"
	"slices"
	"strings"
	"testing"
	"testing/iotest"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"
)

func TestDefaultLexiconIsFresh(t *testing.T) {
	a := DefaultLexicon()
	a.Parties[0].Name = "Changed"
	a.Parties[0].Aliases[0] = "Changed"
	a.Merge(&Lexicon{Parties: []Term{{Name: "Northland"}}})
	b := DefaultLexicon()
	if b.Parties[0].Name == "Changed" || b.Parties[0].Aliases[0] == "Changed" {
		t.Errorf("changing one DefaultLexicon changed the next: %+v", b.Parties[0])
	}
	if slices.ContainsFunc(b.Parties, func(p Term) bool { return p.Name == "Northland" }) {
		t.Error("merging into one DefaultLexicon changed the next")
	}
}

// TestDefaultLexiconData checks the embedded lexicon.json for mistakes
// that would make facts ambiguous or unreachable.
func TestDefaultLexiconData(t *testing.T) {
	l := DefaultLexicon()
	for _, name := range []string{"United States", "Russia", "Ukraine", "Europe", "NATO"} {
		if !slices.ContainsFunc(l.Parties, func(p Term) bool { return p.Name == name }) {
			t.Errorf("no party %q", name)
		}
	}
	var ids []string
	for _, tp := range l.Topics {
		if tp.Label == "" {
			t.Errorf("topic %q has no label", tp.ID)
		}
		ids = append(ids, tp.ID)
	}
	for _, id := range []string{"territory", "armed-forces", "alliances", "security-guarantees", "ceasefire",
		"sanctions", "assets", "humanitarian", "justice", "governance", "energy", "culture",
		"implementation", "nuclear", "economy"} {
		if !slices.Contains(ids, id) {
			t.Errorf("no topic %q", id)
		}
	}
	var modals []string
	for _, m := range l.Modals {
		modals = append(modals, m.Modal)
	}
	if want := []string{"must", "shall", "will", "agrees to", "is expected to", "should", "may"}; !slices.Equal(modals, want) {
		t.Errorf("modals in order %q, want %q", modals, want)
	}
	for kind, terms := range map[string][]Term{"party": l.Parties, "place": l.Places, "deadline": l.Deadlines} {
		owner := make(map[string]string) // normalized alias → name
		for _, tm := range terms {
			for _, a := range slices.Concat([]string{tm.Name}, tm.Aliases, tm.Exact) {
				key := normPhrase(a)
				if key == "" {
					t.Errorf("%s %q: alias %q has no words", kind, tm.Name, a)
				}
				if prev, ok := owner[key]; ok && prev != tm.Name && !slices.Contains(tm.Exact, a) {
					t.Errorf("%s alias %q names both %q and %q", kind, a, prev, tm.Name)
				}
				owner[key] = tm.Name
			}
		}
	}
}

// normPhrase returns a phrase's tokens as matching sees them.
func normPhrase(s string) string {
	var w []string
	for _, t := range tokenize(nil, s) {
		w = append(w, t.norm)
	}
	return strings.Join(w, " ")
}

func TestLoadLexiconErrors(t *testing.T) {
	tests := []struct {
		json   string
		want   string
		reason string
	}{
		{`{"parties": [`, "line 1, column 14: parties[0]: want an object, got the end of the input", "truncated JSON"},
		{`{"parties": [{"aliases": ["x"]}]}`, "party 1 has no name", "a party must have a name"},
		{`{"places": [{"name": "a"}, {"name": ""}]}`, "place 2 has no name", "a place must have a name"},
		{`{"topics": [{"label": "X"}]}`, "topic 1 has no id", "a topic must have an id"},
		{`{"units": [{"unit": "km", "factor": -1}]}`, "negative factor", "a factor must not be negative"},
		{`{"units": [{"words": ["x"]}]}`, "unit entry 1 has no unit", "a unit entry names its unit"},
		{`{"modals": [{"phrases": ["x"]}]}`, "modal 1 has no name", "a modal must have a name"},
		{`{"deadlines": [{"aliases": ["x"]}]}`, "deadline 1 has no name", "a deadline must have a name"},
		{`{"parties": "Russia"}`, "line 1, column 13: parties: want an array, got a string", "wrong JSON type"},
		{`{"parties": [{"name": "Russia", "alias": ["Moscow"]}]}`, `line 1, column 33: parties[0]: unknown key "alias"`, "a misspelt key"},
		{`{"Parties": []}`, `unknown key "Parties"`, "keys match exactly, not ignoring case"},
		{`{"units": [{"unit": "km", "factor": "7"}]}`, "units[0].factor: want a number, got a string", "a factor is a number"},
		{`{"units": [{"unit": "km", "factor": 1e999}]}`, "units[0].factor: number 1e999 is out of range", "a factor fits a float64"},
		{`{} {}`, "line 1, column 4: data after the JSON value", "two objects"},
		{`{} ]`, "data after the JSON value", "a stray bracket after the object"},
	}
	for _, tt := range tests {
		_, err := LoadLexicon(strings.NewReader(tt.json))
		if err == nil || !strings.HasPrefix(err.Error(), "peace: ") || !strings.Contains(err.Error(), tt.want) {
			t.Errorf("%s: LoadLexicon(%s) error %v, want one starting \"peace: \" and containing %q", tt.reason, tt.json, err, tt.want)
		}
	}
	boom := errors.New("boom")
	if _, err := LoadLexicon(iotest.ErrReader(boom)); !errors.Is(err, boom) {
		t.Errorf("a failing reader gives %v, want it wrapped", err)
	}
}

func TestLexiconJSONRoundTrip(t *testing.T) {
	l := DefaultLexicon()
	data, err := json.Marshal(l)
	if err != nil {
		t.Fatal(err)
	}
	back, err := LoadLexicon(strings.NewReader(string(data)))
	if err != nil {
		t.Fatal(err)
	}
	if diff := cmp.Diff(l, back, cmpopts.IgnoreUnexported(Lexicon{}), cmpopts.EquateEmpty()); diff != "" {
		t.Errorf("lexicon changed through JSON (-before +after):\n%s", diff)
	}
}

func TestMerge(t *testing.T) {
	l := DefaultLexicon()
	text := "Rossiya and Northland will talk about water within 3 fortnights."
	before := l.AnnotateText(text) // compiles the matcher
	if slices.Contains(before.Parties, "Russia") || len(before.Quantities) != 1 {
		t.Fatalf("before merging: %+v", before)
	}
	extra, err := LoadLexicon(strings.NewReader(`{
		"parties": [{"name": "Russia", "aliases": ["Rossiya"]}, {"name": "Northland"}],
		"topics": [{"id": "water", "label": "Water rights", "keywords": ["water"]},
		           {"id": "armed-forces", "label": "Military"}],
		"units": [{"unit": "days", "words": ["fortnights"], "factor": 14}],
		"modals": [{"modal": "will", "phrases": ["is going to"]}, {"modal": "might consider", "phrases": ["might consider"]}]
	}`))
	if err != nil {
		t.Fatal(err)
	}
	l.Merge(extra)
	got := l.AnnotateText(text)
	want := Facts{
		Quantities: []Quantity{{Value: 42, Unit: UnitDays, Text: "3 fortnights"}},
		Modality:   "will",
		Parties:    []string{"Northland", "Russia"},
		Topics:     []string{"water"},
	}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("after merging (-want +got):\n%s", diff)
	}
	if got := l.Topic("armed-forces"); got != "Military" {
		t.Errorf("merged label: Topic(armed-forces) = %q, want Military", got)
	}
	if got := l.Modals[len(l.Modals)-1].Modal; got != "might consider" {
		t.Errorf("a new modal is the weakest; the last is %q", got)
	}
	if got := l.AnnotateText("Russia is going to talk.").Modality; got != "will" {
		t.Errorf("merged phrase of an existing modal gives %q, want will", got)
	}
	n := len(l.Parties)
	l.Merge(extra)
	if len(l.Parties) != n || len(l.Parties[slices.IndexFunc(l.Parties, func(p Term) bool { return p.Name == "Russia" })].Aliases) !=
		len(DefaultLexicon().Parties[1].Aliases)+1 {
		t.Error("merging the same lexicon twice added entries again")
	}
}

func TestMergeNilRecompiles(t *testing.T) {
	l := DefaultLexicon()
	if got := l.AnnotateText("Atlantis agrees.").Parties; got != nil {
		t.Fatalf("parties %q before the edit", got)
	}
	l.Parties = append(l.Parties, Term{Name: "Atlantis"})
	l.Merge(nil)
	if got := l.AnnotateText("Atlantis agrees.").Parties; !slices.Equal(got, []string{"Atlantis"}) {
		t.Errorf("after editing the fields and Merge(nil): parties %q, want [Atlantis]", got)
	}
}

func TestTopicLabel(t *testing.T) {
	l := DefaultLexicon()
	tests := []struct{ id, want, reason string }{
		{"armed-forces", "Armed forces", "a default topic"},
		{"culture", "Culture, language and religion", "a label with commas"},
		{"no-such-topic", "no-such-topic", "an unknown ID is its own label"},
	}
	for _, tt := range tests {
		if got := l.Topic(tt.id); got != tt.want {
			t.Errorf("%s: Topic(%q) = %q, want %q", tt.reason, tt.id, got, tt.want)
		}
	}
}

func TestEmptyLexicon(t *testing.T) {
	var l Lexicon
	got := l.AnnotateText("If Russia invades, 600,000 troops will move.")
	want := Facts{Quantities: []Quantity{{Value: 600000, Unit: UnitCount, Text: "600,000", Of: "troops"}}}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("an empty lexicon knows no words, only numbers (-want +got):\n%s", diff)
	}
}
