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
		{"output.golden", nil, "the README's command: us-28 against ua-20"},
		{"eu-counter.golden", []string{"us-28", "eu-counter"}, "any two bundled plans"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, tc.args); err != nil {
				t.Fatalf("run(%q): %v (%s)", tc.args, err, tc.reason)
			}
			if !strings.Contains(out.String(), "600000 personnel → 800000 personnel") {
				t.Errorf("the troop ceiling's change is missing (%s)", tc.reason)
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
		{[]string{"us-28"}, "usage", "one plan is not a comparison"},
		{[]string{"us-28", "nope"}, `no bundled plan "nope"`, "an unknown plan id"},
	} {
		var out bytes.Buffer
		err := run(&out, tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q (%s)", tc.args, err, tc.want, tc.reason)
		}
	}
}
