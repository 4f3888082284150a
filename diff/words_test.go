package diff

import (
	"math/rand/v2"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/google/go-cmp/cmp"
)

// rebuild returns the old and new texts a list of edits describes.
func rebuild(es []Edit) (a, b string) {
	var sa, sb strings.Builder
	for _, e := range es {
		switch e.Op {
		case Equal:
			sa.WriteString(e.Text)
			sb.WriteString(e.Text)
		case Delete:
			sa.WriteString(e.Text)
		case Insert:
			sb.WriteString(e.Text)
		}
	}
	return sa.String(), sb.String()
}

// checkEdits reports any broken invariant of Words(a, b).
func checkEdits(t *testing.T, a, b string, es []Edit) {
	t.Helper()
	ga, gb := rebuild(es)
	if ga != a || gb != b {
		t.Fatalf("Words(%q, %q) = %q\nrebuilds %q and %q", a, b, es, ga, gb)
	}
	for i, e := range es {
		if e.Text == "" {
			t.Fatalf("Words(%q, %q): edit %d is empty: %q", a, b, i, es)
		}
		if i == 0 {
			continue
		}
		p := es[i-1]
		if p.Op == e.Op {
			t.Fatalf("Words(%q, %q): edits %d and %d have the same op: %q", a, b, i-1, i, es)
		}
		if p.Op == Insert && e.Op == Delete {
			t.Fatalf("Words(%q, %q): insert before delete at %d: %q", a, b, i, es)
		}
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		reason string
		a, b   string
		want   []Edit
	}{
		{
			reason: "two empty texts give no edits",
		},
		{
			reason: "equal texts give one equal run",
			a:      "Ukraine will be given security guarantees.",
			b:      "Ukraine will be given security guarantees.",
			want:   []Edit{{Equal, "Ukraine will be given security guarantees."}},
		},
		{
			reason: "a number with separators is one token",
			a:      "capped at 600,000 personnel.",
			b:      "capped at 800,000 personnel.",
			want:   []Edit{{Equal, "capped at "}, {Delete, "600,000"}, {Insert, "800,000"}, {Equal, " personnel."}},
		},
		{
			reason: "currency and percent signs stay with their number",
			a:      "receive 50% of $100 billion",
			b:      "receive 40% of $200 billion",
			want:   []Edit{{Equal, "receive "}, {Delete, "50% of $100"}, {Insert, "40% of $200"}, {Equal, " billion"}},
		},
		{
			reason: "a word is never cut in half",
			a:      "Ukraine will be given reliable security guarantees.",
			b:      "Ukraine will be given robust security guarantees.",
			want:   []Edit{{Equal, "Ukraine will be given "}, {Delete, "reliable"}, {Insert, "robust"}, {Equal, " security guarantees."}},
		},
		{
			reason: "a short equal island between two changes is folded in",
			a:      "The Armed Forces of Ukraine will be capped at 600,000 personnel.",
			b:      "Ukraine's armed forces will stay at 800,000 personnel in peacetime.",
			want: []Edit{
				{Delete, "The Armed Forces of Ukraine"}, {Insert, "Ukraine's armed forces"},
				{Equal, " will "},
				{Delete, "be capped at 600,000"}, {Insert, "stay at 800,000"},
				{Equal, " personnel"},
				{Insert, " in peacetime"},
				{Equal, "."},
			},
		},
		{
			reason: "a deleted word takes the space after it",
			a:      "all global sanctions will be reimposed",
			b:      "all sanctions will be reimposed",
			want:   []Edit{{Equal, "all "}, {Delete, "global "}, {Equal, "sanctions will be reimposed"}},
		},
		{
			reason: "an inserted word takes the space after it",
			a:      "Russia will be reintegrated",
			b:      "Russia will be gradually reintegrated",
			want:   []Edit{{Equal, "Russia will be "}, {Insert, "gradually "}, {Equal, "reintegrated"}},
		},
		{
			reason: "everything new",
			a:      "",
			b:      "A new point.",
			want:   []Edit{{Insert, "A new point."}},
		},
		{
			reason: "everything gone",
			a:      "An old point.",
			b:      "",
			want:   []Edit{{Delete, "An old point."}},
		},
		{
			reason: "Cyrillic words are words",
			a:      "Україна отримає гарантії",
			b:      "Україна отримає надійні гарантії",
			want:   []Edit{{Equal, "Україна отримає "}, {Insert, "надійні "}, {Equal, "гарантії"}},
		},
		{
			reason: "invalid UTF-8 bytes survive",
			a:      "a \xff b",
			b:      "a \xfe b",
			want:   []Edit{{Equal, "a "}, {Delete, "\xff"}, {Insert, "\xfe"}, {Equal, " b"}},
		},
	}
	for _, tt := range tests {
		got := Words(tt.a, tt.b)
		checkEdits(t, tt.a, tt.b, got)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: Words(%q, %q) mismatch (-want +got):\n%s", tt.reason, tt.a, tt.b, d)
		}
	}
}

