package buffered

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// A caller that gives up on a worker leaves the worker's last send without
// a receiver. On an unbuffered channel that send waits for ever: the
// goroutine leaks, with all it holds. This very shape was a real bug in
// Kubernetes, the first example of Tu et al., "Understanding Real-World
// Concurrency Bugs in Go" (ASPLOS 2019). How could the send complete with
// nobody left to receive it?
func TestABufferOfOneLetsAnAbandonedWorkerFinish(t *testing.T) {
	// lookup asks backend for an answer in a goroutine of its own and
	// waits for it, unless ctx is done first: then it gives up.
	lookup := func(ctx context.Context, backend func() string) (string, error) {
		answer := make(chan string, 1)
		go func() { answer <- backend() }()
		select {
		case a := <-answer:
			return a, nil
		case <-ctx.Done():
			return "", ctx.Err()
		}
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel() // the caller has given up before asking

	late := make(chan string)
	_, err := lookup(ctx, func() string { return <-late })
	late <- "42" // the answer comes, too late

	assert.ErrorIs(t, err, context.Canceled)
}

// The caller below waits until every worker is done, and only then reads
// their results. Each worker's last act is a send. When can that send
// complete, if nobody receives before every worker is done?
func TestRoomForEveryResultLetsWorkersFinishFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := []string{"alpha", "beta", "gamma"}
		lengths := make(chan int, len(words))
		var wg sync.WaitGroup
		for _, w := range words {
			wg.Go(func() { lengths <- len(w) })
		}
		wg.Wait()
		close(lengths)

		total := 0
		for n := range lengths {
			total += n
		}
		assert.Equal(t, 14, total)
	})
}
