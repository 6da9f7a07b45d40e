package waitgroup

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A WaitGroup is a counter of unfinished tasks: Add(n) raises it by n, Done
// lowers it by one, and Wait blocks until it is zero. Count the goroutines
// in, let each one say Done when its work is finished, and Wait returns
// once all of them have. https://pkg.go.dev/sync#WaitGroup
func TestWaitBlocksUntilTheCounterIsZero(t *testing.T) {
	words := []string{"wait", "for", "goroutines"}
	lengths := make([]int, len(words))
	var wg sync.WaitGroup
	wg.Add(len(words))
	for i, w := range words {
		go func() {
			defer wg.Done()
			lengths[i] = len(w)
		}()
	}
	wg.Wait()
	assert.Equal(t, __, lengths)
}

// A myth: "a WaitGroup makes goroutines run in the expected order". Wait
// only waits: it returns once the counter is zero, and says nothing of the
// order in which the goroutines ran or finished (https://pkg.go.dev/sync#WaitGroup).
// Each download below takes as many (fake) seconds as its size, and reports
// its name on finished when it is done. To keep results in the order of the
// inputs, place each by its index or send it with its key.
func TestWaitWaitsForAllButOrdersNothing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sizes := map[string]int{"big": 3, "small": 1, "medium": 2}
		finished := make(chan string, len(sizes))
		var wg sync.WaitGroup
		for _, name := range []string{"big", "small", "medium"} {
			wg.Add(1)
			go func() {
				defer wg.Done()
				time.Sleep(time.Duration(sizes[name]) * time.Second)
				finished <- name
			}()
		}
		wg.Wait()
		close(finished)
		var order []string
		for name := range finished {
			order = append(order, name)
		}
		assert.Equal(t, __, order)
	})
}

// Wait does more than block. In the terms of the memory model, a call to
// Done "synchronizes before" the return of any Wait call that it unblocks
// (https://pkg.go.dev/sync#WaitGroup.Done), so what a goroutine wrote before
// its Done happens before Wait returns, and code after the Wait is sure to
// see it (https://go.dev/ref/mem).
// Here measure sleeps instead, in a synctest bubble whose fake clock makes the
// second instant, and by then every worker has long finished: the lengths
// are all there. Does that make reading them correct?
func TestOnlyWaitMakesTheWorkersWritesVisible(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		measure := func(words []string) []int {
			lengths := make([]int, len(words))
			var wg sync.WaitGroup
			wg.Add(len(words))
			for i, w := range words {
				go func() {
					defer wg.Done()
					time.Sleep(time.Millisecond) // some work
					lengths[i] = len(w)
				}()
			}
			time.Sleep(time.Second) // __ : is having slept as good as having waited?
			return lengths
		}
		assert.Equal(t, []int{5, 2, 3, 7}, measure([]string{"sleep", "is", "not", "waiting"}))
	})
}

// Wait blocks until the counter is zero: if nothing has been counted in yet
// when Wait looks, it returns at once. So an Add that takes the counter up
// from zero must happen before the Wait (https://pkg.go.dev/sync#WaitGroup.Add);
// here each worker counts itself in, from inside its own goroutine. The
// test even sleeps a (fake) millisecond so that they get there first, and in
// this bubble they always do. But a sleep is timing, not synchronisation:
// nothing orders a worker's Add before the Wait, and the race detector says
// so. (go vet's waitgroup check catches only the plainest form of this bug,
// go func() { wg.Add(1); ... }().)
func TestAddBeforeTheGoStatement(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		squaresOf := func(n int) []int {
			squares := make([]int, n)
			var wg sync.WaitGroup
			worker := func(i int) {
				wg.Add(1) // __ : the worker counts itself in; is that early enough?
				defer wg.Done()
				time.Sleep(time.Hour) // a long computation
				squares[i] = i * i
			}
			for i := range squares {
				// __ (one statement is missing here)
				go worker(i)
			}
			time.Sleep(time.Millisecond) // surely every worker has started by now
			wg.Wait()
			return squares
		}
		assert.Equal(t, []int{0, 1, 4, 9}, squaresOf(4))
	})
}
