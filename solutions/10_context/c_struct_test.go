package contexts

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// ask sends a question to a server that answers in 100 ms, and gives up
// when ctx is done first.
func ask(ctx context.Context, question string) (string, error) {
	select {
	case <-time.After(100 * time.Millisecond):
		return "answer to " + question, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// newStore says hello to the store's server, and returns the store's get.
func newStore(ctx context.Context) (get func(context.Context, string) (string, error), err error) {
	if _, err := ask(ctx, "hello"); err != nil {
		return nil, err
	}
	return func(callCtx context.Context, key string) (string, error) {
		return ask(callCtx, key)
	}, nil
}

// A context belongs to one call, not to an object: "Do not store Contexts
// inside a struct type; instead, pass a Context explicitly to each function
// that needs it" (https://pkg.go.dev/context, https://go.dev/blog/context-and-structs).
// A closure that captures one keeps it just the same. A context kept from the
// call that made an object ends when that call ends, and never ends when a
// later caller gives up. Here the store is made under a start-up deadline.
func TestAContextBelongsToACallNotToAnObject(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		startup, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		get, err := newStore(startup)
		cancel() // start-up is over
		assert.NoError(t, err)

		time.Sleep(time.Minute) // the service runs
		ctx, cancel := context.WithTimeout(t.Context(), time.Second)
		defer cancel()
		got, err := get(ctx, "a")
		assert.NoError(t, err)
		assert.Equal(t, "answer to a", got)

		gone, hangUp := context.WithCancel(t.Context())
		hangUp() // this caller has already given up
		_, err = get(gone, "b")
		assert.ErrorIs(t, err, context.Canceled)
	})
}
