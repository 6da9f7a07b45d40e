package races

import (
	"errors"
	"maps"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A lock guards the accesses made while it is held, and none after. A
// function that returns a map (or a slice) from under its lock hands out a
// reference to the guarded data itself: the caller reads it after the Unlock,
// while other goroutines, holding the lock, write it (100 Go Mistakes, #70).
// Here a caller lists the peers it was given while a new peer joins.
func TestAMapReturnedFromUnderALockIsNoLongerGuarded(t *testing.T) {
	var p struct {
		mu    sync.Mutex
		addrs map[string]string // each peer's address; mu guards the map
	}
	p.addrs = map[string]string{"ann": "10.0.0.1:7000", "bob": "10.0.0.2:7000"}
	add := func(name, addr string) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.addrs[name] = addr
	}
	// all returns the peers known at the time of the call.
	all := func() map[string]string {
		p.mu.Lock()
		defer p.mu.Unlock()
		return p.addrs // __ : what does the caller hold once the lock is released?
	}
	known := all()
	var names []string
	oneAfterTheOther(
		func() { add("cy", "10.0.0.3:7000") },
		func() { names = slices.Sorted(maps.Keys(known)) },
	)
	assert.Equal(t, []string{"ann", "bob"}, names)
	// Those who do hold the lock still take turns with each other.
	var wg sync.WaitGroup
	wg.Go(func() { add("dee", "10.0.0.4:7000") })
	wg.Go(func() { add("eve", "10.0.0.5:7000") })
	wg.Wait()
	assert.Len(t, all(), 5)
}

var errTimeout = errors.New("timed out")

// A closure shares the variables it mentions with the function it was
// written in, that function's named results too, and a goroutine running it
// goes on using them after the function has returned. Here lookup gives up on
// a slow name server after a second, and its return statement writes its
// results; the goroutine it left behind writes the same variables when the
// answer comes at last. (The koan runs in a synctest bubble, 04_select: the
// clock is fake.)
func TestAnAbandonedGoroutineStillWritesTheVariablesItCaptured(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		delays := map[string]time.Duration{"near.example": time.Millisecond, "far.example": 3 * time.Second}
		resolve := func(name string) (string, error) {
			time.Sleep(delays[name]) // the name server thinks
			return "addr-of-" + name, nil
		}
		type answer struct {
			addr string
			err  error
		}
		lookup := func(name string) (addr string, err error) {
			answers := make(chan answer, 1) // room for an answer nobody waits for
			go func() {
				addr, err = resolve(name) // __ : whose variables does this goroutine write?
				answers <- answer{addr, err}
			}()
			select {
			case a := <-answers:
				return a.addr, a.err
			case <-time.After(time.Second):
				return "", errTimeout
			}
		}
		addr, err := lookup("near.example")
		assert.NoError(t, err)
		assert.Equal(t, "addr-of-near.example", addr)
		start := time.Now()
		_, err = lookup("far.example")
		assert.ErrorIs(t, err, errTimeout)
		assert.Equal(t, time.Second, time.Since(start))
		time.Sleep(time.Minute) // the program goes on; the far answer comes meanwhile
	})
}
