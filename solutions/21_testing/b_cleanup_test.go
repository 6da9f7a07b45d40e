package testingconcurrency

import (
	"testing"
	"testing/synctest"

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
		t.Cleanup(func() { close(requests) })
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

// A journal saves the lines it is sent, in a goroutine of its own, until it
// is closed.
type journal struct {
	writes chan string
	quit   chan struct{}
	saved  []string
	done   chan struct{}
}

func openJournal() *journal {
	j := &journal{writes: make(chan string), quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(j.done)
		for {
			select {
			case w := <-j.writes:
				j.saved = append(j.saved, w)
			case <-j.quit:
				return
			}
		}
	}()
	return j
}

func (j *journal) close() { close(j.quit); <-j.done }

// A logger sends each line to a journal; as it stops, it writes a last line.
type logger struct {
	lines chan string
	done  chan struct{}
}

func startLogger(j *journal) *logger {
	l := &logger{lines: make(chan string), done: make(chan struct{})}
	go func() {
		defer close(l.done)
		for line := range l.lines {
			j.writes <- line
		}
		j.writes <- "logger stopped"
	}()
	return l
}

func (l *logger) stop() { close(l.lines); <-l.done }

// "Cleanup functions will be called in last added, first called order"
// (https://pkg.go.dev/testing#T.Cleanup), like deferred calls; in a bubble
// they run inside it, just before synctest.Test returns. What was started
// last, and depends on what was started before it, must be stopped first:
// the logger still writes to the journal as it stops. The usual way to get
// it right: register each stop just after its start.
func TestCleanupsRunLastAddedFirstCalled(t *testing.T) {
	var saved []string
	synctest.Test(t, func(t *testing.T) {
		jnl := openJournal()
		lg := startLogger(jnl)
		t.Cleanup(func() { jnl.close(); saved = jnl.saved })
		t.Cleanup(lg.stop)
		lg.lines <- "hello"
	})
	assert.Equal(t, []string{"hello", "logger stopped"}, saved)
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
	t.Cleanup(func() { close(visits) })
	for _, page := range []string{"home", "about"} {
		t.Run(page, func(t *testing.T) {
			t.Parallel()
			visits <- page
		})
	}
}
