package contexts

import (
	"context"
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
