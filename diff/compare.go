package diff

import (
	"errors"

	"github.com/peacediff/peacediff/peace"
)

// An Option configures [Compare]. TEMPORARY STUB: replaced by the diff work.
type Option interface{ option() }

// Compare is a TEMPORARY STUB: replaced by the diff work.
func Compare(old, new *peace.Plan, opts ...Option) (*Result, error) {
	return nil, errors.New("diff: not written yet")
}
