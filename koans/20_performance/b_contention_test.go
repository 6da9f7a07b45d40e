package performance

import (
	"runtime"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
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
				total += n // __ : shared by every worker, and written for every item: is that needed?
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

// shop sells from a stock and writes a log; each has a lock of its own.
type shop struct {
	stockMu sync.Mutex
	stock   int // guarded by stockMu
	logMu   sync.Mutex
	log     []string // guarded by logMu
}

// sell takes an item from stock, after a check with the warehouse (a
// millisecond of I/O) made with the stock's lock held, and logs the sale.
func (s *shop) sell(item string) {
	s.stockMu.Lock()
	time.Sleep(time.Millisecond) // ask the warehouse
	s.stock--
	s.stockMu.Unlock()
	s.logMu.Lock()
	s.log = append(s.log, "sold "+item)
	s.logMu.Unlock()
}

// Which lock makes goroutines wait? The mutex profile answers in a running
// program: it records a stack "at the end of the critical section causing
// contention", the Unlock that let a waiter in, with how long the waiters
// waited (https://pkg.go.dev/runtime/pprof#Profile). It is off by default:
// runtime.SetMutexProfileFraction(rate) records on average 1 contention event
// in rate, and 0 records none. pprof.Lookup("mutex") reads it.
func TestTheMutexProfileRecordsNothingUntilItsFractionIsSet(t *testing.T) {
	prev := runtime.SetMutexProfileFraction(0) // __ : how many contention events in how many does it record?
	defer runtime.SetMutexProfileFraction(prev)
	s := &shop{stock: 100}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for range 5 {
				s.sell("a koan")
			}
		})
	}
	wg.Wait()
	var profile strings.Builder
	require.NoError(t, pprof.Lookup("mutex").WriteTo(&profile, 1))
	assert.Contains(t, profile.String(), "(*shop).sell", "the mutex profile names the critical section that kept the others waiting")
}

// decode stands for a slow stage of a pipeline: a millisecond per frame.
func decode(frames chan<- int) {
	defer close(frames)
	for n := range 5 {
		time.Sleep(time.Millisecond)
		frames <- n
	}
}

// render draws each frame as it comes: it waits on the channel for decode.
func render(frames <-chan int) (drawn int) {
	for range frames {
		drawn++
	}
	return drawn
}

// Not every wait is on a lock. The block profile records where goroutines
// waited on any synchronisation, sync.Mutex, WaitGroup, Cond, a channel's
// send or receive, a select, with how long they waited; the mutex profile
// records only the ends of contended critical sections
// (https://pkg.go.dev/runtime/pprof#Profile). Both are on here, each at
// its finest rate. Where did this pipeline spend its time waiting?
func TestTheBlockProfileShowsWaitsThatNoLockCauses(t *testing.T) {
	runtime.SetBlockProfileRate(1)
	defer runtime.SetBlockProfileRate(0)
	defer runtime.SetMutexProfileFraction(runtime.SetMutexProfileFraction(1))
	frames := make(chan int)
	go decode(frames)
	assert.Equal(t, 5, render(frames))
	waits := pprof.Lookup("mutex") // __ : which profile records a wait that no lock caused?
	var profile strings.Builder
	require.NoError(t, waits.WriteTo(&profile, 1))
	assert.Contains(t, profile.String(), "performance.render", "the profile should show where render waited")
}
