package peace

import (
	"errors"
	"io"
)

// Parse reads a plan. TEMPORARY STUB: replaced by the parser work.
func Parse(r io.Reader) (*Plan, error) { return nil, errors.New("peace: parser not written yet") }
