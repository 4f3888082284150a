package diff

import (
	"testing"

	"github.com/peacediff/peacediff/examples/plans"
)

func BenchmarkTmpUS(b *testing.B) {
	o, _ := plans.Text("us-28")
	n, _ := plans.Text("ua-20")
	b.SetBytes(int64(len(o) + len(n)))
	for b.Loop() {
		parseCompare(b, []byte(o), []byte(n))
	}
}
