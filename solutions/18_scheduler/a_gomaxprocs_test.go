package scheduler

import (
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A myth: with GOMAXPROCS(1) goroutines cannot race, since only one runs at
// a time. GOMAXPROCS bounds how many goroutines run Go code at the same
// moment, not how many exist (https://pkg.go.dev/runtime#GOMAXPROCS), and
// concurrency is not parallelism: on one P the goroutines still take turns,
// and the runtime may switch between them anywhere (since Go 1.14 it even
// preempts a running loop: that is the implementation, not a promise). The
// memory model orders accesses by happens-before, never by how many Ps there
// are (https://go.dev/ref/mem), and the race detector judges the same.
func TestOneProcessorDoesNotMakeSharedWritesSafe(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var total struct {
		sync.Mutex
		n int
	}
	add := func(n int) { total.Lock(); total.n += n; total.Unlock() }
	var wg sync.WaitGroup
	for n := range 100 {
		wg.Go(func() { add(n) })
	}
	wg.Wait()
	assert.Equal(t, 4950, total.n)
}
