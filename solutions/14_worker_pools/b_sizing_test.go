package pools

import (
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A jobs channel with a small buffer is a bounded queue. While the workers
// are busy and the buffer is full, a send waits (https://go.dev/ref/spec#Send_statements),
// so a producer faster than its workers is slowed to their pace: that is
// back-pressure. Here one worker takes a second per job, and the queue holds
// two. When has the producer handed in its last job, and when is the last
// one done?
func TestABoundedQueueMakesAFastProducerWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		jobs := make(chan int, 2)
		var wg sync.WaitGroup
		wg.Go(func() { // the one worker
			for range jobs {
				time.Sleep(time.Second)
			}
		})
		start := time.Now()
		for j := range 8 {
			jobs <- j
		}
		handedIn := time.Since(start)
		close(jobs)
		wg.Wait()
		assert.Equal(t, 5*time.Second, handedIn)
		assert.Equal(t, 8*time.Second, time.Since(start))
	})
}

var errBusy = errors.New("busy: too many calls at once")

// service is a downstream that takes at most limit calls at once and refuses
// the others. Each call takes a second.
type service struct {
	mu    sync.Mutex
	limit int
	busy  int
}

func (s *service) call() error {
	s.mu.Lock()
	if s.busy == s.limit {
		s.mu.Unlock()
		return errBusy
	}
	s.busy++
	s.mu.Unlock()
	time.Sleep(time.Second)
	s.mu.Lock()
	s.busy--
	s.mu.Unlock()
	return nil
}

// More goroutines are not always faster (100 Go Mistakes, #56). A goroutine
// per job is unbounded: it runs every job at once, and a downstream that
// takes only a few calls at a time refuses the rest. A pool bounds the calls
// in flight by its number of workers. With too few workers the downstream
// idles; with too many it refuses calls. How many make twelve calls succeed
// soonest?
func TestSizeThePoolToWhatTheDownstreamAllows(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		svc := &service{limit: 4}
		const calls = 12
		workers := svc.limit
		jobs := make(chan int)
		errs := make([]error, calls)
		var wg sync.WaitGroup
		for range workers {
			wg.Go(func() {
				for i := range jobs {
					errs[i] = svc.call()
				}
			})
		}
		start := time.Now()
		for i := range calls {
			jobs <- i
		}
		close(jobs)
		wg.Wait()
		assert.Equal(t, make([]error, calls), errs, "no call is refused")
		assert.Equal(t, 3*time.Second, time.Since(start))
	})
}
