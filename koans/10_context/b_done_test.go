package contexts

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A cancellable goroutine must be ready to hear ctx.Done() wherever it can
// block: in a select with a <-ctx.Done() case, sends included. Here the
// consumer comes a (fake) second late, stops when it has had enough and
// cancels; a producer that only waits for its send to be taken waits for ever
// for a receiver who has gone (https://go.dev/blog/pipelines, "explicit
// cancellation"). In a synctest bubble, a goroutine left blocked when the
// test's function returns fails the koan at once.
func TestAProducerMustWatchDoneWhileItSends(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		produce := func(ctx context.Context, out chan<- int) {
			for n := 1; ; n++ {
				select {
				case out <- n * n:
					// __ (a case is missing here: what else can make this goroutine stop waiting?
					// __ and once it has heard it, how does the goroutine end?)
				}
			}
		}

		ctx, cancel := context.WithCancel(context.Background())
		squares := make(chan int)
		go produce(ctx, squares)
		time.Sleep(time.Second) // the consumer comes late
		sum := 0
		for square := range squares {
			sum += square
			if sum > 10 {
				break // enough: the consumer leaves
			}
		}
		cancel()
		assert.Equal(t, 14, sum)
	})
}

// A goroutine that waits for <-ctx.Done() lives exactly as long as ctx is
// not done. Whoever makes a context with WithCancel owns its cancel, and must
// call it on every path that ends the work, not only on the happy one
// (https://pkg.go.dev/context#WithCancel). A transaction here watches its
// context to release its locks; one of its two endings forgets it.
func TestEveryWayToEndTheWorkCancelsItsContext(t *testing.T) {
	type tx struct {
		ctx    context.Context
		cancel context.CancelFunc
		state  string
	}
	begin := func(ctx context.Context) *tx {
		ctx, cancel := context.WithCancel(ctx)
		tx := &tx{ctx: ctx, cancel: cancel, state: "open"}
		go func() {
			<-tx.ctx.Done()
			// release the transaction's locks
		}()
		return tx
	}
	commit := func(tx *tx) {
		tx.state = "committed"
		tx.cancel()
	}
	rollback := func(tx *tx) {
		tx.state = "rolled back"
		// __ (one statement is missing here: the transaction is over)
	}

	first := begin(context.Background())
	commit(first)
	second := begin(context.Background())
	rollback(second)
	assert.Equal(t, "committed", first.state)
	assert.Equal(t, "rolled back", second.state)
}
