package testingconcurrency

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// An echo server answers each request with its own message.
type request struct {
	msg   string
	reply chan string
}

// A helper that starts a goroutine for a test owns its stop. T.Cleanup
// "registers a function to be called when the test (or subtest) and all its
// subtests complete" (https://pkg.go.dev/testing#T.Cleanup): a helper given
// t can register the stop itself, and no caller can forget it. A deferred
// call in the helper would run as soon as the helper returns, long before
// the test has finished with the server.
func TestAHelperThatStartsAGoroutineRegistersItsStop(t *testing.T) {
	// startEcho starts an echo server for the test t, in a goroutine of its own.
	startEcho := func(t *testing.T) chan<- request {
		t.Helper()
		requests := make(chan request)
		// __ (one statement is missing here: who stops the server, and when?)
		go func() {
			for req := range requests {
				req.reply <- req.msg
			}
		}()
		return requests
	}
	echo := startEcho(t)
	for _, msg := range []string{"ping", "pong"} {
		req := request{msg: msg, reply: make(chan string)}
		echo <- req
		assert.Equal(t, msg, <-req.reply)
	}
}

// A subtest that calls t.Parallel is paused until its parent's function
// has returned, and then runs alongside the other parallel subtests
// (https://pkg.go.dev/testing#T.Parallel, https://go.dev/blog/subtests).
// The parent's deferred calls run as its function returns, before any
// parallel subtest has resumed; its Cleanup functions run when the test
// "and all its subtests complete" (https://pkg.go.dev/testing#T.Cleanup).
func TestParallelSubtestsRunAfterTheParentHasReturned(t *testing.T) {
	visits := make(chan string, 2)
	t.Cleanup(func() {
		var got []string
		for page := range visits {
			got = append(got, page)
		}
		assert.ElementsMatch(t, []string{"home", "about"}, got)
	})
	defer close(visits) // __ : when does this run, and when do the subtests below send?
	for _, page := range []string{"home", "about"} {
		t.Run(page, func(t *testing.T) {
			t.Parallel()
			visits <- page
		})
	}
}
