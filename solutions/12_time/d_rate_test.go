package timing

import (
	"context"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/time/rate"
)

// rate.NewLimiter(r, b) is a token bucket: it holds at most b tokens (the
// burst), starts full, and refills at r tokens a second; each event takes
// one. Allow takes a token if there is one and never waits; Wait waits for
// one (https://pkg.go.dev/golang.org/x/time/rate#Limiter). The limiter reads
// time.Now, which in a bubble is the fake clock: its timing is exact.
func TestALimiterLetsABurstThroughThenSpacesEvents(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		limiter := rate.NewLimiter(rate.Every(time.Second), 3)
		var allowed []bool
		for range 5 {
			allowed = append(allowed, limiter.Allow())
		}
		var waited []time.Duration
		for range 3 {
			if err := limiter.Wait(t.Context()); err != nil {
				t.Fatal(err)
			}
			waited = append(waited, time.Since(start))
		}
		assert.Equal(t, []bool{true, true, true, false, false}, allowed)
		assert.Equal(t, []time.Duration{time.Second, 2 * time.Second, 3 * time.Second}, waited)
	})
}

// Wait(ctx) gives up when ctx is cancelled, and also "if the expected wait
// time exceeds the Context's Deadline" (https://pkg.go.dev/golang.org/x/time/rate#Limiter.Wait):
// the limiter knows when the next token will come, so it need not sleep
// until the deadline to know that it would miss it. The token is not taken.
func TestWaitGivesUpAtOnceWhenTheDeadlineComesFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		limiter := rate.NewLimiter(rate.Every(time.Second), 1)
		limiter.Allow() // the only token is gone; the next comes in a second
		ctx, cancel := context.WithTimeout(t.Context(), 300*time.Millisecond)
		defer cancel()
		start := time.Now()
		err := limiter.Wait(ctx)
		assert.Error(t, err)
		assert.Equal(t, time.Duration(0), time.Since(start))
		assert.Equal(t, nil, ctx.Err())
	})
}

// newClient returns call, which calls a service that allows this client one
// call a second, and reports when each call went out.
func newClient(start time.Time) (call func(context.Context) (time.Duration, error)) {
	limiter := rate.NewLimiter(rate.Every(time.Second), 1)
	return func(ctx context.Context) (time.Duration, error) {
		// one limiter for the whole client, made once
		if err := limiter.Wait(ctx); err != nil {
			return 0, err
		}
		return time.Since(start), nil
	}
}

// A limiter limits only the events that take their tokens from it. It "is
// safe for simultaneous use by multiple goroutines"
// (https://pkg.go.dev/golang.org/x/time/rate#Limiter): all the callers it
// must hold back share one bucket. A new limiter starts full, so a limiter
// made for each call lets every call through at once. Here three goroutines
// use one client, two calls each.
func TestOneLimiterMustBeSharedByEveryCaller(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		call := newClient(time.Now())
		var mu sync.Mutex
		var sent []time.Duration
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				for range 2 {
					at, err := call(t.Context())
					assert.NoError(t, err)
					mu.Lock()
					sent = append(sent, at)
					mu.Unlock()
				}
			})
		}
		wg.Wait()
		slices.Sort(sent)
		assert.Equal(t, []time.Duration{0, time.Second, 2 * time.Second, 3 * time.Second, 4 * time.Second, 5 * time.Second}, sent)
	})
}
