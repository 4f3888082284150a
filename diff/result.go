package diff

// A Result is the comparison of two plans: every clause of both, aligned
// into matches, with word-level edits and the changes of meaning.
//
// A Result is plain data and serialises with encoding/json to the JSON
// contract documented in the package overview; its field names are public
// API. The same inputs give byte-identical JSON.
type Result struct {
	Old     PlanInfo    `json:"old"`
	New     PlanInfo    `json:"new"`
	Matches []Match     `json:"matches"`
	Summary Summary     `json:"summary"`
	Topics  []TopicInfo `json:"topics,omitempty"` // every topic named in Matches, by id, with its label
}

// TopicInfo labels a topic id of a [Result] for readers, from the lexicon
// of the comparison: "armed-forces" is "Armed forces" in the default
// lexicon, and whatever a custom lexicon calls it otherwise.
type TopicInfo struct {
	ID    string `json:"id"`
	Label string `json:"label"`
}

// PlanInfo names one side of a comparison.
type PlanInfo struct {
	ID      string `json:"id"`
	Title   string `json:"title"`
	Date    string `json:"date,omitempty"`
	Clauses int    `json:"clauses"` // top-level points
}

// A Kind classifies a [Match].
type Kind string

// The kinds of match.
const (
	Unchanged Kind = "unchanged" // same words after normalising case, spacing and punctuation
	Reworded  Kind = "reworded"  // words changed, meaning did not
	Amended   Kind = "amended"   // at least one change of meaning
	Split     Kind = "split"     // one old clause became several new ones
	Merged    Kind = "merged"    // several old clauses became one new one
	Added     Kind = "added"     // only in the new plan
	Removed   Kind = "removed"   // only in the old plan
)

// A Match links clauses of the old plan to clauses of the new one.
//
// Old and New hold clause paths ("6", "10.b"); one of them is empty for an
// added or removed clause. A match of a clause covers its sub-points unless
// they appear in matches of their own (see the package overview).
type Match struct {
	Kind       Kind     `json:"kind"`
	Old        []string `json:"old"`
	New        []string `json:"new"`
	Similarity float64  `json:"similarity"`       // 0 to 1, share of words kept; rounded to two decimals
	Moved      bool     `json:"moved"`            // out of order relative to the other matches
	Renumbered bool     `json:"renumbered"`       // the label changed
	Topics     []string `json:"topics,omitempty"` // topics of the clauses on either side
	Edits      []Edit   `json:"edits,omitempty"`
	Changes    []Change `json:"changes,omitempty"`
}

// An Op is what an [Edit] does to the old text.
type Op string

// The edit operations.
const (
	Equal  Op = "equal"
	Delete Op = "delete"
	Insert Op = "insert"
)

// An Edit is one run of a word-level diff. The Equal and Delete texts of a
// list of edits, concatenated, give the old text; Equal and Insert give the new.
type Edit struct {
	Op   Op     `json:"op"`
	Text string `json:"text"`
}

// A ChangeKind names what kind of fact changed.
type ChangeKind string

// The kinds of change of meaning.
const (
	QuantityChange   ChangeKind = "quantity"
	DurationChange   ChangeKind = "duration"
	ModalityChange   ChangeKind = "modality"
	NegationChange   ChangeKind = "negation"
	PartyAdded       ChangeKind = "party-added"
	PartyRemoved     ChangeKind = "party-removed"
	PlaceAdded       ChangeKind = "place-added"
	PlaceRemoved     ChangeKind = "place-removed"
	TopicAdded       ChangeKind = "topic-added"
	TopicRemoved     ChangeKind = "topic-removed"
	ConditionAdded   ChangeKind = "condition-added"
	ConditionRemoved ChangeKind = "condition-removed"
)

// A Change is one difference in the facts of two aligned clauses. Before and
// After are canonical ("600000 personnel", "will", "Crimea"); the side that
// has nothing is "".
type Change struct {
	Kind   ChangeKind `json:"kind"`
	Before string     `json:"before,omitempty"`
	After  string     `json:"after,omitempty"`
}

// Summary counts matches by kind. Moved counts matches with the moved flag,
// whatever their kind.
type Summary struct {
	Unchanged int `json:"unchanged"`
	Reworded  int `json:"reworded"`
	Amended   int `json:"amended"`
	Split     int `json:"split"`
	Merged    int `json:"merged"`
	Added     int `json:"added"`
	Removed   int `json:"removed"`
	Moved     int `json:"moved"`
}
