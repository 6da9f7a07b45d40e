package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A buffered channel holds what was sent until someone receives it.
func TestABufferedChannelHoldsWhatWasSent(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 3
	assert.Equal(t, __, <-ch)
}
