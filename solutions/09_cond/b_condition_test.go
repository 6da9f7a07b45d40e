package cond

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A Cond has no memory, and a wake-up is no promise. Signal and Broadcast
// wake the goroutines waiting at that moment: "if there are no waiters, they
// do nothing" (https://pkg.go.dev/sync#Cond.Signal). And when Wait returns,
// "the caller typically cannot assume that the condition is true"
// (https://pkg.go.dev/sync#Cond.Wait). So a waiter looks at the state, under
// the lock, before it waits and every time it wakes. Here one Cond announces
// every change of a job board: a job posted before anyone waits, the pause
// switch, and one more job.
func TestAWaiterLooksBeforeItWaitsAndAgainWhenItWakes(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		changed := sync.NewCond(&mu)
		var jobs []string
		paused := false
		var got []string
		mu.Lock()
		jobs = append(jobs, "build")
		changed.Broadcast() // nobody waits yet
		mu.Unlock()
		go func() { // the monitor waits for the pause
			mu.Lock()
			defer mu.Unlock()
			for !paused {
				changed.Wait()
			}
		}()
		for range 2 { // two workers take a job each
			go func() {
				mu.Lock()
				defer mu.Unlock()
				for len(jobs) == 0 {
					changed.Wait()
				}
				got = append(got, jobs[0])
				jobs = jobs[1:]
			}()
		}
		synctest.Wait() // until whoever must wait is waiting
		mu.Lock()
		takenAtOnce := slices.Clone(got) // before any wake-up
		paused = true
		changed.Broadcast() // meant for the monitor
		mu.Unlock()
		time.Sleep(time.Second)
		mu.Lock()
		jobs = append(jobs, "test")
		changed.Broadcast()
		mu.Unlock()
		synctest.Wait() // until the workers are done
		assert.Equal(t, []string{"build"}, takenAtOnce)
		assert.ElementsMatch(t, []string{"build", "test"}, got)
	})
}

// plugin is started in the background; whoever needs it waits until it is
// active. Activation can fail.
type plugin struct {
	mu       sync.Mutex
	changed  *sync.Cond
	active   bool
	err      error // why activation failed
	progress int   // percent loaded, for a progress bar
}

func newPlugin() *plugin {
	p := &plugin{}
	p.changed = sync.NewCond(&p.mu)
	return p
}

// announce changes the plugin's state under its lock, and tells every waiter.
func (p *plugin) announce(change func()) {
	p.mu.Lock()
	defer p.mu.Unlock()
	change()
	p.changed.Broadcast()
}

// activate loads the plugin, which takes a second, and leaves it active, or
// failed with err.
func (p *plugin) activate(err error) {
	p.announce(func() { p.progress = 50 })
	time.Sleep(time.Second)
	p.announce(func() { p.progress, p.active, p.err = 100, err == nil, err })
}

// A Wait loop ends only when its condition is false, so the condition must
// become false on every way the wait can end: failure too. A plugin that fails to
// activate announces it, the waiter wakes up, sees that the plugin is not
// active, and waits again, for ever, for an activation that will never
// come. What must the loop check?
func TestTheWaitLoopMustEndOnEveryOutcome(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		waitActive := func(p *plugin) error {
			p.mu.Lock()
			defer p.mu.Unlock()
			for !p.active && p.err == nil {
				p.changed.Wait()
			}
			return p.err
		}
		good, bad := newPlugin(), newPlugin()
		waiting := []*plugin{good, good, bad, bad}
		errs := make([]error, len(waiting))
		var wg sync.WaitGroup
		for i, p := range waiting {
			wg.Go(func() { errs[i] = waitActive(p) })
		}
		synctest.Wait() // until all four wait
		wg.Go(func() { good.activate(nil) })
		wg.Go(func() { bad.activate(errors.New("bad manifest")) })
		wg.Wait()
		assert.Equal(t, []error{nil, nil, bad.err, bad.err}, errs)
		assert.EqualError(t, bad.err, "bad manifest")
	})
}
