package capstones

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/http/httptest"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Capstone 6: a server's graceful shutdown, on the loopback network
// (net/http/httptest). Real I/O is not durably blocking, so no synctest
// here: channels order the events.

// Server.Shutdown "works by first closing all open listeners, then closing
// all idle connections, and then waiting indefinitely for connections to
// return to idle" (https://pkg.go.dev/net/http#Server.Shutdown): it waits
// for every request in flight, and cancels none. A long-polling handler
// that waits for an event that never comes holds shutdown up for ever,
// unless it also watches r.Context(). Its requests' contexts come from the
// server's BaseContext; RegisterOnShutdown runs a function when Shutdown
// starts: together they let Shutdown tell every handler that it is time.
func TestShutdownWaitsForRequestsInFlightSoTheyMustHearItComing(t *testing.T) {
	events := make(chan string) // nothing is ever published
	started, finished := make(chan struct{}), make(chan struct{})
	srv := httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		defer close(finished)
		close(started)
		select {
		case e := <-events:
			io.WriteString(w, e)
			// __ (a case is missing here: what else may end this request?)
			http.Error(w, fmt.Sprint("shutting down: ", r.Context().Err()), http.StatusServiceUnavailable)
		}
	}))
	base, stopBase := context.WithCancel(context.Background())
	defer stopBase()
	srv.Config.BaseContext = func(net.Listener) context.Context { return base }
	srv.Start()
	defer srv.Close()
	client := srv.Client()
	defer client.CloseIdleConnections()

	type reply struct {
		status int
		body   string
	}
	replies := make(chan reply)
	go func() { // a long poll
		resp, err := client.Get(srv.URL)
		if err != nil {
			replies <- reply{0, err.Error()}
			return
		}
		body, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		replies <- reply{resp.StatusCode, string(body)}
	}()
	<-started // the request is in flight
	// __ (one statement is missing here: who tells the requests' contexts that Shutdown has begun?)

	require.NoError(t, srv.Config.Shutdown(t.Context()))
	select {
	case <-finished:
	default:
		t.Error("Shutdown returned before the handler did")
	}
	assert.Equal(t, reply{http.StatusServiceUnavailable, "shutting down: context canceled\n"}, <-replies)
	_, err := client.Get(srv.URL)
	assert.Error(t, err, "a request after Shutdown is refused")
}
