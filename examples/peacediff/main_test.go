package main

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// TestRun runs the command as a user would and compares what it prints,
// on both streams, and its exit status with testdata/NAME.golden.
func TestRun(t *testing.T) {
	v1, err := os.ReadFile(filepath.Join("testdata", "v1.txt"))
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name   string
		args   []string
		stdin  string
		status int
		reason string
	}{
		{"text", []string{"testdata/v1.txt", "testdata/v2.txt"}, "", 0, "meaning first, summary line, redline"},
		{"exit-code-differs", []string{"-exit-code", "-format", "markdown", "testdata/v2.txt", "testdata/v3.txt"}, "", 1, "versions that differ exit 1 with -exit-code"},
		{"exit-code-same", []string{"-exit-code", "testdata/v3.txt", "testdata/v3.txt"}, "", 0, "a plan against itself: no difference"},
		{"exit-code-stdin", []string{"-", "testdata/v2.txt", "-exit-code", "-all"}, string(v1), 1, "flags may follow the arguments; - reads stdin"},
		{"markdown", []string{"-format", "markdown", "testdata/v1.txt", "testdata/v2.txt"}, "", 0, "the Markdown report"},
		{"json", []string{"-format=json", "testdata/v2.txt", "testdata/v3.txt"}, "", 0, "the JSON contract"},
		{"narrow", []string{"-width", "50", "testdata/v1.txt", "testdata/v2.txt"}, "", 0, "text wraps at -width"},
		{"list", []string{"list"}, "", 0, "the bundled plans"},
		{"show", []string{"show", "testdata/v1.txt"}, "", 0, "one line per clause with its facts"},
		{"history", []string{"history", "testdata/v1.txt", "testdata/v2.txt", "testdata/v3.txt"}, "", 0, "threads and topics through three versions"},
		{"history-json", []string{"history", "-format", "json", "testdata/v1.txt", "testdata/v2.txt", "testdata/v3.txt"}, "", 0, "the lineage as JSON"},
		{"missing-file", []string{"nope.txt", "ua-20"}, "", 2, "a missing file is named"},
		{"bad-plan", []string{"testdata/bad.txt", "ua-20"}, "", 2, "a parse error gives file:line:col"},
		{"bad-stdin", []string{"us-28", "-"}, "title: x\n\n1. fine\n2. \xffbad\n", 2, "stdin is named in errors too"},
		{"unknown-id", []string{"us-28", "us-99"}, "", 2, "an unknown id lists the bundled ones"},
		{"unknown-flag", []string{"-bogus", "us-28", "ua-20"}, "", 2, "an unknown flag is one line, not the usage"},
		{"bad-format", []string{"-format", "pdf", "us-28", "ua-20"}, "", 2, "formats are checked before any work"},
		{"one-plan", []string{"us-28"}, "", 2, "comparing needs two plans"},
		{"two-stdins", []string{"-", "-"}, "", 2, "stdin can be read once"},
		{"history-one", []string{"history", "us-28"}, "", 2, "a history needs two versions"},
		{"show-html", []string{"show", "-format", "html", "us-28"}, "", 2, "show has no HTML form"},
		{"help", []string{"-h"}, "", 0, "help goes to stdout and succeeds"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdout, stderr bytes.Buffer
			status := run(tc.args, strings.NewReader(tc.stdin), &stdout, &stderr)
			if status != tc.status {
				t.Errorf("exit status %d, want %d (%s)\nstderr: %s", status, tc.status, tc.reason, stderr.String())
			}
			if status == 2 && strings.Count(stderr.String(), "\n") != 1 {
				t.Errorf("trouble should be reported on one line, got %q", stderr.String())
			}
			if status == 2 && !strings.HasPrefix(stderr.String(), "peacediff: ") {
				t.Errorf("error does not start with the command's name: %q", stderr.String())
			}
			got := "-- exit --\n" + strconv.Itoa(status) + "\n-- stderr --\n" + stderr.String() + "-- stdout --\n" + stdout.String()
			golden(t, tc.name+".golden", []byte(got))
		})
	}
}

