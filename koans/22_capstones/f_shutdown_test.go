package capstones

import (
	"context"
	"fmt"
	"io"
	"net"
	"net/http"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Capstone 6: a server's graceful shutdown, in a synctest bubble. The server
// needs no network: pipeListener hands it connections made by net.Pipe, whose
// two ends live in memory (the pattern of the testing/synctest doc's HTTP
// example), so every wait is durable and every timer fake.

// pipeListener is a net.Listener on an in-memory network: each Dial makes a
// net.Pipe, hands one end to Accept and returns the other.
type pipeListener struct {
	conns     chan net.Conn
	closed    chan struct{}
	closeOnce sync.Once
}

func newPipeListener() *pipeListener {
	return &pipeListener{conns: make(chan net.Conn), closed: make(chan struct{})}
}

func (l *pipeListener) Accept() (net.Conn, error) {
	select {
	case conn := <-l.conns:
		return conn, nil
	case <-l.closed:
		return nil, net.ErrClosed
	}
}

func (l *pipeListener) Close() error {
	l.closeOnce.Do(func() { close(l.closed) })
	return nil
}

func (l *pipeListener) Addr() net.Addr { return pipeAddr{} }

// Dial is the client's side: an http.Transport's DialContext.
func (l *pipeListener) Dial(ctx context.Context, network, addr string) (net.Conn, error) {
	server, client := net.Pipe()
	select {
	case l.conns <- server:
		return client, nil
	case <-l.closed:
	case <-ctx.Done():
	}
	server.Close()
	client.Close()
	return nil, &net.OpError{Op: "dial", Net: "pipe", Err: net.ErrClosed}
}

type pipeAddr struct{}

func (pipeAddr) Network() string { return "pipe" }
func (pipeAddr) String() string  { return "pipe" }

// Server.Shutdown "works by first closing all open listeners, then closing
// all idle connections, and then waiting indefinitely for connections to
// return to idle" (https://pkg.go.dev/net/http#Server.Shutdown): it waits
// for every request in flight, and cancels none. A long-polling handler
// that waits for an event that never comes holds shutdown up for ever,
// unless it also watches r.Context(). Its requests' contexts come from the
// server's BaseContext; RegisterOnShutdown runs a function when Shutdown
// starts: together they let Shutdown tell every handler that it is time.
func TestShutdownWaitsForRequestsInFlightSoTheyMustHearItComing(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		events := make(chan string) // nothing is ever published
		started, finished := make(chan struct{}), make(chan struct{})
		base, stopBase := context.WithCancel(context.Background())
		defer stopBase()
		srv := &http.Server{
			Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				defer close(finished)
				close(started)
				select {
				case e := <-events:
					io.WriteString(w, e)
					// __ (a case is missing here: what else may end this request?)
					http.Error(w, fmt.Sprint("shutting down: ", r.Context().Err()), http.StatusServiceUnavailable)
				}
			}),
			BaseContext: func(net.Listener) context.Context { return base },
		}
		ln := newPipeListener()
		served := make(chan error, 1)
		go func() { served <- srv.Serve(ln) }()
		transport := &http.Transport{DialContext: ln.Dial}
		defer transport.CloseIdleConnections()
		client := &http.Client{Transport: transport}

		type reply struct {
			status int
			body   string
		}
		replies := make(chan reply)
		go func() { // a long poll
			resp, err := client.Get("http://capstone.test/poll")
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

		ctx, cancel := context.WithTimeout(context.Background(), time.Hour)
		defer cancel()
		start := time.Now()
		assert.NoError(t, srv.Shutdown(ctx), "Shutdown gave up waiting")
		select {
		case <-finished:
		default:
			t.Error("Shutdown returned before the handler did")
		}
		assert.Equal(t, reply{http.StatusServiceUnavailable, "shutting down: context canceled\n"}, <-replies)
		assert.Less(t, time.Since(start), 100*time.Millisecond, "Shutdown ended the handler at once")
		require.ErrorIs(t, <-served, http.ErrServerClosed)
		_, err := client.Get("http://capstone.test/poll")
		assert.Error(t, err, "a request after Shutdown is refused")
	})
}
