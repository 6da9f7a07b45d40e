package buffered

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// raiseTo sets most to n if n is larger. It uses atomics (concept 07), a
// given here, like wg.Go and wg.Wait (concept 05): start f, wait for all.
func raiseTo(most *atomic.Int32, n int32) {
	for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
	}
}

// A buffer of capacity N holds at most N values, and a send into a full
// buffer waits for a receive. That is enough to let at most N goroutines
// into a section at once. The memory model says so in its rule for buffered
// channels: "The kth receive on a channel with capacity C is synchronized
// before the completion of the k+Cth send." (https://go.dev/ref/mem#chan)
// Each worker sleeps inside the section. In a bubble, fake time moves on
// only when every goroutine is blocked, so every worker that is let in is
// inside at the same moment.
func TestABufferedChannelLimitsHowManyAreInside(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const limit = 2
		slots := make(chan struct{}, limit)
		var inside, most atomic.Int32
		var wg sync.WaitGroup
		for range 5 {
			wg.Go(func() {
				// __ (one statement is missing here: before entering)
				raiseTo(&most, inside.Add(1))
				time.Sleep(time.Second) // the work
				inside.Add(-1)
				// __ (one statement is missing here: on leaving)
			})
		}
		wg.Wait()
		assert.Equal(t, int32(limit), most.Load())
		assert.Equal(t, 0, len(slots), "every slot is given back")
	})
}
