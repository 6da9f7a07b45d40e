package contexts

import (
	"context"
	"fmt"
	"net/http"
	"net/http/httptest"
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

type loginKey struct{}

// A context never changes: WithValue "returns a derived context" holding the
// value, and the parent stays as it was (https://pkg.go.dev/context#WithValue).
// Only code handed the new context sees the value. An HTTP middleware must
// therefore pass on a request that carries it: r.WithContext "returns a
// shallow copy of r with its context changed to ctx"
// (https://pkg.go.dev/net/http#Request.WithContext).
func TestWithValueMakesANewContextAndChangesNone(t *testing.T) {
	// the handler greets the user the login middleware found
	hello := http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		user, _ := r.Context().Value(loginKey{}).(string)
		fmt.Fprint(w, "hello, ", user)
	})
	login := func(next http.Handler) http.Handler {
		return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			user := r.Header.Get("X-User")
			r.WithContext(context.WithValue(r.Context(), loginKey{}, user)) // __ : which request goes on to the handler?
			next.ServeHTTP(w, r)
		})
	}
	for _, user := range []string{"alice", "bob"} {
		w := httptest.NewRecorder() // records the response; no network
		r := httptest.NewRequest("GET", "/", nil)
		r.Header.Set("X-User", user)
		login(hello).ServeHTTP(w, r)
		assert.Equal(t, "hello, "+user, w.Body.String())
	}
}
