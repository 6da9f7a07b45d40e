package contexts

import (
	"context"
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

type requestIDKey struct{}

// A request's context is cancelled when the request is over, and so is all
// work derived from it. Work that must outlive the request, like an audit
// record, needs a context the request's end cannot cancel, which still
// carries the request's values: context.WithoutCancel(ctx) "is not canceled
// when parent is canceled" (https://pkg.go.dev/context#WithoutCancel).
func TestWithoutCancelLetsWorkOutliveTheRequest(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		audited := make(chan string)
		// record writes to a slow audit log; like any well-behaved call, it
		// gives up when its context is done.
		record := func(ctx context.Context) {
			select {
			case <-time.After(time.Second):
				id, _ := ctx.Value(requestIDKey{}).(string)
				audited <- id
			case <-ctx.Done():
			}
		}
		// serve runs a handler the way net/http does (see Request.Context):
		// the request's context is cancelled as soon as the handler returns.
		serve := func(id string, handler func(ctx context.Context)) {
			ctx, endRequest := context.WithCancel(context.WithValue(context.Background(), requestIDKey{}, id))
			defer endRequest()
			handler(ctx)
		}

		start := time.Now()
		serve("r-42", func(ctx context.Context) {
			go record(context.WithoutCancel(ctx))
		})
		answered := time.Since(start) // the response is sent: the request is over
		assert.Equal(t, "r-42", <-audited)
		assert.Equal(t, time.Duration(0), answered) // the request did not wait for the audit
	})
}

// WithoutCancel keeps a request's values and drops all the rest: its context
// "returns no Deadline or Err, and its Done channel is nil"
// (https://pkg.go.dev/context#WithoutCancel). Detached work has lost the
// request's deadline along with its cancellation, and a call that waits on a
// dead connection under it waits for ever. A cancel of its own ends nothing
// unless someone calls it: the detached work needs a deadline of its own.
func TestDetachedWorkNeedsADeadlineOfItsOwn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		dead := make(chan struct{}) // the audit log's connection: it will never answer
		// write gives up when its context is done, like any well-behaved call.
		write := func(ctx context.Context) error {
			select {
			case <-dead:
				return nil
			case <-ctx.Done():
				return fmt.Errorf("audit of %v: %w", ctx.Value(requestIDKey{}), ctx.Err())
			}
		}
		const auditBudget = 10 * time.Second
		audited := make(chan error)
		start := time.Now()
		ctx, endRequest := context.WithTimeout(context.WithValue(context.Background(), requestIDKey{}, "r-7"), 2*time.Second)
		go func() { // the audit must outlive the request
			actx, cancel := context.WithTimeout(context.WithoutCancel(ctx), auditBudget)
			defer cancel()
			audited <- write(actx)
		}()
		endRequest() // the response is sent: the request is over
		err := <-audited
		assert.EqualError(t, err, "audit of r-7: context deadline exceeded")
		assert.Equal(t, auditBudget, time.Since(start))
	})
}
