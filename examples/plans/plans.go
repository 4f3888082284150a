package plans

import (
	"embed"
	"fmt"
	"io/fs"
	"slices"
	"strings"

	"github.com/peacediff/peacediff/peace"
)

//go:embed *.txt
var files embed.FS

// IDs returns the ids of the bundled plans in chronological order of the
// versions they hold: us-28, eu-24, eu-counter, ua-20.
func IDs() []string {
	return slices.Clone(order)
}

// order is chronological, then by id; TestIDs checks it covers every file.
var order = []string{"us-28", "eu-24", "eu-counter", "ua-20"}

// Text returns the plan text of the bundled plan with the given id.
func Text(id string) ([]byte, error) {
	b, err := fs.ReadFile(files, id+".txt")
	if err != nil {
		return nil, fmt.Errorf("plans: no bundled plan %q (have %s)", id, strings.Join(order, ", "))
	}
	return b, nil
}

// Load parses the bundled plan with the given id.
func Load(id string) (*peace.Plan, error) {
	b, err := Text(id)
	if err != nil {
		return nil, err
	}
	p, err := peace.Parse(strings.NewReader(string(b)))
	if err != nil {
		return nil, fmt.Errorf("plans: %s: %w", id, err)
	}
	return p, nil
}
