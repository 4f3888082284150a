package main

import (
	"bytes"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/internal/golden"
)

// TestOutput runs the tutorial as the README does and checks what it
// prints against testdata; run with -update after an intended change.
func TestOutput(t *testing.T) {
	for _, tc := range []struct {
		golden string
		args   []string
		reason string
	}{
		{"output.golden", nil, "the README's command: the whole us-28 outline"},
		{"points.golden", []string{"us-28", "6", "10"}, "picking points keeps their sub-points"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, tc.args); err != nil {
				t.Fatalf("run(%q): %v (%s)", tc.args, err, tc.reason)
			}
			golden.Check(t, "testdata/"+tc.golden, out.Bytes())
		})
	}
}

// TestErrors checks that bad arguments give an error naming the problem.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"us-99"}, `no bundled plan "us-99"`, "an unknown plan id"},
		{[]string{"us-28", "99"}, "us-28 has no point 99", "a point the plan lacks"},
	} {
		var out bytes.Buffer
		err := run(&out, tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q (%s)", tc.args, err, tc.want, tc.reason)
		}
	}
}
