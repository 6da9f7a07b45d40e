package buffered

import (
	"testing"

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
