package diff

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
)

// WriteJSON writes r as the JSON document described in the package
// overview, indented by two spaces and ending in a newline. The same Result
// gives the same bytes.
func (r *Result) WriteJSON(w io.Writer) error {
	return writeJSON(w, r)
}

func writeJSON(w io.Writer, v any) error {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetIndent("", "  ")
	if err := enc.Encode(v); err != nil {
		return fmt.Errorf("diff: encoding JSON: %w", err)
	}
	if _, err := w.Write(b.Bytes()); err != nil {
		return fmt.Errorf("diff: writing JSON: %w", err)
	}
	return nil
}

// WriteJSON writes l as the JSON document described at [Lineage], indented
// by two spaces and ending in a newline.
func (l *Lineage) WriteJSON(w io.Writer) error {
	return writeJSON(w, l)
}
