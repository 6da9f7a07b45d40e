package pools

import (
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A worker pool is a fixed number of goroutines that all take their jobs
// from one channel, each one job after another, until the producer closes
// it ("bounded parallelism", https://go.dev/blog/pipelines). However many
// jobs come, no more of them run at once than there are workers.
// synctest.Test runs the koan in a bubble with a fake clock (see 04_select):
// every job "takes" one second, and no real time passes. How long do ten
// jobs take on three workers?
func TestAPoolRunsOneJobPerWorkerAtATime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const workers = 3
		jobs := make(chan int)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for range jobs {
					time.Sleep(time.Second) // the job
				}
			})
		}
		start := time.Now()
		for j := range 10 {
			jobs <- j
		}
		close(jobs)
		wg.Wait()
		assert.Equal(t, __, time.Since(start))
	})
}

// pool runs the jobs submitted to it on a fixed set of workers, with a queue
// of jobs accepted but not started yet. Once it is shut down it refuses jobs
// with an error: a send on its closed queue would panic
// (https://go.dev/ref/spec#Close). mu makes the check and the send one step;
// the workers never take mu, so a submit waiting for room waits only for them.
type pool struct {
	mu     sync.Mutex
	closed bool
	jobs   chan func()
	wg     sync.WaitGroup
}

var errShutDown = errors.New("pool: shut down")

func newPool(workers, queue int) *pool {
	p := &pool{jobs: make(chan func(), queue)}
	for range workers {
		p.wg.Go(func() {
			for job := range p.jobs {
				job()
			}
		})
	}
	return p
}

func (p *pool) submit(job func()) error {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.closed {
		return errShutDown
	}
	p.jobs <- job
	return nil
}

// A graceful shutdown drains the pool: first it stops accepting jobs, then
// it waits until the workers have finished every job already accepted, those
// they are running and those still in the queue. A shutdown that returns
// sooner drops them. How do the workers learn that no job will come, and
// that their range may end once the queue is empty?
// (https://go.dev/ref/spec#For_range)
func TestShutdownStopsAcceptingThenFinishesEveryAcceptedJob(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := newPool(2, 4)
		shutdown := func() { // must not return while an accepted job is unfinished
			p.mu.Lock()
			p.closed = true // from now on, submit refuses
			// __ (one statement is missing here: how will the workers' range end?)
			p.mu.Unlock()
			p.wg.Wait()
		}
		var done atomic.Int32
		start := time.Now()
		for range 6 {
			assert.NoError(t, p.submit(func() {
				time.Sleep(time.Second)
				done.Add(1)
			}))
		}
		shutdown()
		assert.Equal(t, int32(6), done.Load(), "every accepted job is done")
		assert.Equal(t, 3*time.Second, time.Since(start))
		assert.ErrorIs(t, p.submit(func() {}), errShutDown, "a late job is refused")
	})
}
