package capstones

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/time/rate"
)

// Capstone 5: a client that retries, within a rate limit and a deadline.

var errUnavailable = errors.New("503 service unavailable")

// A polite client retries a failed call after a pause that doubles each
// time (exponential backoff), sends no more calls than the server's rate
// limit allows (rate.Limiter.Wait, see 12_time), and gives up when its
// context's deadline passes: in the pause too, so the pause must be a
// select on a timer and on ctx.Done() (https://pkg.go.dev/context#Context),
// not a time.Sleep. In a synctest bubble the limiter and the timers run on
// the fake clock, so every instant below is exact.
func TestRetriesWaitForTheLimiterBackOffAndStopAtTheDeadline(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var attempts []time.Duration
		call := func() error { // the server is down
			attempts = append(attempts, time.Since(start))
			return errUnavailable
		}
		do := func(ctx context.Context, limiter *rate.Limiter) error {
			backoff := 250 * time.Millisecond
			for {
				if err := limiter.Wait(ctx); err != nil {
					return err
				}
				if err := call(); err == nil {
					return nil
				}
				select {
				case <-time.After(backoff):
					backoff *= 2
				case <-ctx.Done():
				}
				if err := ctx.Err(); err != nil {
					return err // the deadline passed during the pause
				}
			}
		}

		ctx, cancel := context.WithTimeout(t.Context(), 6*time.Second)
		defer cancel()
		err := do(ctx, rate.NewLimiter(rate.Every(time.Second), 1)) // one call a second
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 6*time.Second, time.Since(start), "the client gave up at the deadline, not later")
		assert.Equal(t, []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second, 5 * time.Second}, attempts,
			"calls at most one a second, after pauses of 250 ms, 500 ms, 1 s, 2 s, and none after the deadline")
	})
}
