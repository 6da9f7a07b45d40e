package buffered

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// The second argument of make gives a channel a buffer: room for that many
// values that have been sent but not yet received. len and cap work on a
// channel as on a slice, measured on its buffer: how many values wait in it
// now, and how many it can hold. A channel made without a size has none.
// https://go.dev/ref/spec#Making_slices_maps_and_channels
// https://go.dev/ref/spec#Length_and_capacity
func TestMakeGivesAChannelItsCapacity(t *testing.T) {
	buffered := make(chan int, 3)
	unbuffered := make(chan int)

	assert.Equal(t, __, cap(buffered))
	assert.Equal(t, __, len(buffered))
	assert.Equal(t, __, cap(unbuffered))
}

// While its buffer has room, a send does not wait for a receiver: the value
// goes into the buffer and the sender goes on. That is why one goroutine can
// send here and receive later, which on an unbuffered channel would wait for
// ever. len follows the buffer as values come and go; cap never changes.
func TestLenCountsTheValuesWaitingInTheBuffer(t *testing.T) {
	ch := make(chan string, 4)
	ch <- "one"
	ch <- "two"
	ch <- "three"
	assert.Equal(t, __, len(ch))

	<-ch
	assert.Equal(t, __, len(ch))
	assert.Equal(t, __, cap(ch))
}

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
		ch <- 1
		ch <- 2
		ch <- 3
		// __ (one statement is missing here: the buffer is full)
		ch <- 4

		assert.Equal(t, 3, len(ch))
		assert.Equal(t, 2, <-ch)
	})
}
