package performance

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

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
