package pipelines

import (
	"context"
	"errors"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/errgroup"
)

// A stage that fails must stop the stages before it. Closing its input will
// not do: that channel is its sender's, a close tells receivers "no more
// values" and so travels downstream only, and a send on a closed channel
// panics (https://go.dev/ref/spec#Close). A stop travels upstream, by
// cancellation: in a group made by errgroup.WithContext (see 11_errgroup)
// the first error cancels the group's context, and every stage whose sends
// select on it returns. https://pkg.go.dev/golang.org/x/sync/errgroup#WithContext
func TestACloseTravelsDownstreamAndACancelUpstream(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		g, ctx := errgroup.WithContext(context.Background())
		readings := make(chan int)
		g.Go(func() error { // the sensor: it never runs dry
			defer close(readings)
			for r := 20; ; r-- {
				select {
				case readings <- r:
				case <-ctx.Done():
					return ctx.Err()
				}
			}
		})
		total := 0
		g.Go(func() error { // the checker
			for r := range readings {
				time.Sleep(time.Millisecond) // checking takes a while
				if r < 18 {
					// the group's context tells the sensor
					return errors.New("reading below 18")
				}
				total += r
			}
			return nil
		})
		err := g.Wait()
		assert.EqualError(t, err, "reading below 18")
		assert.Equal(t, 57, total)
	})
}
