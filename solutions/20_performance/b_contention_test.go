package performance

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// countingMutex is a sync.Mutex that counts how many times it was locked:
// a count of the critical sections, exact on every run, where a timing
// would depend on the machine.
type countingMutex struct {
	mu    sync.Mutex
	locks int // guarded by mu
}

func (m *countingMutex) Lock()   { m.mu.Lock(); m.locks++ }
func (m *countingMutex) Unlock() { m.mu.Unlock() }

// Every access to shared state costs: a lock taken, a cache line moved
// between cores, and the other goroutines kept waiting. Someone "optimised"
// this sum by taking the lock out of the loop, and left the shared total in
// it. A worker can sum its part in a variable of its own, which nobody else
// touches, and add that to the total once, under the lock: four workers,
// four critical sections, whatever the number of items.
func TestTouchTheSharedTotalOncePerWorkerNotOncePerItem(t *testing.T) {
	numbers := make([]int, 1000)
	for i := range numbers {
		numbers[i] = i + 1
	}
	const workers = 4
	var mu countingMutex
	total := 0 // guarded by mu
	var wg sync.WaitGroup
	for w := range workers {
		part := numbers[w*len(numbers)/workers : (w+1)*len(numbers)/workers]
		wg.Go(func() {
			sum := 0
			for _, n := range part {
				sum += n
			}
			mu.Lock()
			defer mu.Unlock()
			total += sum
		})
	}
	wg.Wait()
	assert.Equal(t, 500500, total)
	assert.Equal(t, workers, mu.locks, "how many times the total was locked")
}

// shard is one part of a sharded counter. The padding gives each shard a
// 64-byte cache line of its own, on the machines where lines are 64 bytes
// (see "False sharing" in this concept's README).
type shard struct {
	n int64
	_ [56]byte
}

// A sharded counter spreads its writers over several counters, so that they
// contend less, and sums the shards when it is read. Spreading is not
// separating: with more goroutines than shards, some goroutines share a
// shard, and their writes to it race like writes to any shared variable
// (https://go.dev/ref/mem). Here 8 goroutines share 4 shards; each shard,
// written by two of them, needs an atomic add (07_atomic).
func TestGoroutinesThatShareAShardStillNeedAtomics(t *testing.T) {
	shards := make([]shard, 4)
	const goroutines, increments = 8, 1000
	var wg sync.WaitGroup
	for g := range goroutines {
		wg.Go(func() {
			s := &shards[g%len(shards)]
			for range increments {
				atomic.AddInt64(&s.n, 1)
			}
		})
	}
	wg.Wait()
	var total int64
	for i := range shards { // a read may come while writers write: load atomically
		total += atomic.LoadInt64(&shards[i].n)
	}
	assert.Equal(t, int64(goroutines*increments), total)
}
