package diff

import (
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sergi/go-diff/diffmatchpatch"
)

// BenchmarkVersus puts peacediff beside the two word diffs a reader would
// otherwise reach for, on the same generated pairs of plans:
//
//   - engine=peacediff: parse both versions, align the clauses and diff
//     inside each aligned pair, facts and changes of meaning included;
//   - engine=go-diff-words: go-diff's DiffMainRunes over the words of the
//     whole documents (DiffTimeout 0), the naive use this package avoids;
//   - engine=git-word-diff: git diff --no-index --word-diff on two files,
//     process start included (skipped where git is missing).
//
// Compare the engines with
//
//	go test -run '^$' -bench Versus -count 6 ./diff | tee versus.txt
//	benchstat -col /engine versus.txt
//
// and each run also logs the ratios of the others' time to peacediff's.
func BenchmarkVersus(b *testing.B) {
	for _, n := range []int{300, 3000} {
		old, new := benchPair(n, 1)
		times := map[string]time.Duration{}
		measure := func(engine string, run func(b *testing.B)) {
			b.Run(fmt.Sprintf("N=%d/engine=%s", n, engine), func(b *testing.B) {
				b.SetBytes(int64(len(old) + len(new)))
				run(b)
				if b.N > 0 {
					times[engine] = b.Elapsed() / time.Duration(b.N)
				}
			})
		}
		measure("peacediff", func(b *testing.B) {
			for b.Loop() {
				parseCompare(b, old, new)
			}
		})
		measure("go-diff-words", func(b *testing.B) {
			for b.Loop() {
				wordDiff(old, new)
			}
		})
		measure("git-word-diff", func(b *testing.B) {
			git, err := exec.LookPath("git")
			if err != nil {
				b.Skip("git not installed")
			}
			dir := b.TempDir()
			a, z := filepath.Join(dir, "old.txt"), filepath.Join(dir, "new.txt")
			if err := os.WriteFile(a, old, 0o644); err != nil {
				b.Fatal(err)
			}
			if err := os.WriteFile(z, new, 0o644); err != nil {
				b.Fatal(err)
			}
			for b.Loop() {
				cmd := exec.Command(git, "diff", "--no-index", "--no-color", "--word-diff=plain", a, z)
				cmd.Stdout = io.Discard
				// git diff exits 1 when the files differ; anything else is trouble.
				if err := cmd.Run(); err != nil {
					if ee, ok := err.(*exec.ExitError); !ok || ee.ExitCode() != 1 {
						b.Fatal(err)
					}
				}
			}
		})
		base := times["peacediff"]
		if base == 0 {
			continue
		}
		var ratios []string
		for _, e := range []string{"go-diff-words", "git-word-diff"} {
			if t, ok := times[e]; ok {
				ratios = append(ratios, fmt.Sprintf("%s %.1f×", e, float64(t)/float64(base)))
			}
		}
		b.Logf("N=%d: peacediff %v; time relative to peacediff: %s", n, base.Round(time.Millisecond), strings.Join(ratios, ", "))
	}
}

// wordDiff is go-diff's word mode done by hand: each distinct word becomes
// a rune, and the rune strings of the whole documents are diffed.
func wordDiff(old, new []byte) []diffmatchpatch.Diff {
	ids := make(map[string]rune)
	enc := func(s []byte) []rune {
		ws := strings.Fields(string(s))
		rs := make([]rune, len(ws))
		for i, w := range ws {
			r, ok := ids[w]
			if !ok {
				r = rune(0x10000 + len(ids))
				ids[w] = r
			}
			rs[i] = r
		}
		return rs
	}
	dmp := diffmatchpatch.New()
	dmp.DiffTimeout = 0
	return dmp.DiffMainRunes(enc(old), enc(new), false)
}
