package wasm

import "github.com/peacediff/peacediff/diff"

// xssText is a clause that tries to become markup; the viewer must show it
// as the literal words.
const xssText = `Parties <img src=x onerror="document.title='pwned'"> agree <script>document.title='pwned'</script> in full.`

// fixture returns a hand-built comparison with one match of each kind that
// matters to the viewer.
func fixture() *diff.Result {
	eq := func(s string) []diff.Edit { return []diff.Edit{{Op: diff.Equal, Text: s}} }
	return &diff.Result{
		Old: diff.PlanInfo{ID: "old", Title: "Old draft", Date: "2025-11-20", Clauses: 7},
		New: diff.PlanInfo{ID: "new", Title: "New draft", Date: "2025-12-24", Clauses: 7},
		Matches: []diff.Match{
			{Kind: diff.Unchanged, Old: []string{"1"}, New: []string{"1"}, Similarity: 1, Edits: eq("Ukraine's sovereignty is affirmed.")},
			{Kind: diff.Unchanged, Old: []string{"2"}, New: []string{"2"}, Similarity: 1, Edits: eq("The parties respect the ceasefire.")},
			{Kind: diff.Unchanged, Old: []string{"3"}, New: []string{"3"}, Similarity: 1, Edits: eq("Prisoners are exchanged all for all.")},
			{Kind: diff.Amended, Old: []string{"6"}, New: []string{"4"}, Similarity: 0.71, Moved: true, Renumbered: true,
				Topics: []string{"armed-forces"},
				Edits: []diff.Edit{
					{Op: diff.Equal, Text: "The armed forces of Ukraine are capped at "},
					{Op: diff.Delete, Text: "600,000"},
					{Op: diff.Insert, Text: "800,000"},
					{Op: diff.Equal, Text: " personnel."},
				},
				Changes: []diff.Change{{Kind: diff.QuantityChange, Before: "600000 personnel", After: "800000 personnel"}}},
			{Kind: diff.Amended, Old: []string{"10"}, New: []string{"5"}, Similarity: 0.6, Renumbered: true,
				Topics: []string{"alliances", "security-guarantees"},
				Edits: []diff.Edit{
					{Op: diff.Equal, Text: "The United States "},
					{Op: diff.Delete, Text: "will"},
					{Op: diff.Insert, Text: "may, with NATO,"},
					{Op: diff.Equal, Text: " guarantee the peace."},
				},
				Changes: []diff.Change{
					{Kind: diff.ModalityChange, Before: "will", After: "may"},
					{Kind: diff.PartyAdded, After: "NATO"},
				}},
			{Kind: diff.Removed, Old: []string{"7"}, Similarity: 0, Topics: []string{"alliances"},
				Edits: []diff.Edit{{Op: diff.Delete, Text: "Ukraine will never join NATO."}}},
			{Kind: diff.Added, New: []string{"6"}, Similarity: 0,
				Edits: []diff.Edit{{Op: diff.Insert, Text: xssText}}},
			{Kind: diff.Reworded, Old: []string{"11"}, New: []string{"7"}, Similarity: 0.8,
				Edits: []diff.Edit{
					{Op: diff.Equal, Text: "Elections are held "},
					{Op: diff.Delete, Text: "soon"},
					{Op: diff.Insert, Text: "promptly"},
					{Op: diff.Equal, Text: "."},
				}},
		},
		Summary: diff.Summary{Unchanged: 3, Amended: 2, Removed: 1, Added: 1, Reworded: 1, Moved: 1},
	}
}
