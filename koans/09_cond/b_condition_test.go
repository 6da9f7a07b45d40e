package cond

import (
	"errors"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A Cond has no memory. Signal and Broadcast wake the goroutines that are
// waiting at that moment; "if there are no waiters, they do nothing"
// (https://pkg.go.dev/sync#Cond.Signal). A buffered channel keeps a value
// until someone receives it; a Cond keeps nothing. So a waiter first looks
// at the state, under the lock, and waits only if what it needs is not
// there yet. (A goroutine asleep in Cond.Wait is durably blocked in a
// synctest bubble: one that nothing can wake is reported at once.)
func TestASignalSentBeforeAnyoneWaitsIsLost(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		delivered := sync.NewCond(&mu)
		var parcels []string
		deliver := func(parcel string) {
			mu.Lock()
			defer mu.Unlock()
			parcels = append(parcels, parcel)
			delivered.Signal()
		}
		take := func() string {
			mu.Lock()
			defer mu.Unlock()
			{ // __ : what if a parcel came before you started waiting?
				delivered.Wait()
			}
			parcel := parcels[0]
			parcels = parcels[1:]
			return parcel
		}
		go func() { // the courier
			deliver("book")
			time.Sleep(2 * time.Second)
			deliver("lamp")
		}()
		time.Sleep(time.Second) // you come home a second after the book
		got := []string{take(), take()}
		assert.Equal(t, []string{"book", "lamp"}, got)
	})
}

// When Wait returns, the waiter knows only that it was woken, not why:
// "the caller typically cannot assume that the condition is true
// when Wait returns. Instead, the caller should Wait in a loop"
// (https://pkg.go.dev/sync#Cond.Wait). Here one Cond announces every change
// of a job board, the pause switch as well as new jobs, and the workers are
// woken by a change that is not the one they wait for.
func TestAWokenWaiterMustCheckItsConditionAgain(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		changed := sync.NewCond(&mu)
		var jobs []string
		paused := false
		var got []string
		go func() { // the monitor waits for the pause
			mu.Lock()
			defer mu.Unlock()
			for !paused {
				changed.Wait()
			}
		}()
		for range 2 { // two workers wait for a job each
			go func() {
				mu.Lock()
				defer mu.Unlock()
				if len(jobs) == 0 { // __ : does a return from Wait mean there is a job?
					changed.Wait()
				}
				got = append(got, jobs[0])
				jobs = jobs[1:]
			}()
		}
		synctest.Wait() // until all three are waiting
		mu.Lock()
		paused = true
		changed.Broadcast() // meant for the monitor
		mu.Unlock()
		time.Sleep(time.Second)
		mu.Lock()
		jobs = append(jobs, "build", "test")
		changed.Broadcast()
		mu.Unlock()
		synctest.Wait() // until the workers are done
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
			for !p.active { // __ : does every activation end with the plugin active?
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
