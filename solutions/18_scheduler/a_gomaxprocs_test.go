package scheduler

import (
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// GOMAXPROCS bounds how many goroutines may run Go code at the same moment,
// not how many exist. runtime.GOMAXPROCS(n) sets it and returns the previous
// setting; "if n < 1, it does not change the current setting"
// (https://pkg.go.dev/runtime#GOMAXPROCS). go test sets it from -cpu, so the
// koan first sets a value of its own, then puts -cpu's back when it returns.
// Below, a thousand goroutines are alive at once with a single P.
func TestGOMAXPROCSBoundsTheRunningNotTheLiving(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(3))
	asked := runtime.GOMAXPROCS(0)
	was := runtime.GOMAXPROCS(1)
	release := make(chan struct{})
	for range 1_000 {
		go func() { <-release }()
	}
	alive := runtime.NumGoroutine()
	close(release)
	assert.GreaterOrEqual(t, alive, 1_000, "goroutines that existed at once")
	assert.Equal(t, []int{3, 3, 1}, []int{asked, was, runtime.GOMAXPROCS(0)})
}

// A myth: with GOMAXPROCS(1) goroutines cannot race, since only one runs at
// a time. Concurrency is not parallelism: on one P the goroutines still take
// turns, and the runtime may switch between them anywhere (since Go 1.14 it
// even preempts a running loop: that is the implementation, not a promise).
// The memory model orders accesses by happens-before, never by how many
// Ps there are (https://go.dev/ref/mem), and the race detector judges the same.
func TestOneProcessorDoesNotMakeSharedWritesSafe(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	total := 0
	var mu sync.Mutex
	var wg sync.WaitGroup
	for n := range 100 {
		wg.Go(func() { mu.Lock(); total += n; mu.Unlock() })
	}
	wg.Wait()
	assert.Equal(t, 4950, total)
}
