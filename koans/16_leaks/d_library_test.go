package leaks

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/koan"
)

// io.Pipe joins a writer to a reader with no buffer between them: "each
// Write to the PipeWriter blocks until it has satisfied one or more Reads
// from the PipeReader that fully consume the written data"
// (https://pkg.go.dev/io#Pipe). A reader that stops before the end must say
// so, by closing its end: writes then fail with ErrClosedPipe, and the writer
// can stop. Here the log never ends, and the test wants one line.
func TestAPipeWriterWaitsUntilTheReaderReadsOrCloses(t *testing.T) {
	// follow starts a writer of an endless log into a pipe, and returns the
	// pipe's read end only, as exec.Cmd's StdoutPipe does.
	follow := func() io.ReadCloser {
		pr, pw := io.Pipe()
		go func() { // the writer: it stops only when a write fails
			for n := 1; ; n++ {
				if _, err := fmt.Fprintf(pw, "line %d\n", n); err != nil {
					return
				}
			}
		}()
		return pr
	}
	lines := follow()
	// __ (one statement is missing here: the reader will stop after one line)
	first, err := bufio.NewReader(lines).ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "line 1\n", first)
}

// A goroutine whose only way out is <-ctx.Done() lives as long as its
// context. context.Background "is never canceled"
// (https://pkg.go.dev/context#Background): what watches it lives as long as
// the program. A test has a context of its own: t.Context() (Go 1.24) is
// cancelled just before the test's cleanups run, so whatever watches it
// ends with the test (https://pkg.go.dev/testing#T.Context).
func TestWhatWatchesBackgroundLivesForever(t *testing.T) {
	ctx := context.Background() // __ : when will this context ever be done?
	pings := make(chan int)
	go func() { // a keep-alive: it pings until its context is done
		for n := 1; ; n++ {
			select {
			case pings <- n:
			case <-ctx.Done():
				return
			}
		}
	}()
	assert.Equal(t, 1, <-pings)
	assert.Equal(t, 2, <-pings)
}

// time.Sleep cannot be cut short: a sleeping goroutine hears nothing, not
// even a cancel, until its time is up. A wait that a cancel must be able to
// end is a select with a case for the time and a case for ctx.Done()
// (https://go.dev/ref/spec#Select_statements). Here a client retries for as
// long as its server says "busy, try again after ...", until its caller
// cancels; the test plays the server (a millisecond, then an hour), then
// gives up.
func TestASleepingGoroutineCannotHearACancel(t *testing.T) {
	retryAfter := make(chan time.Duration) // the server's answers
	// client makes an attempt, answered "busy", then waits before the next
	client := func(ctx context.Context) {
		for {
			wait := <-retryAfter
			time.Sleep(wait) // __ : can a cancel wake a goroutine that sleeps?
			// __ (four more lines here: a wait that either the time
			// __ or the cancel can end, and what the client does
			// __ when it is the cancel)
			// __
		}
	}
	ctx, cancel := context.WithCancel(context.Background())
	go client(ctx)
	retryAfter <- time.Millisecond
	retryAfter <- time.Hour
	koan.WaitUntilBlocked("") // the client is in its wait, whatever it waits in
	cancel()
}
