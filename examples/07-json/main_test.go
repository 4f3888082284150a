package main

import (
	"bytes"
	"encoding/json"
	"os"
	"os/exec"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/google/go-cmp/cmp/cmpopts"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/internal/golden"
	"github.com/peacediff/peacediff/examples/plans"
)

// TestJSON checks that the program prints the JSON contract: a document
// that decodes into the Result diff.Compare returns for the same plans.
func TestJSON(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		reason string
	}{
		{nil, "the default pair, us-28 against ua-20"},
		{[]string{"eu-24", "eu-counter"}, "any two bundled plans"},
	} {
		var out bytes.Buffer
		if err := run(&out, tc.args); err != nil {
			t.Fatalf("run(%q): %v (%s)", tc.args, err, tc.reason)
		}
		var got diff.Result
		if err := json.Unmarshal(out.Bytes(), &got); err != nil {
			t.Fatalf("run(%q) printed no JSON: %v (%s)", tc.args, err, tc.reason)
		}
		ids := tc.args
		if ids == nil {
			ids = []string{"us-28", "ua-20"}
		}
		want := compare(t, ids[0], ids[1])
		if d := cmp.Diff(want, &got, cmpopts.EquateEmpty()); d != "" {
			t.Errorf("run(%q) JSON differs from diff.Compare (-want +got):\n%s", tc.args, d)
		}
	}
}

// TestNode runs read.mjs on the program's JSON, as the README does, and
// checks what it prints against testdata/output.golden. Without node it is
// skipped, except on CI (CI=true), where it fails.
func TestNode(t *testing.T) {
	node, err := exec.LookPath("node")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("node is required on CI: ", err)
		}
		t.Skip("node not installed: ", err)
	}
	var out bytes.Buffer
	if err := run(&out, nil); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(node, "read.mjs")
	cmd.Stdin = &out
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("node read.mjs: %v\n%s", err, stderr.String())
	}
	if !strings.Contains(string(got), "600000 personnel → 800000 personnel") {
		t.Errorf("read.mjs missed the troop ceiling's change:\n%s", got)
	}
	golden.Check(t, "testdata/output.golden", got)
}

// TestErrors checks that bad arguments give an error naming the problem.
func TestErrors(t *testing.T) {
	for _, tc := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"us-28"}, "usage", "one plan is not a comparison"},
		{[]string{"nope", "ua-20"}, `no bundled plan "nope"`, "an unknown plan id"},
	} {
		var out bytes.Buffer
		err := run(&out, tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q (%s)", tc.args, err, tc.want, tc.reason)
		}
		if out.Len() > 0 {
			t.Errorf("run(%q) printed %d bytes before failing (%s)", tc.args, out.Len(), tc.reason)
		}
	}
}

func compare(t *testing.T, oldID, newID string) *diff.Result {
	t.Helper()
	old, err := plans.Load(oldID)
	if err != nil {
		t.Fatal(err)
	}
	new, err := plans.Load(newID)
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	return r
}