// TestDefault checks that with no arguments the command prints what the
// library gives for the bundled us-28 and ua-20, byte for byte.
func TestDefault(t *testing.T) {
	old, err := plans.Load("us-28")
	if err != nil {
		t.Fatal(err)
	}
	new, err := plans.Load("ua-20")
	if err != nil {
		t.Fatal(err)
	}
	r, err := diff.Compare(old, new)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	if err := r.WriteText(&want, diff.TextOptions{}); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	if status := run(nil, strings.NewReader(""), &stdout, &stderr); status != 0 {
		t.Fatalf("exit status %d: %s", status, stderr.String())
	}
	if stdout.String() != want.String() {
		t.Errorf("peacediff with no arguments printed:\n%s\nwant:\n%s", stdout.String(), want.String())
	}
	for _, section := range []string{"Changes of meaning", r.SummaryLine()[:10], "Clause by clause"} {
		if !strings.Contains(stdout.String(), section) {
			t.Errorf("default output lacks %q", section)
		}
	}
}

func TestRunHTML(t *testing.T) {
	var stdout, stderr bytes.Buffer
	if status := run([]string{"-format", "html", "us-28", "ua-20"}, strings.NewReader(""), &stdout, &stderr); status != 0 {
		t.Fatalf("exit status %d: %s", status, stderr.String())
	}
	page := stdout.String()
	for _, want := range []string{"<!DOCTYPE html>", "<style>", "Changes of meaning", `<del class="pd-del">`} {
		if !strings.Contains(page, want) {
			t.Errorf("HTML report lacks %q", want)
		}
	}
}

func TestRunOutputFile(t *testing.T) {
	out := filepath.Join(t.TempDir(), "report.md")
	var stdout, stderr bytes.Buffer
	if status := run([]string{"-o", out, "-format", "markdown", "us-28", "ua-20"}, strings.NewReader(""), &stdout, &stderr); status != 0 {
		t.Fatalf("exit status %d: %s", status, stderr.String())
	}
	if stdout.Len() != 0 {
		t.Errorf("with -o, stdout should be empty, got %d bytes", stdout.Len())
	}
	b, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(b), "# us-28 → ua-20") {
		t.Errorf("-o file starts %q, want the Markdown report", string(b[:min(len(b), 40)]))
	}

	// A failed run leaves no file behind.
	bad := filepath.Join(t.TempDir(), "bad.md")
	if status := run([]string{"-o", bad, "us-28", "us-99"}, strings.NewReader(""), &stdout, &stderr); status != 2 {
		t.Errorf("exit status %d, want 2", status)
	}
	if _, err := os.Stat(bad); err == nil {
		t.Error("a failed run wrote its -o file")
	}
}

func TestColor(t *testing.T) {
	for _, tc := range []struct {
		flag   string
		want   bool
		reason string
	}{
		{"always", true, "forced on, even into a buffer"},
		{"never", false, "forced off"},
		{"auto", false, "a buffer is no terminal"},
	} {
		var stdout, stderr bytes.Buffer
		run([]string{"-color", tc.flag, "us-28", "ua-20"}, strings.NewReader(""), &stdout, &stderr)
		if got := strings.Contains(stdout.String(), "\x1b["); got != tc.want {
			t.Errorf("-color %s: escape codes %v, want %v (%s)", tc.flag, got, tc.want, tc.reason)
		}
	}
}

func golden(t *testing.T, name string, got []byte) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if !bytes.Equal(got, want) {
		wl, gl := strings.Split(string(want), "\n"), strings.Split(string(got), "\n")
		for i := range max(len(wl), len(gl)) {
			var w, g string
			if i < len(wl) {
				w = wl[i]
			}
			if i < len(gl) {
				g = gl[i]
			}
			if w != g {
				t.Fatalf("%s differs at line %d (go test -update rewrites it):\nwant: %q\ngot:  %q", name, i+1, w, g)
			}
		}
	}
}
