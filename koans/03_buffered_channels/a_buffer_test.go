package buffered

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// The spec: "Channels act as first-in-first-out queues."
// https://go.dev/ref/spec#Channel_types
// Which value does each receive take, even when a send comes in between?
func TestABufferedChannelIsFirstInFirstOut(t *testing.T) {
	ch := make(chan string, 3)
	ch <- "first"
	ch <- "second"
	ch <- "third"
	assert.Equal(t, __, <-ch)

	ch <- "fourth"
	assert.Equal(t, __, <-ch)
	assert.Equal(t, __, <-ch)
	assert.Equal(t, __, <-ch)
}

// A send on a buffered channel blocks only when the buffer is full; then it
// waits until a receive makes room. Here nothing else could ever receive.
// synctest.Test runs the koan in a bubble, where goroutines that can never
// go on are reported at once: "deadlock: all goroutines in bubble are
// blocked". https://pkg.go.dev/testing/synctest
func TestASendBlocksOnlyWhenTheBufferIsFull(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan int, 3)
		sendFour := func() {
			ch <- 1
			ch <- 2
			ch <- 3
			// __ (one statement is missing here: the buffer is full)
			ch <- 4
		}
		sendFour()

		assert.Equal(t, 3, len(ch))
		assert.Equal(t, 2, <-ch)
	})
}
