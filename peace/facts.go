package peace

import "strconv"

// Facts are the checkable statements of one clause, each in a canonical form
// so that two versions of a clause can be compared fact by fact: "capped at
// 600,000 personnel" and "limited to 600,000 troops" give equal Facts.
//
// Slices are sorted and free of duplicates; the zero value means "nothing found".
type Facts struct {
	Quantities []Quantity `json:"quantities,omitempty"` // numbers with units, durations included
	Deadlines  []string   `json:"deadlines,omitempty"`  // time limits without a number: "as soon as possible", "immediately"
	Modality   string     `json:"modality,omitempty"`   // the strongest modal: must, shall, will, agrees to, is expected to, should, may
	Negated    bool       `json:"negated,omitempty"`    // the clause forbids or denies ("will not", "never", "no ... will")
	Conditions []string   `json:"conditions,omitempty"` // condition phrases from the trigger word on, as written but for the trigger's capital: "if Ukraine invades Russia", "in peacetime"
	Parties    []string   `json:"parties,omitempty"`    // canonical party names as the lexicon spells them
	Places     []string   `json:"places,omitempty"`     // canonical place names
	Topics     []string   `json:"topics,omitempty"`     // topic ids from the lexicon's taxonomy, such as "armed-forces"
}

// A Quantity is a number with a unit, in canonical form: Value holds the
// number without separators or multipliers ("$100 billion" has Value 1e11)
// and Unit one of the unit words below.
type Quantity struct {
	Value float64 `json:"value"`
	Unit  string  `json:"unit"`
	Text  string  `json:"text,omitempty"` // the words it was read from, as printed
	Of    string  `json:"of,omitempty"`   // for a count, the word after it, lower case: "regions" in "five regions"
}

// Units used in [Quantity.Unit].
const (
	UnitPersonnel = "personnel"
	UnitUSD       = "usd"
	UnitEUR       = "eur"
	UnitPercent   = "percent"
	UnitRatio     = "ratio" // 50:50 is Value 50 of a ratio; see Quantity.String
	UnitKm        = "km"
	UnitDays      = "days"
	UnitMonths    = "months"
	UnitYears     = "years"
	UnitCount     = "count" // a bare number with no unit word
)

// IsDuration reports whether q measures time (days, months, years).
func (q Quantity) IsDuration() bool {
	switch q.Unit {
	case UnitDays, UnitMonths, UnitYears:
		return true
	}
	return false
}

// String returns the canonical form used in diffs and JSON: the number
// without separators, a space and the unit, as in "600000 personnel",
// "100000000000 usd" or "10 years". A ratio prints as "50:50", and a count
// with the word it counts as that word: "5 regions" (else "5 count").
func (q Quantity) String() string {
	v := strconv.FormatFloat(q.Value, 'f', -1, 64)
	if q.Unit == UnitRatio {
		other := strconv.FormatFloat(100-q.Value, 'f', -1, 64)
		return v + ":" + other
	}
	if q.Unit == UnitCount && q.Of != "" {
		return v + " " + q.Of
	}
	return v + " " + q.Unit
}
