package channels

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

type pipeline struct {
	results chan int
}

// The zero value of a channel type is nil, and a send or a receive on a nil
// channel blocks for ever (https://go.dev/ref/spec#Channel_types,
// https://go.dev/ref/spec#Send_statements). Unlike a nil map, which panics
// when written, a nil channel says nothing: it just never gets ready.
// A var, or a struct field, of channel type starts out nil.
func TestANilChannelBlocksForever(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := pipeline{} // __ : what does p.results hold?
		go func() { p.results <- 42 }()
		assert.Equal(t, 42, <-p.results)
	})
}

// Because a nil channel is never ready, select never chooses a case on a nil
// channel (https://go.dev/ref/spec#Select_statements). Setting a channel
// variable to nil switches its case off: a common way to stop listening to a
// channel once it has been closed.
func TestASelectNeverChoosesANilChannel(t *testing.T) {
	var off chan string // declared, never made
	on := make(chan string, 1)
	on <- "from the channel that was made"
	var got string
	select {
	case off <- "sent on the nil channel":
		got = "sent on the nil channel"
	case got = <-on:
	}
	assert.Equal(t, __, got)
}

// A goroutine blocked on a channel is never collected: if nobody will ever
// receive what it sends, it waits for ever, and it leaks with everything it
// holds. Asking several replicas and keeping the first answer is a classic
// way to get there: the caller takes one answer and leaves; the others are
// sent to nobody. Every goroutine needs a way to finish.
func TestAnAbandonedSenderLeaks(t *testing.T) {
	firstAnswer := func(replicas ...func() string) string {
		answers := make(chan string) // __ : where do the answers nobody waits for go?
		for _, ask := range replicas {
			go func() { answers <- ask() }()
		}
		return <-answers
	}
	replica := func() string { return "42" }
	assert.Equal(t, "42", firstAnswer(replica, replica, replica))
}
