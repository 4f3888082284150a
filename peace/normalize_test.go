package peace

import (
	"math/rand/v2"
	"strings"
	"testing"
)

// TestIsNormal checks the word-at-a-time isNormal against its definition
// on random strings made of the bytes it must tell apart.
func TestIsNormal(t *testing.T) {
	pieces := []string{" ", "  ", "a", "b", ".", "\t", "\r", "\u00a0", "\u2003", "€", "é", "\u3000", "x y"}
	r := rand.New(rand.NewPCG(1, 2))
	for range 200_000 {
		var b strings.Builder
		for n := r.IntN(24); n > 0; n-- {
			b.WriteString(pieces[r.IntN(len(pieces))])
		}
		s := b.String()
		want := strings.Join(strings.Fields(s), " ") == s
		if got := isNormal(s); got != want {
			t.Fatalf("isNormal(%q) = %v, want %v", s, got, want)
		}
		if got := normalize(s); got != strings.Join(strings.Fields(s), " ") {
			t.Fatalf("normalize(%q) = %q", s, got)
		}
	}
}
