package channels

import (
	"strings"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// Closing a channel says "no more values will come" (https://go.dev/ref/spec#Close).
// A receive from a closed channel never blocks. The two-value form
// v, ok := <-ch tells a value that was sent from one that only means "closed"
// (https://go.dev/ref/spec#Receive_operator).
func TestAClosedChannelYieldsTheZeroValue(t *testing.T) {
	ch := make(chan int)
	close(ch)
	v, ok := <-ch
	assert.Equal(t, __, v)
	assert.Equal(t, __, ok)
}

// for v := range ch receives values until the channel is closed, and only
// then: no number of values and no silence ends the loop. A receiver ranging
// over a channel that nobody will close waits for ever: the classic hang.
// (In a synctest bubble, goroutines that all wait for each other fail at once
// with "deadlock: all goroutines in bubble are blocked".)
func TestRangeOverAChannelEndsOnlyWhenItIsClosed(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := make(chan string)
		go func() {
			// __ (one statement is missing here)
			for _, w := range []string{"range", "ends", "at", "close"} {
				words <- w
			}
		}()
		var got []string
		for w := range words {
			got = append(got, w)
		}
		assert.Equal(t, []string{"range", "ends", "at", "close"}, got)
	})
}

// A send on a closed channel panics ("send on closed channel"): a close
// promises every receiver that no value follows, and Go keeps that promise
// by refusing the send. The sender closes, and it must close at the right
// moment (https://go.dev/ref/spec#Close).
func TestSendingOnAClosedChannelPanics(t *testing.T) {
	words := make(chan string)
	done := make(chan struct{})
	var got []string
	go func() { // the receiver
		defer close(done)
		for w := range words {
			got = append(got, w)
		}
	}()
	send := func(ws ...string) { // the sender
		close(words) // __ : the sender closes, but when is it done sending?
		for _, w := range ws {
			words <- w
		}
	}
	send("close", "after", "the", "last", "send")
	<-done
	assert.Equal(t, []string{"close", "after", "the", "last", "send"}, got)
}

// Closing a channel tells its receivers "no more values", and only its
// sender knows when that is true. So the sender closes, and a receiver never
// needs to close the channel it receives from; a second close of a channel
// panics ("close of closed channel", https://go.dev/ref/spec#Close). In a
// pipeline, each stage is a receiver of one channel and a sender on the next.
func TestOnlyTheSenderCloses(t *testing.T) {
	words := make(chan string)
	shouted := make(chan string)
	go func() { // the source
		defer close(words)
		for _, w := range []string{"only", "the", "sender", "closes"} {
			words <- w
		}
	}()
	go func() { // the stage: receives words, sends them shouted
		defer close(words) // __ : whose channel is this to close?
		for w := range words {
			shouted <- strings.ToUpper(w)
		}
	}()
	var got []string
	for w := range shouted {
		got = append(got, w)
	}
	assert.Equal(t, []string{"ONLY", "THE", "SENDER", "CLOSES"}, got)
}
