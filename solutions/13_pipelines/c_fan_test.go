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
