package buffered

import (
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// The memory model (https://go.dev/ref/mem#chan) has a rule for each side.
// A send is synchronized before the completion of the receive it pairs
// with, on any channel. The other way round holds only without a buffer:
// "A receive from an unbuffered channel is synchronized before the
// completion of the corresponding send." A send into a buffer with room
// completes at once, and then its end tells nothing of what the receiver
// did before receiving. (With a buffer, a receive is ordered only before a
// later send: the next koan.)
//
// The sleep lets the worker run to its end before the test reads, by the
// clock (time in a synctest bubble is fake: nothing really waits). The race
// detector does not go by the clock, only by what happens before what.
func TestABufferedSendDoesNotWaitForItsReceive(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var greeting string
		handshake := make(chan int, 1) // __ : must this send wait for its receive?
		go func() {
			greeting = "hello, world"
			<-handshake
		}()
		handshake <- 0

		time.Sleep(time.Second)
		assert.Equal(t, "hello, world", greeting)
	})
}

// raiseTo sets most to n if n is larger, atomically.
func raiseTo(most *atomic.Int32, n int32) {
	for m := most.Load(); n > m && !most.CompareAndSwap(m, n); m = most.Load() {
	}
}

// A buffer of capacity N holds at most N values, and a send into a full
// buffer waits for a receive. That is enough to let at most N goroutines
// into a section at once. The memory model says so in its rule for buffered
// channels: "The kth receive on a channel with capacity C is synchronized
// before the completion of the k+Cth send." (https://go.dev/ref/mem#chan)
//
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
