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
)

// io.Pipe joins a writer to a reader with no buffer between them: "each
// Write to the PipeWriter blocks until it has satisfied one or more Reads
// from the PipeReader that fully consume the written data", and a closed
// reader makes Write fail (https://pkg.go.dev/io#Pipe). A reader that stops
// before the end must close its end, or the writer waits for ever.
// Here an endless log is written into the pipe; the test wants one line.
func TestAPipeWriterWaitsUntilTheReaderReadsOrCloses(t *testing.T) {
	pr, pw := io.Pipe()
	go func() { // the writer: it stops only when a write fails
		for n := 1; ; n++ {
			if _, err := fmt.Fprintf(pw, "line %d\n", n); err != nil {
				return
			}
		}
	}()
	// __ (one statement is missing here: the reader will stop after one line)
	first, err := bufio.NewReader(pr).ReadString('\n')
	require.NoError(t, err)
	assert.Equal(t, "line 1\n", first)
}

// A goroutine whose only way out is <-ctx.Done() lives as long as its
// context. context.Background "is never canceled" and its Done channel is
// nil (https://pkg.go.dev/context#Background): what watches it lives as long
// as the program. A test has a context of its own: t.Context() (Go 1.24) is
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
// (https://go.dev/ref/spec#Select_statements). Here a client retries as
// long as its server says "busy, try again after ...", and the test plays
// the server: a millisecond, then an hour. Then the caller gives up.
func TestASleepingGoroutineCannotHearACancel(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	retryAfter := make(chan time.Duration) // the server's answers
	// the client: an attempt, answered "busy", then a wait before the next
	go func() {
		for ctx.Err() == nil {
			wait := <-retryAfter
			time.Sleep(wait) // __ : can a cancel wake a goroutine that sleeps?
			// __ (three more lines here: a wait that either the time
			// __ or the cancel can end)
			// __
		}
	}()
	retryAfter <- time.Millisecond
	retryAfter <- time.Hour
	cancel()
}
