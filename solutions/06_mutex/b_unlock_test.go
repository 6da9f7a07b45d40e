package mutex

import (
	"errors"
	"fmt"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Every way out of a critical section must Unlock. An early return on an
// error path that forgets to is a real bug shape: in Tu et al., "Understanding
// Real-World Concurrency Bugs in Go" (ASPLOS 2019), 28 of the 85 blocking bugs
// involved a Mutex. Nothing fails where the mistake is: the next Lock, on any
// goroutine, waits for ever. The runtime reports a deadlock only when every
// goroutine is blocked, and a test binary always has one that is not.
func TestEveryReturnPathMustUnlock(t *testing.T) {
	var mu sync.Mutex
	balance := 10
	withdraw := func(n int) error {
		mu.Lock()
		if n > balance {
			mu.Unlock()
			return errors.New("insufficient funds")
		}
		balance -= n
		mu.Unlock()
		return nil
	}
	assert.Error(t, withdraw(50))
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { assert.NoError(t, withdraw(3)) })
	}
	wg.Wait()
	assert.Equal(t, 4, balance)
}

// A deferred call runs when its function ends, however it ends: by any
// return statement, or by a panic (https://go.dev/ref/spec#Defer_statements).
// A plain statement at the end of the critical section runs only if control
// gets there. Here a panic (index out of range) is recovered, and the program
// goes on, but the lock must not stay behind. (The jobs arrive a second
// late, in the fake time of a synctest bubble: https://pkg.go.dev/testing/synctest)
func TestADeferredUnlockSurvivesAPanic(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		var queue []string
		push := func(job string) {
			mu.Lock()
			defer mu.Unlock()
			queue = append(queue, job)
		}
		next := func() (job string, err error) {
			defer func() {
				if r := recover(); r != nil {
					err = fmt.Errorf("next: %v", r)
				}
			}()
			mu.Lock()
			defer mu.Unlock()
			job = queue[0] // panics when the queue is empty
			queue = queue[1:]
			// (the deferred call unlocks here, and during a panic too)
			return job, nil
		}
		_, err := next()
		assert.Error(t, err)
		var wg sync.WaitGroup
		for _, job := range []string{"tea", "cake"} {
			wg.Go(func() {
				time.Sleep(time.Second) // the jobs arrive a second late
				push(job)
			})
		}
		wg.Wait()
		var got [2]string
		for i := range got {
			wg.Go(func() { got[i], _ = next() })
		}
		wg.Wait()
		assert.ElementsMatch(t, []string{"tea", "cake"}, got[:])
	})
}

// Unlocking a Mutex that is not locked is a run-time error. It is not a
// panic but a fatal error ("fatal error: sync: unlock of unlocked mutex"):
// the whole program ends at once, and no recover can catch it
// (https://pkg.go.dev/sync#Mutex.Unlock). Count the Unlocks on each path.
func TestUnlockingAnUnlockedMutexIsFatal(t *testing.T) {
	var mu sync.Mutex
	balance := 10
	withdraw := func(n int) error {
		mu.Lock()
		defer mu.Unlock()
		if n > balance {
			// (the deferred call unlocks on this path too)
			return errors.New("insufficient funds")
		}
		balance -= n
		return nil
	}
	assert.Error(t, withdraw(50))
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() { assert.NoError(t, withdraw(3)) })
	}
	wg.Wait()
	assert.Equal(t, 4, balance)
}

// TryLock takes the lock if it is free at that instant and reports whether
// it did; it never waits. Its doc warns that correct uses are rare
// (https://pkg.go.dev/sync#Mutex.TryLock): the answer is about a moment that
// is already over, and a caller that gets false must still decide what to do
// instead: wait (then why not Lock?), try again later, or drop its work.
func TestTryLockFailsWhileTheLockIsHeld(t *testing.T) {
	var mu sync.Mutex
	count := 0
	tryIncrement := func() bool {
		if !mu.TryLock() {
			return false // busy: give up instead of waiting
		}
		defer mu.Unlock()
		count++
		return true
	}
	held, release, done := make(chan struct{}), make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		mu.Lock()
		defer mu.Unlock()
		count++
		close(held)
		<-release
	}()
	<-held
	got := []bool{tryIncrement()} // while the goroutine holds the lock
	close(release)
	<-done
	got = append(got, tryIncrement(), tryIncrement())
	assert.Equal(t, []bool{false, true, true}, got)
	assert.Equal(t, 3, count)
}
