package pools

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/gokoans/concurrency/koan"
	"github.com/stretchr/testify/assert"
)

// stop makes the pool refuse every later submit and closes its queue: the
// workers finish the jobs already queued, then their range ends.
func (p *pool) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.closed = true
	close(p.jobs)
}

// A check and the act it guards are one step only under one lock. A submit
// that reads closed under mu, unlocks, then sends, may be waiting for room
// when stop closes the queue, and "a send on a closed channel proceeds by
// causing a run-time panic" (https://go.dev/ref/spec#Send_statements), flag
// or no flag. Held until the send completes, mu makes stop wait for the
// submit; the workers never take mu, so they go on making room. Here the
// queue is full, and one submit waits for room when stop is called.
func TestASubmitHoldsItsLockFromTheCheckToTheSend(t *testing.T) {
	p := newPool(1, 1)
	release := make(chan struct{})
	var ran []string // the one worker's; read after the workers are done
	submit := func(name string) error {
		p.mu.Lock()
		closed := p.closed
		defer p.mu.Unlock()
		if closed {
			return errShutDown
		}
		p.jobs <- func() { <-release; ran = append(ran, name) }
		return nil
	}
	assert.NoError(t, submit("first"))  // the worker takes it, and waits for release
	assert.NoError(t, submit("second")) // the queue holds it: the queue is full
	late := make(chan error)
	go func() { late <- submit("third") }()
	koan.WaitUntilBlocked("chan send") // the third waits for room
	go p.stop()
	koan.WaitUntilBlocked("sync.Mutex.Lock") // stop waits for the third's send
	close(release)
	assert.NoError(t, <-late, "the third was accepted")
	p.wg.Wait() // the workers end once stop has closed the queue
	assert.Equal(t, []string{"first", "second", "third"}, ran)
	assert.ErrorIs(t, submit("fourth"), errShutDown)
}

// Wait has no deadline: it returns when the counter is zero, however long
// that takes (https://pkg.go.dev/sync#WaitGroup.Wait). A shutdown that may
// give up when its ctx ends, like http.Server's Shutdown(ctx), cannot call it
// and watch ctx at once: it waits in a goroutine of its own that closes a
// channel when the workers are done, and selects on that channel and
// ctx.Done(). When it gives up, the workers go on: it only stopped waiting.
func TestAShutdownThatMayGiveUpWaitsForTheWorkersInAGoroutine(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		shutdown := func(ctx context.Context, p *pool) error {
			p.stop()
			drained := make(chan struct{})
			wait := func() { p.wg.Wait(); close(drained) }
			go wait()
			select {
			case <-drained:
				return nil
			case <-ctx.Done():
				return ctx.Err()
			}
		}
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()

		quick := newPool(2, 2)
		assert.NoError(t, quick.submit(func() { time.Sleep(2 * time.Second) }))
		assert.NoError(t, shutdown(ctx, quick), "drained in time")
		assert.Equal(t, 2*time.Second, time.Since(start))

		stuck := newPool(2, 2)
		assert.NoError(t, stuck.submit(func() { time.Sleep(time.Hour) }))
		assert.ErrorIs(t, shutdown(ctx, stuck), context.DeadlineExceeded)
		assert.Equal(t, 5*time.Second, time.Since(start))
		stuck.wg.Wait() // the job goes on after shutdown gave up; the test waits for it
	})
}

// Giving up on a wait stops nothing: the jobs a shutdown no longer waits for
// still run, and still hold what they hold. A pool that must be done by its
// deadline (as a server calls Close when its Shutdown runs out of time,
// https://pkg.go.dev/net/http#Server.Close) gives its jobs a context of its
// own and cancels it when the drain runs out of time; then it waits for the
// jobs that watch that context to return. A deferred cancel runs only when
// its function returns: too late for a shutdown that is still waiting.
func TestAShutdownThatGivesUpCancelsTheJobsItStopsWaitingFor(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs, cancelJobs := context.WithCancel(context.Background())
		defer cancelJobs()
		p := newPool(2, 2)
		shutdown := func(ctx context.Context) error {
			p.stop()
			drained := make(chan struct{})
			go func() { p.wg.Wait(); close(drained) }()
			select {
			case <-drained:
				return nil
			case <-ctx.Done():
				cancelJobs()
				<-drained // every job has returned
				return ctx.Err()
			}
		}
		var ended error // the job's; read once the workers are done
		// A stream: it runs until it is told to stop.
		assert.NoError(t, p.submit(func() {
			<-jobs.Done()
			ended = jobs.Err()
		}))
		ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		start := time.Now()
		assert.ErrorIs(t, shutdown(ctx), context.DeadlineExceeded)
		assert.Equal(t, 5*time.Second, time.Since(start))
		assert.ErrorIs(t, ended, context.Canceled, "the job was told to stop")
	})
}
