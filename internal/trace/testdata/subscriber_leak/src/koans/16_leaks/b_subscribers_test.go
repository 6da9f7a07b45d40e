package leaks

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A subscriber ranges over its channel, and a range over a channel ends
// only when the channel is closed (https://go.dev/ref/spec#For_range).
// Forgetting the channel, by deleting it from the broker's map, wakes
// nobody: the subscriber waits for ever for a message that will never come.
// The broker is the sender, so the broker closes (in real code, under the
// lock that publish holds, so that no send can come after the close).
func TestForgettingAChannelDoesNotWakeItsReceiver(t *testing.T) {
	subs := map[string]chan string{} // the broker: a channel for each subscriber
	subscribe := func(name string) <-chan string {
		subs[name] = make(chan string, 16)
		return subs[name]
	}
	publish := func(msg string) {
		for _, ch := range subs {
			ch <- msg
		}
	}
	unsubscribe := func(name string) {
		// __ (one statement is missing here: the subscriber still ranges over its channel)
		delete(subs, name)
	}

	inbox := subscribe("auditor")
	handled := make(chan string)
	go func() { // the subscriber
		for msg := range inbox {
			handled <- "handled " + msg
		}
	}()
	publish("deploy")
	publish("rollback")
	got := []string{<-handled, <-handled}
	unsubscribe("auditor")
	publish("nobody hears this")
	assert.Equal(t, []string{"handled deploy", "handled rollback"}, got)
}
