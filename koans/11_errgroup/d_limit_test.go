package errgroups

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// g.SetLimit(n) lets at most n tasks of the group run at once, and Go
// "blocks until the new goroutine can be added without the number of
// goroutines in the group exceeding the configured limit"
// (https://pkg.go.dev/golang.org/x/sync/errgroup#Group.SetLimit). Six tasks
// of a (fake) second each, at most two at a time: how long was the loop that
// calls Go kept waiting, and when is everything done?
func TestSetLimitMakesGoWaitForRoom(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g errgroup.Group
		g.SetLimit(2)
		start := time.Now()
		for range 6 {
			g.Go(func() error { time.Sleep(time.Second); return nil })
		}
		queued := time.Since(start)
		require.NoError(t, g.Wait())
		assert.Equal(t, __, queued)
		assert.Equal(t, __, time.Since(start))
	})
}

// TryGo starts the task only if the group is below its limit, and reports
// whether it did; it never waits
// (https://pkg.go.dev/golang.org/x/sync/errgroup#Group.TryGo). A server can
// shed load with it: turn away the request it has no room for, instead of
// keeping a queue that grows without bound. Requests come every 300 ms (fake
// time) and each takes a second, two at most at a time. Which are turned away?
func TestTryGoTurnsAwayWhatItHasNoRoomFor(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var g errgroup.Group
		g.SetLimit(2)
		var refused []int
		for request := range 6 {
			if !g.TryGo(func() error { time.Sleep(time.Second); return nil }) {
				refused = append(refused, request)
			}
			time.Sleep(300 * time.Millisecond)
		}
		require.NoError(t, g.Wait())
		assert.Equal(t, __, refused)
	})
}
