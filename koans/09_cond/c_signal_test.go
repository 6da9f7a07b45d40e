package cond

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// Signal wakes one waiting goroutine, if there is any; Broadcast wakes them
// all (https://pkg.go.dev/sync#Cond.Broadcast). When a change
// may let several waiters go on, every one of them must hear of it. This is
// where a Cond beats a channel: a value sent on a channel reaches a single
// receiver, and a channel closes only once, but a Cond can announce a change
// to all its waiters again and again. Each fan here waits for its own goal.
func TestBroadcastWakesEveryWaiter(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		raised := sync.NewCond(&mu)
		total := 0
		var cheered []int
		var wg sync.WaitGroup
		for _, goal := range []int{10, 15, 15} {
			wg.Go(func() {
				mu.Lock()
				defer mu.Unlock()
				for total < goal {
					raised.Wait()
				}
				cheered = append(cheered, goal)
			})
		}
		donate := func(n int) {
			mu.Lock()
			defer mu.Unlock()
			total += n
			raised.Signal() // __ : how many fans may this donation concern?
		}
		for _, n := range []int{5, 12} {
			synctest.Wait() // every fan is waiting
			donate(n)
		}
		wg.Wait()
		assert.ElementsMatch(t, []int{10, 15, 15}, cheered)
	})
}

// The goroutine that changes the condition must hold c.L while it does
// ("the caller must hold c.L while changing the condition", says the doc of
// https://pkg.go.dev/sync#Cond). Without it, the write races with the
// waiter's reads; and a change made between a waiter's check and its Wait,
// with its wake-up, comes too early to wake it. Calling Signal or
// Broadcast with the lock held is allowed, not required.
func TestChangeTheConditionWithTheLockHeld(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		opened := sync.NewCond(&mu)
		open, inside := false, 0
		for range 2 { // two customers wait at the door
			go func() {
				mu.Lock()
				defer mu.Unlock()
				for !open {
					opened.Wait()
				}
				inside++
			}()
		}
		synctest.Wait() // until both customers are waiting
		// __ (one statement is missing here)
		open = true
		// __ (one statement is missing here)
		opened.Broadcast()
		synctest.Wait() // until both are inside
		assert.Equal(t, 2, inside)
	})
}
