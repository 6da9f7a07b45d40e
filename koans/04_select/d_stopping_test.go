package selects

import (
	"context"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// A long-lived worker loops on a select: one case for work, one for "stop".
// Go has no way to stop a goroutine from outside: it ends only when its
// function returns. If nobody ever closes the done channel, the worker waits
// in its select for ever, long after the koan that started it: a leak.
func TestAWorkerNobodyStopsLeaks(t *testing.T) {
	jobs := make(chan int)
	results := make(chan int)
	done := make(chan struct{})
	go func() {
		for {
			select {
			case n := <-jobs:
				results <- n * n
			case <-done:
				return
			}
		}
	}()

	sum := 0
	for n := 1; n <= 3; n++ {
		jobs <- n
		sum += <-results
	}
	// __ (one statement is missing here: the worker still waits for work)
	assert.Equal(t, 14, sum)
}

// Cancelling a context closes the channel its Done method returns, but that
// is only a message: a worker stops only if its select has a case that
// hears it. Here the caller cancels, then waits for the worker to stop.
// (A given until concept 10: https://pkg.go.dev/context)
func TestAWorkerWithoutAStopCaseNeverStops(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		ticks := make(chan int)
		stopped := make(chan struct{})
		count := 0
		go func(ctx context.Context) {
			defer close(stopped)
			for {
				select {
				case <-ticks:
					count++
					// __ (two lines are missing here: what cancel() closes must reach this
					// __ select, and end the worker for good)
				}
			}
		}(ctx)

		for i := range 3 {
			ticks <- i
		}
		cancel()
		<-stopped
		assert.Equal(t, 3, count)
	})
}
