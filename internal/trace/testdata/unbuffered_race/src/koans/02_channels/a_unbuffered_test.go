package channels

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A channel carries values from one goroutine to another: a send statement
// ch <- v hands a value over, the receive operator <-ch takes it.
// https://go.dev/ref/spec#Send_statements
// https://go.dev/ref/spec#Receive_operator
func TestAChannelCarriesAValueBetweenGoroutines(t *testing.T) {
	ch := make(chan string)
	go func() { ch <- "ping" }()
	assert.Equal(t, __, <-ch)
}

// An unbuffered channel has no room to keep a value: a send can complete
// only when a receiver takes the value, so the sender waits for the
// receiver, however long that takes. The send and the receive meet.
// (Inside a synctest bubble the clock is fake: it jumps ahead only when every
// goroutine of the bubble is blocked, so durations come out exact.)
func TestAnUnbufferedSendWaitsForAReceiver(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ch := make(chan string)
		go func() {
			time.Sleep(time.Hour) // the receiver is busy for an hour first
			<-ch
		}()
		start := time.Now()
		ch <- "ping"
		assert.Equal(t, __, time.Since(start))
	})
}

// The meeting also orders memory. The memory model: "A receive from an
// unbuffered channel is synchronized before the completion of the
// corresponding send on that channel" (https://go.dev/ref/mem#chan). So what
// the receiver wrote before its receive happens before whatever the sender
// does after its send: a channel synchronises, it does not only transfer.
// A buffered send may complete before anyone receives; it promises nothing
// about the receiver. The fake clock below lets the receiver run first, but
// a Sleep orders no memory: the race detector judges happens-before, not
// timing.
func TestAnUnbufferedSendCompletesAfterTheReceive(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var note string
		handshake := make(chan struct{}, 1) // __ : may this send complete before anyone receives?
		go func() {
			note = "the receiver was here"
			<-handshake
		}()
		handshake <- struct{}{}
		time.Sleep(time.Second) // the receiver has surely run by now: is that enough?
		assert.Equal(t, "the receiver was here", note)
	})
}