func TestTokenize(t *testing.T) {
	tests := []struct {
		reason string
		in     string
		want   []string
	}{
		{"numbers keep separators and signs", "$100 billion, 50% and 600,000.", []string{"$100", " ", "billion", ",", " ", "50%", " ", "and", " ", "600,000", "."}},
		{"apostrophes inside words", "Ukraine's forces'", []string{"Ukraine's", " ", "forces", "'"}},
		{"white space runs are one token", "a \t\n b", []string{"a", " \t\n ", "b"}},
		{"a combining mark stays on its letter", "cafe\u0301 !", []string{"cafe\u0301", " ", "!"}},
		{"an emoji sequence is one token", "x 👍🏽 👨\u200d👩", []string{"x", " ", "👍🏽", " ", "👨\u200d👩"}},
		{"CJK runs are words", "和平 协议", []string{"和平", " ", "协议"}},
		{"invalid bytes stand alone", "a\xff\xfeb", []string{"a", "\xff", "\xfe", "b"}},
	}
	for _, tt := range tests {
		if d := cmp.Diff(tt.want, tokenize(tt.in)); d != "" {
			t.Errorf("%s: tokenize(%q) mismatch (-want +got):\n%s", tt.reason, tt.in, d)
		}
	}
}

// randomText builds text from a small alphabet of words and oddities so
// that random pairs share many tokens.
func randomText(r *rand.Rand, n int) string {
	pieces := []string{
		"the", "Ukraine", "Russia", "will", "may", " ", " ", " ", "  ", ",", ".", "600,000", "$100",
		"50%", "Україна", "和平", "👍🏽", "e\u0301", "\xff", "\n", "'", "’s", "NATO", "a", "b",
	}
	var b strings.Builder
	for range n {
		b.WriteString(pieces[r.IntN(len(pieces))])
	}
	return b.String()
}

// TestWordsProperties checks the rebuild invariants on random texts and on
// edited copies of them.
func TestWordsProperties(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for i := range 2000 {
		a := randomText(r, r.IntN(40))
		var b string
		if i%2 == 0 {
			b = randomText(r, r.IntN(40))
		} else {
			// An edited copy: a few tokens changed.
			ts := tokenize(a)
			for j := range ts {
				if r.IntN(5) == 0 {
					ts[j] = randomText(r, 1)
				}
			}
			b = strings.Join(ts, "")
		}
		checkEdits(t, a, b, Words(a, b))
	}
}

// TestWordsLong checks that long texts with spread-out edits are diffed
// quickly and correctly through the sentence pass.
func TestWordsLong(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	var sa, sb strings.Builder
	for i := range 6000 {
		s := randomText(r, 8) + ". "
		sa.WriteString(s)
		if i%7 == 0 {
			s = randomText(r, 8) + ". "
		}
		sb.WriteString(s)
	}
	a, b := sa.String(), sb.String()
	es := Words(a, b)
	checkEdits(t, a, b, es)
	equal := 0
	for _, e := range es {
		if e.Op == Equal {
			equal += len(e.Text)
		}
	}
	if equal < len(a)/2 {
		t.Errorf("Words on a long text kept %d of %d bytes equal; want most of them", equal, len(a))
	}
}

// TestWordsNoSpaces diffs two one-megabyte clauses without spaces.
func TestWordsNoSpaces(t *testing.T) {
	a := strings.Repeat("x", 1<<20)
	b := a[:len(a)-1] + "y"
	es := Words(a, b)
	checkEdits(t, a, b, es)
	if len(es) != 2 || es[0].Op != Delete {
		t.Errorf("Words on one-token texts gave %d edits, want a delete and an insert", len(es))
	}
}

// FuzzWords checks that the edits rebuild both texts for any input.
//
//	go test -fuzz=FuzzWords ./diff
func FuzzWords(f *testing.F) {
	f.Add("The Armed Forces of Ukraine will be capped at 600,000 personnel.", "Ukraine's armed forces will stay at 800,000 personnel in peacetime.")
	f.Add("a \xff b", "a \xfe\xfe b")
	f.Add("Україна 👍🏽 e\u0301", "和平 👍 e")
	f.Add("", "x")
	f.Fuzz(func(t *testing.T, a, b string) {
		es := Words(a, b)
		checkEdits(t, a, b, es)
		if utf8.ValidString(a) && utf8.ValidString(b) {
			for _, e := range es {
				if !utf8.ValidString(e.Text) {
					t.Fatalf("Words(%q, %q) cut a rune: %q", a, b, es)
				}
			}
		}
	})
}
