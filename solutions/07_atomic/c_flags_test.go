package atomics

import (
	"runtime"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A worker polls a plain bool to learn when to stop, and another goroutine
// sets it. One writes, the other reads, and nothing orders the two: a data
// race. Worse, with no synchronisation the compiler may read the flag once,
// before the loop, and spin for ever on that stale value: the memory model
// warns that such a loop "is not guaranteed to finish"
// (https://go.dev/ref/mem#badsync). This loop's body happens to make it end;
// the race detector objects all the same.
func TestPollingAPlainBoolIsADataRace(t *testing.T) {
	var stop atomic.Bool
	stopped := false
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() {
			runtime.Gosched() // a round of work
		}
		stopped = true
	})
	stop.Store(true)
	wg.Wait()
	assert.True(t, stopped, "the worker has stopped")
}

// An atomic store publishes more than its own value. The memory model: "If
// the effect of an atomic operation A is observed by atomic operation B, then
// A is synchronized before B" (https://go.dev/ref/mem#atomic). So the writes
// a goroutine makes before ready.Store(true) happen before whatever another
// goroutine does after a ready.Load() that returns true. Here the reader
// polls the data instead of the flag. It does see 42; but seeing a plain
// write synchronises nothing, so reading it that way is a data race
// (https://go.dev/ref/mem#badsync).
func TestAnAtomicStorePublishesTheWritesBeforeIt(t *testing.T) {
	var ready atomic.Bool
	answer := 0
	go func() {
		answer = 42
		ready.Store(true)
	}()
	for !ready.Load() {
		runtime.Gosched()
	}
	assert.Equal(t, 42, answer)
}
