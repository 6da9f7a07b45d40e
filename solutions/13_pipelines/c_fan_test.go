package pipelines

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Fan-out: several workers receive from one channel and share the work.
// Fan-in: their results are merged onto one channel, in the order the work
// finishes, since nothing orders the workers (05_waitgroup). To pass results
// on in the input's order, each result carries its index, and the sink holds
// back a result that comes before its turn until every one before it has been
// passed on: one slow job holds back all that follow it. Here the work takes
// a second per letter, on three workers. When is each word passed on?
func TestAFanInThatKeepsTheInputOrderHoldsBackWhatComesEarly(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := []string{"go", "pipeline", "stage", "fan"}
		type result struct {
			index int
			word  string
		}
		indexes := make(chan int)
		go func() {
			defer close(indexes)
			for i := range words {
				indexes <- i
			}
		}()
		results := make(chan result)
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				for i := range indexes {
					time.Sleep(time.Duration(len(words[i])) * time.Second) // the work
					results <- result{i, strings.ToUpper(words[i])}
				}
			})
		}
		go func() { wg.Wait(); close(results) }()
		start := time.Now()
		var passed []string
		var passedAt []time.Duration
		held := map[int]string{} // results that came before their turn
		next := 0                // the index whose turn it is
		for r := range results {
			held[r.index] = r.word
			for held[next] != "" { // pass on every result whose turn has come
				passed = append(passed, held[next])
				passedAt = append(passedAt, time.Since(start))
				next++
			}
		}
		assert.Equal(t, []string{"GO", "PIPELINE", "STAGE", "FAN"}, passed)
		assert.Equal(t, []time.Duration{2 * time.Second, 8 * time.Second, 8 * time.Second, 8 * time.Second}, passedAt)
	})
}

// Another fan-in that keeps the input order needs no indexes: give each job a
// reply channel of its own, and queue the reply channels in input order. The
// sink takes them from the queue one by one and waits on each in turn, so the
// results leave in the queue's order, whatever order the work finishes in,
// and the queue's capacity bounds how far the work runs ahead of the sink.
// Here the work takes a second per letter, as above.
func TestAQueueOfReplyChannelsKeepsTheInputOrder(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := []string{"go", "pipeline", "stage", "fan"}
		replies := make(chan chan string, 2) // in input order
		var wg sync.WaitGroup
		go func() {
			defer close(replies)
			for _, w := range words {
				reply := make(chan string, 1)
				replies <- reply
				wg.Go(func() {
					time.Sleep(time.Duration(len(w)) * time.Second) // the work
					reply <- strings.ToUpper(w)
				})
			}
		}()
		start := time.Now()
		var passed []string
		for reply := range replies {
			passed = append(passed, <-reply)
		}
		wg.Wait() // the jobs are all done
		assert.Equal(t, []string{"GO", "PIPELINE", "STAGE", "FAN"}, passed)
		assert.Equal(t, 8*time.Second, time.Since(start))
	})
}
