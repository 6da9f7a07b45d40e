package pools

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A pool told to stop can drain, finishing every job it has accepted (stop
// closes the queue), or stop now, starting no other job. To stop now, a worker
// looks at the cancel before it takes each job: when a queued job and the
// cancel are both ready, select chooses one of them at random
// (https://go.dev/ref/spec#Select_statements), so a select alone goes on
// starting jobs after the cancel. Here the first error stops the pool now:
// twenty workers, jobs of one second, and one that fails after a second and a
// half.
func TestAPoolThatStopsNowLooksAtTheCancelBeforeEachJob(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errDiskFull := errors.New("disk full")
		ctx, cancel := context.WithCancelCause(context.Background())
		defer cancel(nil)
		jobs := make(chan func() error, 100)
		for i := range 100 {
			jobs <- func() error {
				if i == 0 {
					time.Sleep(1500 * time.Millisecond)
					return errDiskFull
				}
				time.Sleep(time.Second)
				return nil
			}
		}
		close(jobs)
		var started atomic.Int32
		var wg sync.WaitGroup
		for range 20 {
			wg.Go(func() {
				for { // __ : when the cancel and a queued job are both ready, which one does select choose?
					select {
					case <-ctx.Done():
						return
					case job, ok := <-jobs:
						if !ok {
							return
						}
						started.Add(1)
						if err := job(); err != nil {
							cancel(err) // the first error stops the pool
						}
					}
				}
			})
		}
		wg.Wait()
		assert.ErrorIs(t, context.Cause(ctx), errDiskFull)
		assert.Equal(t, int32(20+19), started.Load(), "the jobs started before the error, and no other")
		assert.Equal(t, 100-39, len(jobs), "the rest are left in the queue")
	})
}
