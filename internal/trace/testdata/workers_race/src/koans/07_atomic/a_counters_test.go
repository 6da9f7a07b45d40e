package atomics

import (
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// Eight goroutines each run n++ a thousand times on one shared counter.
// When two goroutines access the same variable, at least one of them writes,
// and neither access happens before the other, that is a data race
// (https://go.dev/ref/mem#overview). The race detector reports it on every
// run, whether or not an update happened to be lost this time: it judges
// the ordering, not the luck. Package sync/atomic has typed atomics (Go 1.19)
// whose every method is one indivisible step.
func TestIncrementingASharedIntFromManyGoroutinesIsADataRace(t *testing.T) {
	count := func() int64 {
		var n int // __ : a counter that many goroutines may increment at once
		var wg sync.WaitGroup
		for range 8 {
			wg.Go(func() {
				for range 1000 {
					n++ // __ : one indivisible increment
				}
			})
		}
		wg.Wait()
		return int64(n) // __ : read the counter the way its goroutines write it
	}
	assert.Equal(t, int64(8000), count())
}

// n++ reads as one step but is three: load n, add one, store the sum back.
// If another goroutine runs its own n++ between this goroutine's load and
// its store, one of the two increments is lost. Here goroutines A and B each
// run n++ with the three steps written out, and two channels force that
// unlucky order (both load before either stores) on every run. The channels
// also order every conflicting access, so there is no data race here, only
// the lost update that a race can cause.
func TestAnIncrementIsALoadAnAddAndAStore(t *testing.T) {
	n := 0
	bLoaded, aStored := make(chan struct{}), make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { // goroutine A: n++
		r := n // load
		<-bLoaded
		r = r + 1 // add
		n = r     // store
		close(aStored)
	})
	wg.Go(func() { // goroutine B: n++
		r := n // load
		close(bLoaded)
		<-aStored
		r = r + 1 // add
		n = r     // store
	})
	wg.Wait()
	assert.Equal(t, __, n)
}

// The older functions of sync/atomic work on plain variables:
// atomic.AddInt64(&done, 1) is indivisible. But concurrent accesses are
// excused from being a data race only if "all the accesses involved are
// atomic data accesses" (https://go.dev/ref/mem#overview): one plain read,
// racing with the atomic adds, is still a data race. (The typed atomics,
// such as atomic.Int64, have no plain access at all, which is one reason to
// prefer them.)
func TestEveryAccessToAnAtomicallyUpdatedVariableMustBeAtomic(t *testing.T) {
	var done int64
	for range 4 {
		go func() {
			for range 250 {
				atomic.AddInt64(&done, 1)
			}
		}()
	}
	for done < 1000 { // __ : how do the goroutines access done?
		runtime.Gosched()
	}
	assert.Equal(t, int64(1000), atomic.LoadInt64(&done))
}

// Add does its load, add and store as one indivisible step and returns the
// new value: the value just after this caller's own addition. No two calls
// can return the same value, so Add works as a ticket dispenser.
func TestAddReturnsTheNewValue(t *testing.T) {
	var next atomic.Int64
	tickets := make([]int64, 3)
	var wg sync.WaitGroup
	for i := range tickets {
		wg.Go(func() { tickets[i] = next.Add(1) })
	}
	wg.Wait()
	slices.Sort(tickets)
	assert.Equal(t, __, tickets)
}

// Swap stores a new value and returns the old one, in one indivisible step.
// Reading a counter with Load and then resetting it with Store would lose
// any increment that lands between the two; Swap(0) cannot.
func TestSwapReturnsTheOldValue(t *testing.T) {
	var pending atomic.Int64
	pending.Add(3)
	flushed := pending.Swap(0)
	pending.Add(1)
	assert.Equal(t, __, flushed)
	assert.Equal(t, __, pending.Load())
}
