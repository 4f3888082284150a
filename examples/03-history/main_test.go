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
		want   string
		reason string
	}{
		{"output.golden", nil, `Topic "Armed forces"`, "the README's command: topic armed-forces"},
		{"territory.golden", []string{"territory"}, `Topic "Territory"`, "another topic"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, tc.args); err != nil {
				t.Fatalf("run(%q): %v (%s)", tc.args, err, tc.reason)
			}
			if !strings.Contains(out.String(), tc.want) {
				t.Errorf("output lacks %q (%s)", tc.want, tc.reason)
			}
			if !strings.Contains(out.String(), "  6 → 6 → 4\n") {
				t.Errorf("the thread of us-28 point 6 is missing (%s)", tc.reason)
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
		{[]string{"weather"}, `no clause of these versions is on topic "weather"`, "a topic no clause has"},
		{[]string{"territory", "energy"}, "usage", "one topic at a time"},
	} {
		var out bytes.Buffer
		err := run(&out, tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q (%s)", tc.args, err, tc.want, tc.reason)
		}
	}
}
