package contexts

import (
	"context"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// Every context but a root is derived from a parent, so the contexts of a
// program form a tree. A derived context's Done channel is closed when its
// own cancel is called or when its parent's Done is closed, whichever comes
// first (https://pkg.go.dev/context#WithCancel): cancellation flows down to
// every descendant, and never up or sideways. Which of these four contexts
// are done once the request is cancelled?
func TestCancellationFlowsDownTheTreeNeverUp(t *testing.T) {
	server, stopServer := context.WithCancel(context.Background())
	defer stopServer()
	request, endRequest := context.WithCancel(server)
	query, endQuery := context.WithCancel(request)
	defer endQuery()
	metrics, stopMetrics := context.WithCancel(server)
	defer stopMetrics()

	endRequest()

	var done []string
	for _, node := range []struct {
		name string
		ctx  context.Context
	}{{"server", server}, {"request", request}, {"query", query}, {"metrics", metrics}} {
		if node.ctx.Err() != nil {
			done = append(done, node.name)
		}
	}
	assert.Equal(t, __, done)
}

// A function that starts work for its caller must derive the work's context
// from the caller's ctx: then the caller's cancel reaches the work, however
// deep in the tree it is. context.Background() is a new root that nothing
// can cancel from above (https://go.dev/blog/context). Here the caller gives
// up at once and waits for the shard workers to notice.
func TestCancellingTheParentCancelsEveryChild(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var wg sync.WaitGroup
		errs := make([]error, 2)
		// fetch starts one worker per shard. Each has a context of its own, so
		// that a worker can be stopped alone; it waits for its shard's answer
		// or for its context to be done, and then notes why it stopped.
		fetch := func(ctx context.Context, shards []chan string) {
			for i, shard := range shards {
				shardCtx, cancel := context.WithCancel(context.Background()) // __ : can the caller's cancel reach this context?
				wg.Go(func() {
					defer cancel()
					select {
					case <-shard:
					case <-shardCtx.Done():
						errs[i] = shardCtx.Err()
					}
				})
			}
		}

		ctx, cancel := context.WithCancel(context.Background())
		fetch(ctx, []chan string{make(chan string), make(chan string)})
		cancel() // the caller gives up: no shard will ever answer
		wg.Wait()
		assert.Equal(t, []error{context.Canceled, context.Canceled}, errs)
	})
}
