package performance

import (
	"fmt"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// When every call to a service costs a round trip, whatever it carries,
// sending items in batches pays that cost once per batch instead of once per
// item: n items in batches of b take ceil(n/b) calls. Here a call takes a
// second of fake time. How long do ten items take one by one, and in
// batches of four?
func TestBatchingPaysThePerCallCostOncePerBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		calls := 0
		send := func(batch []string) { // one round trip, whatever the batch holds
			calls++
			time.Sleep(time.Second)
		}
		items := strings.Fields("a b c d e f g h i j")
		start := time.Now()
		for _, item := range items {
			send([]string{item})
		}
		oneByOne := time.Since(start)
		start = time.Now()
		for i := 0; i < len(items); i += 4 {
			send(items[i:min(i+4, len(items))])
		}
		batched := time.Since(start)
		assert.Equal(t, 10*time.Second, oneByOne)
		assert.Equal(t, 3*time.Second, batched)
		assert.Equal(t, 13, calls)
	})
}

// runBatcher gathers the items received on in and hands them to send in
// batches: when a batch holds size items, or when its first item has waited
// limit, whichever comes first. A limit of 0 means no time limit: a batch
// goes out only once it is full. When in is closed, runBatcher sends what
// is left and returns.
func runBatcher(in <-chan string, size int, limit time.Duration, send func([]string)) {
	var batch []string
	var deadline <-chan time.Time // nil, and never ready, while there is no time limit to wait for
	flush := func() {
		send(batch)
		batch, deadline = nil, nil
	}
	for {
		select {
		case item, ok := <-in:
			if !ok {
				if len(batch) > 0 {
					flush()
				}
				return
			}
			if len(batch) == 0 && limit > 0 {
				deadline = time.After(limit)
			}
			batch = append(batch, item)
			if len(batch) == size {
				flush()
			}
		case <-deadline:
			flush()
		}
	}
}

// A batcher that sends only full batches keeps a partial one until more
// items come, and they may never come: the tail of a burst waits for ever.
// A batcher needs two limits, a size and a time, and sends when the first
// of them is reached. Here events come in a burst of six, and then no more
// for a long time. Every event must be sent within half a second of its
// arrival, and in as few calls as that allows.
func TestAPartialBatchGoesOutWhenItsTimeLimitPasses(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type call struct {
			batch []string
			at    time.Time
		}
		in := make(chan string)
		calls := make(chan call, 10)
		go runBatcher(in, 4, 500*time.Millisecond, func(batch []string) {
			calls <- call{batch, time.Now()}
		})
		defer close(in) // the batcher returns; the bubble waits for it
		start := time.Now()
		for i := range 6 {
			in <- fmt.Sprint("event ", i)
		}
		first, second := <-calls, <-calls
		assert.Equal(t, []string{"event 0", "event 1", "event 2", "event 3"}, first.batch)
		assert.Equal(t, []string{"event 4", "event 5"}, second.batch)
		assert.LessOrEqual(t, second.at.Sub(start), 500*time.Millisecond)
	})
}

// A batcher's goroutine holds the last, partial batch. Closing its input
// asks it to send that batch and return; the close does not wait for the
// send. Whoever reads what was sent (or exits) must first wait for the
// goroutine to be done: its Done happens before Wait returns
// (https://pkg.go.dev/sync#WaitGroup), a sleep orders nothing. A bubble whose
// function returns while a goroutine of it still works reports it at once.
func TestAfterClosingTheInputWaitForTheLastBatch(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var sent []string // written by the batcher's goroutine
		in := make(chan string)
		var batcher sync.WaitGroup
		batcher.Go(func() {
			runBatcher(in, 4, time.Minute, func(batch []string) {
				time.Sleep(time.Second) // a round trip
				sent = append(sent, batch...)
			})
		})
		words := strings.Fields("one two three four five six")
		for _, w := range words {
			in <- w
		}
		close(in) // no more items: send the tail and return
		batcher.Wait()
		assert.Equal(t, words, sent)
	})
}
