package pools

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/semaphore"
)

// semaphore.Weighted bounds how much work runs at once without a fixed set of
// workers: Acquire(ctx, n) takes n units of its capacity, and Release(n)
// gives them back. Acquire blocks "until resources are available or ctx is
// done"; on failure it returns ctx.Err() and leaves the semaphore unchanged
// (https://pkg.go.dev/golang.org/x/sync/semaphore#Weighted.Acquire). A
// request for more than the whole capacity can never be granted, however long
// it waits: only its context can end the wait. (TryAcquire takes units only if
// they are free at once, and never waits.)
func TestAnAcquireLargerThanTheSemaphoreWaitsUntilItsContextIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const gigabytes = 4 // the memory the jobs share
		sem := semaphore.NewWeighted(gigabytes)
		ctx, cancel := context.WithCancel(context.Background()) // __ : what could end a wait that can never succeed?
		defer cancel()
		start := time.Now()
		err := sem.Acquire(ctx, 6) // a job that needs 6 GB
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, time.Second, time.Since(start))
		assert.True(t, sem.TryAcquire(gigabytes), "the failed Acquire took nothing")
	})
}
