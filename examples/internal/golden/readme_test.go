package golden

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/peacediff/peacediff/diff"
	"github.com/peacediff/peacediff/examples/plans"
)

// readme is examples/README.md, relative to this package.
const readme = "../../README.md"

// A block is one fenced block of the README.
type block struct {
	lang   string // after the opening fence: "go", "js", "python", ""
	output string // the golden file named in a preceding <!-- output: ... --> comment
	lines  []string
}

// blocks splits the README into its fenced blocks.
func blocks(t *testing.T) []block {
	t.Helper()
	b, err := os.ReadFile(readme)
	if err != nil {
		t.Fatal(err)
	}
	comment := regexp.MustCompile(`^<!-- output: (\S+) -->$`)
	var (
		all    []block
		cur    *block
		output string
	)
	for _, line := range strings.Split(string(b), "\n") {
		switch {
		case cur != nil && line == "```":
			all = append(all, *cur)
			cur = nil
		case cur != nil:
			cur.lines = append(cur.lines, line)
		case strings.HasPrefix(line, "```"):
			cur = &block{lang: strings.TrimPrefix(line, "```"), output: output}
			output = ""
		case comment.MatchString(line):
			output = comment.FindStringSubmatch(line)[1]
		}
	}
	if cur != nil {
		t.Fatalf("%s: a fenced block is not closed", readme)
	}
	return all
}

// TestReadmeOutput checks that every output excerpt in the README is taken
// from the tutorial's golden file: each run of lines between "..." lines
// appears there, in order. Regenerating a golden file with -update thus
// also flags the README sections to update.
func TestReadmeOutput(t *testing.T) {
	n := 0
	for _, b := range blocks(t) {
		if b.output == "" {
			continue
		}
		n++
		golden, err := os.ReadFile(filepath.Join("../..", b.output))
		if err != nil {
			t.Fatal(err)
		}
		rest := string(golden)
		for _, run := range strings.Split(strings.Join(b.lines, "\n"), "\n...\n") {
			i := strings.Index(rest, run)
			if i < 0 {
				t.Errorf("README excerpt of %s is not in it, in order:\n%s", b.output, run)
				break
			}
			rest = rest[i+len(run):]
		}
	}
	if n != 7 {
		t.Errorf("README has %d output excerpts, want one per tutorial (7)", n)
	}
}

// TestReadmeCode checks that every line of Go and JavaScript the README
// quotes is a line of a tutorial's code.
func TestReadmeCode(t *testing.T) {
	sources := map[string][]string{
		"go": {"../../0*/main.go"},
		"js": {"../../07-json/read.mjs"},
	}
	for _, b := range blocks(t) {
		patterns, ok := sources[b.lang]
		if !ok {
			continue
		}
		var code bytes.Buffer
		for _, p := range patterns {
			names, err := filepath.Glob(p)
			if err != nil || len(names) == 0 {
				t.Fatalf("no files match %s: %v", p, err)
			}
			for _, name := range names {
				src, err := os.ReadFile(name)
				if err != nil {
					t.Fatal(err)
				}
				code.Write(src)
			}
		}
		for _, line := range b.lines {
			line = strings.TrimSpace(line)
			if line == "..." || line == "" {
				continue
			}
			if !bytes.Contains(code.Bytes(), []byte(line)) {
				t.Errorf("README quotes %s code that no tutorial has: %s", b.lang, line)
			}
		}
	}
}

// TestReadmePython runs the README's Python snippet on the JSON of
// us-28 against ua-20 and checks that it prints what read.mjs prints (the
// golden file of tutorial 7). Without python3 it is skipped, except on CI.
func TestReadmePython(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal("python3 is required on CI: ", err)
		}
		t.Skip("python3 not installed: ", err)
	}
	var script string
	for _, b := range blocks(t) {
		if b.lang == "python" {
			script = strings.Join(b.lines, "\n")
		}
	}
	if script == "" {
		t.Fatal("README has no Python snippet")
	}
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
	var in bytes.Buffer
	if err := r.WriteJSON(&in); err != nil {
		t.Fatal(err)
	}
	cmd := exec.Command(python, "-c", script)
	cmd.Stdin = &in
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("python3: %v\n%s", err, stderr.String())
	}
	want, err := os.ReadFile("../../07-json/testdata/output.golden")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("the Python snippet prints something other than read.mjs:\n%s", firstDifference(string(want), string(got)))
	}
}
