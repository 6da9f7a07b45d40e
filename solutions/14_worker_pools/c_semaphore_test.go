package pools

import (
	"context"
	"strconv"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/semaphore"
)

// semaphore.Weighted bounds how much work runs at once without a fixed set of
// workers: Acquire(ctx, n) takes n units of its capacity, waiting while too
// few are free; Release(n) gives them back (https://pkg.go.dev/golang.org/x/sync/semaphore).
// Here the loop acquires before it starts each goroutine, so it waits for a
// free unit, and each goroutine must give its unit back however it ends.
// A unit that is never released is gone for good.
func TestEveryAcquiredUnitMustBeReleased(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sem := semaphore.NewWeighted(2)
		inputs := []string{"1", "two", "3", "four", "5", "6"}
		numbers := make([]int, len(inputs))
		var wg sync.WaitGroup
		start := time.Now()
		for i, s := range inputs {
			if err := sem.Acquire(context.Background(), 1); err != nil {
				t.Fatal(err)
			}
			wg.Go(func() {
				defer sem.Release(1)
				time.Sleep(time.Second) // the work
				n, err := strconv.Atoi(s)
				if err != nil {
					return // not a number: leave a zero
				}
				numbers[i] = n
				// the deferred Release runs here too
			})
		}
		wg.Wait()
		assert.Equal(t, []int{1, 0, 3, 0, 5, 6}, numbers)
		assert.Equal(t, 3*time.Second, time.Since(start), "two at a time")
	})
}

// Acquire blocks "until resources are available or ctx is done"; on failure
// it returns ctx.Err() and leaves the semaphore unchanged
// (https://pkg.go.dev/golang.org/x/sync/semaphore#Weighted.Acquire). A
// request for more than the whole capacity can never be granted, however long
// it waits: only its context can end the wait.
func TestAnAcquireLargerThanTheSemaphoreWaitsUntilItsContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const gigabytes = 4 // the memory the jobs share
		sem := semaphore.NewWeighted(gigabytes)
		ctx, cancel := context.WithTimeout(context.Background(), time.Second)
		defer cancel()
		start := time.Now()
		err := sem.Acquire(ctx, 6) // a job that needs 6 GB
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, time.Second, time.Since(start))
		assert.True(t, sem.TryAcquire(gigabytes), "the failed Acquire took nothing")
	})
}

// TryAcquire never waits: it takes the units if they are free at once, and
// otherwise reports false and takes nothing. A server can use it to turn work
// away when it is full (load shedding) instead of queueing it. Requests come
// every 400 ms, two may run at once, and each runs for a second. Which are
// served?
func TestTryAcquireTurnsWorkAwayInsteadOfWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sem := semaphore.NewWeighted(2)
		var served []bool
		var wg sync.WaitGroup
		for range 6 {
			ok := sem.TryAcquire(1)
			served = append(served, ok)
			if ok {
				wg.Go(func() {
					defer sem.Release(1)
					time.Sleep(time.Second)
				})
			}
			time.Sleep(400 * time.Millisecond)
		}
		wg.Wait()
		assert.Equal(t, []bool{true, true, false, true, true, false}, served)
	})
}
