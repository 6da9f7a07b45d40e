package contexts

import (
	"context"
	"fmt"
	"net"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// context.AfterFunc(ctx, f) arranges to call f in its own goroutine after
// ctx is done, and returns stop. Calling stop ends the arrangement: it
// "returns true if the call stopped f from being run", false if f had
// already been started or stopped (https://pkg.go.dev/context#AfterFunc).
// Each f here leaves a note on ran when it runs.
func TestStopReportsWhetherItKeptAfterFuncFromRunning(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		ran := make(chan string, 2)
		stopFlush := context.AfterFunc(ctx, func() { ran <- "flush" })
		stopClose := context.AfterFunc(ctx, func() { ran <- "close" })

		stoppedFlush := stopFlush()
		cancel()
		time.Sleep(time.Second) // on the fake clock: whatever was to run has run
		stoppedClose := stopClose()
		assert.Equal(t, __, []bool{stoppedFlush, stoppedClose})
		assert.Equal(t, __, len(ran))
	})
}

// stop "does not wait for f to complete before returning. If the caller needs
// to know whether f is completed, it must coordinate with f explicitly"
// (https://pkg.go.dev/context#AfterFunc). Here f closes a connection when the
// context is done, and shutdown must return only once it is closed. The sleep
// lets f finish first nearly always, so the assertion holds; but does
// anything order f's write before the read, in the terms of the memory model
// (https://go.dev/ref/mem)? (No bubble here: real code has no synctest.Wait.)
func TestStopDoesNotWaitForAfterFuncToFinish(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	closed := false
	finished := make(chan struct{})
	stop := context.AfterFunc(ctx, func() {
		defer close(finished)
		closed = true // close the connection
	})

	// shutdown cancels ctx, and returns once the connection is closed.
	shutdown := func() {
		cancel()
		time.Sleep(50 * time.Millisecond) // f is surely done by now
		if !stop() {
			// __ (one statement is missing here: f has been started, but has it finished?)
		}
	}
	shutdown()
	assert.True(t, closed)
}

// receive reads one message from conn, and gives up when ctx is done.
func receive(ctx context.Context, conn net.Conn) (string, error) {
	stop := context.AfterFunc(ctx, func() {}) // __ : ctx is done: how can f reach the Read that waits?
	defer stop()
	buf := make([]byte, 64)
	n, err := conn.Read(buf)
	if ctx.Err() != nil {
		return "", ctx.Err()
	}
	return string(buf[:n]), err
}

// A Read on a connection takes no context: it waits for data, an error, or
// the connection's deadline, and a context done meanwhile goes unheard.
// context.AfterFunc bridges the two: it calls f when ctx is done, and f can
// reach the blocked call through its own API. The package's own example does
// this with a net.Conn (https://pkg.go.dev/context#example-AfterFunc-Connection).
// Here the peer sends one message, then falls silent with the line open.
func TestAfterFuncCutsShortACallThatTakesNoContext(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		conn, peer := net.Pipe() // an in-memory connection; no network
		defer conn.Close()
		defer peer.Close()
		go fmt.Fprint(peer, "hello")
		ctx, cancel := context.WithTimeout(t.Context(), 5*time.Second)
		defer cancel()
		start := time.Now()
		first, err := receive(ctx, conn)
		assert.NoError(t, err)
		assert.Equal(t, "hello", first)
		_, err = receive(ctx, conn) // the peer says nothing more
		assert.ErrorIs(t, err, context.DeadlineExceeded)
		assert.Equal(t, 5*time.Second, time.Since(start))
	})
}
