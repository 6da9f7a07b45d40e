package cond

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// "The caller must hold c.L while changing the condition" (the doc of
// https://pkg.go.dev/sync#Cond). Broadcast orders the change before what a
// waiter reads once its Wait returns: it "synchronizes before any Wait call
// that it unblocks". But each waiter read the condition once already, before
// it waited, and only the lock orders that read before the change. Without
// it the two race; and outside a test, the change and its Broadcast can fall
// between a waiter's check and its Wait, and wake nobody. Calling Broadcast
// itself with the lock held is allowed, not required.
func TestChangeTheConditionWithTheLockHeld(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		opened := sync.NewCond(&mu)
		open, inside := false, 0
		var wg sync.WaitGroup
		for range 2 { // two customers wait at the door
			wg.Go(func() {
				mu.Lock()
				defer mu.Unlock()
				for !open {
					opened.Wait()
				}
				inside++
			})
		}
		time.Sleep(time.Second) // the shop opens a (fake) second later
		// __ (one statement is missing here)
		open = true
		// __ (one statement is missing here)
		opened.Broadcast()
		wg.Wait()
		assert.Equal(t, 2, inside)
	})
}
