package diff

import (
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/peacediff/peacediff/peace"
)

// TestCompareFacts checks the changes found between two versions of one
// clause: paraphrases give none, changes of meaning one each.
func TestCompareFacts(t *testing.T) {
	tests := []struct {
		reason   string
		old, new string
		want     []Change
	}{
		{
			reason: "capped at / limited to, personnel / troops: a paraphrase",
			old:    "The Armed Forces of Ukraine will be capped at 600,000 personnel.",
			new:    "The Armed Forces of Ukraine will be limited to 600,000 troops.",
		},
		{
			reason: "two spellings of one river: a paraphrase",
			old:    "Russia will not prevent Ukraine from using the Dnieper for commercial activity.",
			new:    "Russia will not prevent Ukraine from using the Dnipro for commercial activity.",
		},
		{
			reason: "agrees not to make any claims / agrees to raise no claims: a paraphrase",
			old:    "Every party agrees not to make any claims in the future.",
			new:    "Every party agrees to raise no claims in the future.",
		},
		{
			reason: "active and passive voice: a paraphrase",
			old:    "Russia will restart the Zaporizhzhia plant under IAEA supervision.",
			new:    "The Zaporizhzhia plant will be restarted by Russia under IAEA supervision.",
		},
		{
			reason: "a condition reworded slightly is no change",
			old:    "If Ukraine invades Russia, Ukraine will lose the guarantee.",
			new:    "If Ukraine invades Russia at any point, Ukraine will lose the guarantee.",
		},
		{
			reason: "a new number of personnel is a quantity change",
			old:    "The Armed Forces of Ukraine will be capped at 600,000 personnel.",
			new:    "The Armed Forces of Ukraine will be capped at 800,000 personnel.",
			want:   []Change{{Kind: QuantityChange, Before: "600000 personnel", After: "800000 personnel"}},
		},
		{
			reason: "a deadline replacing a duration is a duration change",
			old:    "Ukraine will hold elections within 100 days.",
			new:    "Ukraine will hold elections as soon as possible.",
			want:   []Change{{Kind: DurationChange, Before: "100 days", After: "as soon as possible"}},
		},
		{
			reason: "will becoming may is a modality change",
			old:    "European fighter jets will be based in Poland.",
			new:    "European fighter jets may be based in Poland.",
			want:   []Change{{Kind: ModalityChange, Before: "will", After: "may"}},
		},
		{
			reason: "a dropped negation is a negation change",
			old:    "NATO agrees that it will not station troops in Ukraine.",
			new:    "NATO agrees that it will station troops in Ukraine.",
			want:   []Change{{Kind: NegationChange, Before: "negated"}},
		},
		{
			reason: "a party replaced is one removed and one added; NATO brings its topic",
			old:    "European fighter jets will be based in Poland.",
			new:    "NATO fighter jets will be based in Poland.",
			want: []Change{
				{Kind: PartyRemoved, Before: "Europe"}, {Kind: PartyAdded, After: "NATO"},
				{Kind: TopicAdded, After: "alliances"},
			},
		},
		{
			reason: "a removed amount keeps only its before side",
			old:    "Europe will add $100 billion to the investment.",
			new:    "Europe will add to the investment.",
			want:   []Change{{Kind: QuantityChange, Before: "100000000000 usd"}},
		},
		{
			reason: "a new condition is a condition change",
			old:    "Ukraine's military will be capped at 800,000 personnel.",
			new:    "In peacetime, Ukraine's military will be capped at 800,000 personnel.",
			want:   []Change{{Kind: ConditionAdded, After: "in peacetime"}},
		},
	}
	lex := peace.DefaultLexicon()
	for _, tt := range tests {
		a := lex.Annotate(&peace.Clause{Text: tt.old})
		b := lex.Annotate(&peace.Clause{Text: tt.new})
		got := compareFacts(a, b)
		if d := cmp.Diff(tt.want, got); d != "" {
			t.Errorf("%s: changes differ (-want +got):\n%s\nold facts %+v\nnew facts %+v", tt.reason, d, a, b)
		}
	}
}

func TestMergeFacts(t *testing.T) {
	rank := modalRanks(peace.DefaultLexicon())
	got := mergeFacts([]peace.Facts{
		{Modality: "may", Parties: []string{"Ukraine"}, Quantities: []peace.Quantity{{Value: 5, Unit: "years"}}},
		{Modality: "must", Negated: true, Parties: []string{"Russia", "Ukraine"}, Quantities: []peace.Quantity{{Value: 5, Unit: "years", Text: "five years"}}},
	}, rank)
	want := peace.Facts{
		Modality:   "must",
		Negated:    true,
		Parties:    []string{"Russia", "Ukraine"},
		Quantities: []peace.Quantity{{Value: 5, Unit: "years"}},
	}
	if d := cmp.Diff(want, got); d != "" {
		t.Errorf("mergeFacts: the strongest modal, any negation and the union of the lists (-want +got):\n%s", d)
	}
}
