package atomics

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// CompareAndSwap(old, new) stores new only if the value still equals old,
// and reports whether it did, all in one indivisible step. Here goroutine A
// loads the value, meaning to raise it to 5; before A's CompareAndSwap,
// goroutine B stores 9. (The steps of A and B are written in one goroutine,
// in the order they happen, so that the outcome is certain.)
func TestCompareAndSwapReportsWhetherItSwapped(t *testing.T) {
	var highest atomic.Int64
	highest.Store(1)
	seen := highest.Load()                     // A loads
	highest.Store(9)                           // B stores
	swapped := highest.CompareAndSwap(seen, 5) // A: "if it still holds what I saw, make it 5"
	assert.Equal(t, __, swapped)
	assert.Equal(t, __, highest.Load())
}

// A CompareAndSwap from false to true is a lock-free "set once": however
// many goroutines try it on the same flag, at the same moment or not, only
// the swap that finds false succeeds, and every later one finds true. The
// goroutine whose swap succeeded knows it is the one that may act.
func TestOfManyCompareAndSwapsFromFalseToTrueOnlyOneSucceeds(t *testing.T) {
	var claimed atomic.Bool
	var wins, losses atomic.Int64
	var wg sync.WaitGroup
	for range 10 {
		wg.Go(func() {
			if claimed.CompareAndSwap(false, true) {
				wins.Add(1)
			} else {
				losses.Add(1)
			}
		})
	}
	wg.Wait()
	assert.Equal(t, __, wins.Load())
	assert.Equal(t, __, losses.Load())
}

// An update that Add cannot express, such as "keep the largest value ever
// seen", is a loop: Load the current value, decide, and CompareAndSwap the
// new value in. If another goroutine changed the value since the Load, the
// swap fails and the loop goes round again with a fresh Load. (A plain
// Store there could overwrite a larger value stored in the meantime; the
// koan stores one, 9, at the worst moment.)
func TestACompareAndSwapLoopKeepsTheMaximum(t *testing.T) {
	var highest atomic.Int64
	// raise puts v into highest if v is larger. meanwhile runs where another
	// goroutine could store between raise's Load and its update.
	raise := func(v int64, meanwhile func()) {
		for cur := highest.Load(); v > cur; cur = highest.Load() {
			meanwhile()
			if true { // __ : put v in, but only if highest still holds cur
				return
			}
		}
	}
	highest.Store(1)
	raise(5, func() { highest.CompareAndSwap(1, 9) }) // 9 lands at the worst moment
	assert.Equal(t, int64(9), highest.Load())
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for k := range 1000 {
				raise(int64(k*8+g), func() {})
			}
		})
	}
	wg.Wait()
	assert.Equal(t, int64(7999), highest.Load())
}
