package buffered

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// Closing a channel means no more values will be sent. What becomes of the
// values already sent and still waiting in the buffer? And what does a
// receive give once they are gone? The two-value receive's ok tells which.
// https://go.dev/ref/spec#Close and https://go.dev/ref/spec#Receive_operator
func TestAClosedChannelStillDeliversWhatItsBufferHolds(t *testing.T) {
	ch := make(chan int, 3)
	ch <- 10
	ch <- 20
	close(ch)
	assert.Equal(t, __, len(ch))

	v, ok := <-ch
	assert.Equal(t, __, v)
	assert.Equal(t, __, ok)

	v, ok = <-ch
	assert.Equal(t, __, v)
	assert.Equal(t, __, ok)

	v, ok = <-ch
	assert.Equal(t, __, v)
	assert.Equal(t, __, ok)
}

// A for range loop over a channel receives until the channel is closed and
// its buffer drained. An empty buffer does not end it: a value might still
// be sent. Nothing in this koan will send again, but the loop cannot know
// that unless it is told. https://go.dev/ref/spec#For_range
func TestRangeOverAChannelEndsOnlyWhenItIsClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int, 3)
		ch <- 1
		ch <- 2
		ch <- 3
		// __ (one statement is missing here)

		sum := 0
		for v := range ch {
			sum += v
		}
		assert.Equal(t, 6, sum)
	})
}
