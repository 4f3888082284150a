package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/examples/internal/golden"
)

// TestOutput runs the tutorial in an empty folder, as the README does, and
// checks both what it prints (against testdata) and the page it writes.
func TestOutput(t *testing.T) {
	testdata, err := filepath.Abs("testdata")
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		golden string
		args   []string
		file   string
		want   []string // in the page
		reason string
	}{
		{"output.golden", nil, "report.html",
			[]string{"us-28", "ua-20", "800,000"},
			"the README's command: us-28 against ua-20 into report.html"},
		{"history.golden", []string{"-history", "-o", "history.html"}, "history.html",
			[]string{"us-28", "eu-24", "eu-counter", "ua-20"},
			"every bundled version, named with -o"},
	} {
		t.Run(tc.golden, func(t *testing.T) {
			t.Chdir(t.TempDir())
			var out bytes.Buffer
			if err := run(&out, tc.args); err != nil {
				t.Fatalf("run(%q): %v (%s)", tc.args, err, tc.reason)
			}
			golden.Check(t, filepath.Join(testdata, tc.golden), out.Bytes())

			page, err := os.ReadFile(tc.file)
			if err != nil {
				t.Fatalf("%v (%s)", err, tc.reason)
			}
			if !bytes.HasPrefix(bytes.ToLower(page), []byte("<!doctype html>")) {
				t.Errorf("%s does not start as an HTML page: %.40q", tc.file, page)
			}
			for _, w := range tc.want {
				if !bytes.Contains(page, []byte(w)) {
					t.Errorf("%s lacks %q (%s)", tc.file, w, tc.reason)
				}
			}
		})
	}
}

// TestErrors checks that bad arguments give an error and leave no file.
func TestErrors(t *testing.T) {
	t.Chdir(t.TempDir())
	for _, tc := range []struct {
		args   []string
		want   string
		reason string
	}{
		{[]string{"us-28"}, "usage", "one plan is not a comparison"},
		{[]string{"us-28", "eu-24", "ua-20"}, "usage", "three plans need -history"},
		{[]string{"-history", "us-28"}, "usage", "a history needs two versions"},
		{[]string{"us-28", "nope"}, `no bundled plan "nope"`, "an unknown plan id"},
		{[]string{"-o", filepath.Join("no", "such", "dir.html")}, "dir.html", "a folder that does not exist"},
		{[]string{"-bogus"}, "flag provided but not defined", "an unknown flag"},
	} {
		var out bytes.Buffer
		err := run(&out, tc.args)
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("run(%q) = %v, want an error containing %q (%s)", tc.args, err, tc.want, tc.reason)
		}
	}
	if names, _ := filepath.Glob("*"); len(names) > 0 {
		t.Errorf("failed runs left files behind: %q", names)
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
