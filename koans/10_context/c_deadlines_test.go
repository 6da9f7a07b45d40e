package contexts

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// WithTimeout(parent, d) is WithDeadline(parent, time.Now().Add(d)). When the
// deadline passes the context is done, and its Err is DeadlineExceeded; a
// cancel gives Canceled instead. A child cannot outlive its parent: "if the
// parent's deadline is already earlier than d", the child is done when the
// parent is (https://pkg.go.dev/context#WithDeadline). In a synctest bubble
// (see 04_select) the clock is fake, and time.Since is exact.
func TestAChildIsDoneNoLaterThanItsParent(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		request, cancelRequest := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancelRequest()
		query, cancelQuery := context.WithTimeout(request, 5*time.Second)
		defer cancelQuery()

		<-query.Done()
		assert.Equal(t, __, time.Since(start))
		assert.Equal(t, __, query.Err())
	})
}

// Err says only how a context ended: Canceled or DeadlineExceeded. To say
// why, cancel it with WithCancelCause's cancel, which takes an error: the
// first cancellation of a context or of one of its parents sets the cause,
// and context.Cause returns it, for that context and every context derived
// from it (https://pkg.go.dev/context#Cause).
func TestCauseSaysWhyAContextWasCancelled(t *testing.T) {
	errDiskFull := errors.New("disk full")
	errShutdown := errors.New("shutting down")
	job, cancelJob := context.WithCancelCause(context.Background())
	step, cancelStep := context.WithCancel(job)
	defer cancelStep()

	cancelJob(errDiskFull)
	cancelJob(errShutdown)
	assert.Equal(t, __, step.Err())
	assert.Equal(t, __, context.Cause(step))
}

// A lookup with a deadline of its own, inside a request with another: when
// lookup gives up, its Err is DeadlineExceeded either way, and the caller
// cannot tell a slow cache from a request out of time. WithTimeoutCause
// gives each deadline its cause, and context.Cause reports the one that
// ended the context (https://pkg.go.dev/context#WithTimeoutCause).
func TestTimeoutCauseNamesTheDeadlineThatPassed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errCacheSlow := errors.New("cache too slow")
		errRequestLate := errors.New("request out of time")
		// lookup waits for a cache that never answers, for one second at most.
		lookup := func(ctx context.Context) error {
			ctx, cancel := context.WithTimeoutCause(ctx, time.Second, errCacheSlow)
			defer cancel()
			<-ctx.Done()
			return ctx.Err() // __ : does Err say which deadline passed?
		}

		roomy, cancelRoomy := context.WithTimeoutCause(context.Background(), 3*time.Second, errRequestLate)
		defer cancelRoomy()
		assert.ErrorIs(t, lookup(roomy), errCacheSlow)

		late, cancelLate := context.WithTimeoutCause(context.Background(), time.Second/2, errRequestLate)
		defer cancelLate()
		assert.ErrorIs(t, lookup(late), errRequestLate)
	})
}
