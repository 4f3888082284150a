package wasm

import (
	"fmt"
	"strings"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/peace"
)

// MaxText is the largest plan text, in bytes, the viewer accepts: far above
// any real plan, low enough that a mistaken URL cannot freeze the page.
const MaxText = 8 << 20

// A Comparison is two parsed plans and their comparison.
type Comparison struct {
	Old, New *peace.Plan
	Result   *diff.Result
}

// Compare parses two plan texts and compares them.
func Compare(oldText, newText string) (*Comparison, error) {
	old, err := parse("old", oldText)
	if err != nil {
		return nil, err
	}
	new, err := parse("new", newText)
	if err != nil {
		return nil, err
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		return nil, fmt.Errorf("peacediff: %w", err)
	}
	return &Comparison{Old: old, New: new, Result: r}, nil
}

func parse(which, text string) (*peace.Plan, error) {
	if len(text) > MaxText {
		return nil, fmt.Errorf("peacediff: %s plan: %d bytes is over the limit of %d", which, len(text), MaxText)
	}
	p, err := peace.Parse(strings.NewReader(text))
	if err != nil {
		return nil, fmt.Errorf("peacediff: %s plan: %w", which, err)
	}
	return p, nil
}

// A History is the comparison of several versions of a plan, each with the
// next. It is what the JavaScript peacediff.history returns.
type History struct {
	Versions []diff.PlanInfo `json:"versions"`
	Steps    []*diff.Result  `json:"steps"` // Steps[i] compares Versions[i] with Versions[i+1]

	comparisons []*Comparison
}

// NewHistory parses the texts, oldest first, and compares each version with
// the next. It needs at least two texts.
func NewHistory(texts []string) (*History, error) {
	if len(texts) < 2 {
		return nil, fmt.Errorf("peacediff: a history needs at least two versions, got %d", len(texts))
	}
	plans := make([]*peace.Plan, len(texts))
	for i, t := range texts {
		p, err := parse(fmt.Sprintf("version %d", i+1), t)
		if err != nil {
			return nil, err
		}
		plans[i] = p
	}
	h := &History{}
	for i := 1; i < len(plans); i++ {
		r, err := diff.Compare(plans[i-1], plans[i])
		if err != nil {
			return nil, fmt.Errorf("peacediff: versions %d and %d: %w", i, i+1, err)
		}
		if i == 1 {
			h.Versions = append(h.Versions, r.Old)
		}
		h.Versions = append(h.Versions, r.New)
		h.Steps = append(h.Steps, r)
		h.comparisons = append(h.comparisons, &Comparison{Old: plans[i-1], New: plans[i], Result: r})
	}
	return h, nil
}
