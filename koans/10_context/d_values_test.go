package contexts

import (
	"context"
	"fmt"
	"testing"

	"github.com/stretchr/testify/assert"
)

// propagate stands for a tracing middleware from another package: it copies
// every header of an incoming request into the context, under the header's
// name, so that the headers travel on to the services called next.
func propagate(ctx context.Context, headers map[string]string) context.Context {
	for name, value := range headers {
		//lint:ignore SA1029 the other package's careless keys are what the koan shows
		ctx = context.WithValue(ctx, name, value)
	}
	return ctx
}

type ctxKey string // the type of this package's context keys

// ctx.Value(key) returns the value of the nearest WithValue whose key equals
// key, and keys compare as interface values do: same dynamic type, same
// value. Any package can make a string equal to yours, so the key "should not
// be of type string or any other built-in type to avoid collisions between
// packages using context. Users of WithValue should define their own types
// for keys" (https://pkg.go.dev/context#WithValue). Here the tracing
// middleware runs after the login. Whose name does the handler read?
func TestAKeyOfAnUnexportedTypeCollidesWithNoOtherPackage(t *testing.T) {
	userKey := "user" // __ : which other package can make a key equal to this one?

	withUser := func(ctx context.Context, name string) context.Context { // the login middleware
		return context.WithValue(ctx, userKey, name)
	}
	userOf := func(ctx context.Context) string { // what the handler calls
		name, _ := ctx.Value(userKey).(string)
		return name
	}

	ctx := withUser(context.Background(), "alice")
	ctx = propagate(ctx, map[string]string{
		"traceparent":       "00-4bf92f3577b34da6-01",
		fmt.Sprint(userKey): "mallory", // a client can send any header, this one too
	})
	assert.Equal(t, "alice", userOf(ctx))
}
