package cond

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A sync.Cond lets goroutines wait until a condition on shared state holds.
// The state is guarded by the Cond's Locker, c.L. Wait "atomically unlocks
// c.L and suspends execution", and "before returning, Wait locks c.L"
// (https://pkg.go.dev/sync#Cond.Wait): while the waiter sleeps, others may
// lock, change the state and wake it. In what order does this log fill up?
// (synctest.Wait returns once every other goroutine of the bubble is
// blocked: https://pkg.go.dev/testing/synctest#Wait)
func TestWaitUnlocksWhileItSleepsAndLocksBeforeItReturns(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		cond := sync.NewCond(&mu)
		ready := false
		var log []string
		for range 2 {
			go func() {
				mu.Lock()
				defer mu.Unlock()
				log = append(log, "waiter locked")
				for !ready {
					cond.Wait()
					log = append(log, "waiter woke")
				}
			}()
		}
		synctest.Wait() // until both waiters are asleep in Wait
		mu.Lock()
		log = append(log, "setter locked")
		ready = true
		cond.Broadcast() // wakes every waiter
		log = append(log, "setter broadcast")
		mu.Unlock()
		synctest.Wait() // until both waiters are done
		assert.Equal(t, __, log)
	})
}

// Since Wait begins by unlocking c.L, the caller must hold c.L when it
// calls Wait, and still holds it when Wait returns. Wait without the lock
// unlocks a mutex that is not locked: "fatal error: sync: unlock of unlocked
// mutex", which ends the whole program (https://pkg.go.dev/sync#Mutex.Unlock).
// Here the tea comes a second late (fake time, in a synctest bubble).
func TestCallWaitWithTheLockHeld(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		tea := sync.NewCond(&mu)
		served, drinking := false, 0
		for range 2 { // two customers
			go func() {
				// __ (one statement is missing here)
				defer mu.Unlock()
				for !served {
					tea.Wait()
				}
				drinking++
			}()
		}
		time.Sleep(time.Second) // the tea comes a second later
		mu.Lock()
		served = true
		tea.Broadcast()
		mu.Unlock()
		synctest.Wait() // until both customers are done
		assert.Equal(t, 2, drinking)
	})
}
