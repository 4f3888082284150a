//go:build unix

package diff

import (
	"syscall"
	"time"
)

// cpuTime returns the processor time the process has used so far, to
// report benchmarks on a shared machine, where wall time says little.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}
