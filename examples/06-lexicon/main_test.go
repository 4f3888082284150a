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
		want   []string
		reason string
	}{
		{"output.golden", nil,
			[]string{"Water sharing", "+ Port Calloway", "30 days → 90 days", "will → must"},
			"merged: our names and the default's units and modal verbs"},
		{"replace.golden", []string{"-replace"},
			[]string{"+ Port Calloway", "  30 days → 90 days"},
			"ours alone: names, and days only as the word after a count"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			var out bytes.Buffer
			if err := run(&out, tc.args); err != nil {
				t.Fatalf("run(%q): %v (%s)", tc.args, err, tc.reason)
			}
			for _, w := range tc.want {
				if !strings.Contains(out.String(), w) {
					t.Errorf("output lacks %q (%s)", w, tc.reason)
				}
			}
			golden.Check(t, "testdata/"+tc.golden, out.Bytes())
		})
	}
}

// TestErrors checks that a bad flag is an error, not a crash.
func TestErrors(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, []string{"-merge"}); err == nil || !strings.Contains(err.Error(), "flag provided but not defined") {
		t.Errorf("run(-merge) = %v, want an unknown-flag error", err)
	}
}

// TestHelp checks that -h lists the flags and is not an error.
func TestHelp(t *testing.T) {
	var out bytes.Buffer
	if err := run(&out, []string{"-h"}); err != nil {
		t.Fatalf("run(-h) = %v, want nil", err)
	}
	if !strings.Contains(out.String(), "Usage of ") {
		t.Errorf("run(-h) printed no usage:\n%s", out.String())
	}
}
