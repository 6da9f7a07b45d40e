package capstones

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Capstone 4: a publish/subscribe broker. Each subscriber has a buffered
// channel of its own; publish hands every subscriber the message.

type broker struct {
	mu   sync.Mutex
	subs map[<-chan string]chan string // what a subscriber holds: what the broker sends on
}

func newBroker() *broker { return &broker{subs: map[<-chan string]chan string{}} }

// subscribe returns a new subscriber's channel. The broker is the channel's
// only sender, so the broker alone closes it.
func subscribe(b *broker, buffer int) <-chan string {
	ch := make(chan string, buffer)
	b.mu.Lock()
	defer b.mu.Unlock()
	b.subs[ch] = ch
	return ch
}

// unsubscribe ends a subscription; the subscriber's range over its channel ends.
func unsubscribe(b *broker, sub <-chan string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	if ch, ok := b.subs[sub]; ok {
		// __ (one statement is missing here: will a second call know this channel is closed?)
		close(ch)
	}
}

// publish gives msg to every subscriber that has room for it.
func publish(b *broker, msg string) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		select {
		case ch <- msg:
			// __ (a case is missing here: what if this subscriber's buffer is full?)
		}
	}
}

// closeBroker ends every subscription.
func closeBroker(b *broker) {
	b.mu.Lock()
	defer b.mu.Unlock()
	for _, ch := range b.subs {
		close(ch)
	}
	// __ (one statement is missing here: what will a later unsubscribe find?)
}

// A send on a full channel waits for a receiver
// (https://go.dev/ref/spec#Send_statements). A broker that waits for its
// slowest subscriber makes every other subscriber, and every publisher,
// wait with it. A select with a default case never waits
// (https://go.dev/ref/spec#Select_statements): a subscriber whose buffer is
// full loses the message (a drop policy; another is to disconnect it).
func TestASlowSubscriberLosesMessagesInsteadOfHoldingUpTheOthers(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := newBroker()
		fast := subscribe(b, 1)
		slow := subscribe(b, 2)
		var got []string
		go func() {
			for range 5 {
				got = append(got, <-fast)
			}
		}()
		start := time.Now()
		for i := range 5 {
			publish(b, fmt.Sprint("m", i+1))
			synctest.Wait() // the fast subscriber has taken it, and waits again
		}
		assert.Equal(t, time.Duration(0), time.Since(start), "publish never waits for a subscriber")
		assert.Equal(t, []string{"m1", "m2", "m3", "m4", "m5"}, got)
		var slowGot []string
		for len(slow) > 0 {
			slowGot = append(slowGot, <-slow)
		}
		assert.Equal(t, __, slowGot)
	})
}

// Closing a closed channel panics (https://go.dev/ref/spec#Close), and so
// does a send on one. unsubscribe and closeBroker may both end a
// subscription, in any order and more than once: the map of subscribers,
// under the broker's lock, says whether a channel is still open, so it must
// forget a channel when the channel is closed. A reader's range over its
// channel ends only when the channel is closed
// (https://go.dev/ref/spec#For_range): closeBroker closes every one.
func TestUnsubscribeAndCloseEachCloseAChannelExactlyOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		b := newBroker()
		a, c := subscribe(b, 4), subscribe(b, 4)
		var wg sync.WaitGroup
		var gotA, gotC []string
		wg.Go(func() {
			for m := range a {
				gotA = append(gotA, m)
			}
		})
		wg.Go(func() {
			for m := range c {
				gotC = append(gotC, m)
			}
		})
		publish(b, "hello")
		unsubscribe(b, a)
		unsubscribe(b, a) // twice: harmless
		subscribe(b, 0)   // a subscriber that never reads
		publish(b, "world")
		closeBroker(b)
		unsubscribe(b, c) // after close: harmless
		wg.Wait()
		assert.Equal(t, []string{"hello"}, gotA)
		assert.Equal(t, []string{"hello", "world"}, gotC)
	})
}
