package pipelines

import (
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Fan-out: several workers receive from one channel, so each value goes to
// one of them and they share the work. Fan-in: their results are merged onto
// one channel. A merged channel carries results in the order the work
// finishes, not the order it came in: a sink that needs the input's order
// must have each value carry its index. Here the work takes a second per
// letter. In what order does the sink see the words?
func TestFanInDeliversResultsInTheOrderTheWorkFinishes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := make(chan string)
		go func() {
			defer close(words)
			for _, w := range []string{"pipeline", "go", "stage"} {
				words <- w
			}
		}()
		results := make(chan string)
		var wg sync.WaitGroup
		for range 3 {
			wg.Go(func() {
				for w := range words {
					time.Sleep(time.Duration(len(w)) * time.Second) // the work
					results <- strings.ToUpper(w)
				}
			})
		}
		go func() { wg.Wait(); close(results) }()
		var got []string
		for r := range results {
			got = append(got, r)
		}
		assert.Equal(t, __, got)
	})
}

// merge forwards every value of its inputs onto one output. Each forwarder
// is a sender on out, and none of them knows whether the others are done:
// a forwarder that closes out when its own input runs dry leaves the others
// to send on a closed channel, and that panics
// (https://go.dev/ref/spec#Close). A shared output is closed once, after the
// last send of the last sender.
func TestNoSenderAloneMayCloseAMergedChannel(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gen := func(nums ...int) <-chan int {
			out := make(chan int)
			go func() {
				defer close(out)
				for _, n := range nums {
					out <- n
				}
			}()
			return out
		}
		merge := func(inputs ...<-chan int) <-chan int {
			out := make(chan int)
			var wg sync.WaitGroup
			for _, in := range inputs {
				wg.Go(func() {
					defer close(out) // __ : out has several senders: is this one the last?
					for v := range in {
						out <- v
					}
				})
			}
			// __ (one statement is missing here: who closes out, and when?)
			return out
		}
		sum := 0
		for v := range merge(gen(1), gen(10, 20)) {
			sum += v
			time.Sleep(time.Second) // the sink is slow
		}
		assert.Equal(t, 31, sum)
	})
}
