package contexts

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// WithTimeout's context holds a timer, and a place in its parent's list of
// children, until its deadline passes or its cancel is called: "failing to
// call the CancelFunc leaks the child and its children until the parent is
// canceled" (https://pkg.go.dev/context). Call cancel as soon as the work is
// done, with a defer. go vet's lostcancel check reports a cancel that is
// thrown away or left unused on some path; it cannot tell whether it is
// called, so the koan also looks at the context once ask has returned.
func TestEveryCancelFuncMustBeCalled(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var asked context.Context // ask's context, kept to look at afterwards
		ask := func(parent context.Context, question string) string {
			ctx, cancel := context.WithTimeout(parent, time.Second)
			defer cancel()
			asked = ctx
			answer := make(chan string, 1)
			go func() { time.Sleep(time.Second / 2); answer <- "yes, " + question }()
			select {
			case a := <-answer:
				return a
			case <-ctx.Done():
				return "no answer"
			}
		}
		assert.Equal(t, "yes, cancel", ask(context.Background(), "cancel"))
		assert.Equal(t, context.Canceled, asked.Err()) // released when ask returned
	})
}
