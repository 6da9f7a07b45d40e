package echoes

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The name of a koan of 01_sums.
func TestAReceiveGetsTheValueSent(t *testing.T) {
	ch := make(chan string, 1)
	ch <- "echo"
	assert.Equal(t, __, <-ch)
}

// A hint and the blank's comment give the answer away.
func TestARangeEndsWhenTheChannelIsClosed(t *testing.T) {
	ch := make(chan int, 2)
	ch <- 1
	ch <- 2
	// __ : close(ch), or the range never ends
	sum := 0
	for v := range ch {
		sum += v
	}
	assert.Equal(t, 3, sum)
}
