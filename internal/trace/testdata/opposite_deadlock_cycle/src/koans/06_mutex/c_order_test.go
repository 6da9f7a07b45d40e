package mutex

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// An account is a balance guarded by its own Mutex.
type account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// transfer moves n from one account to the other while it holds both locks.
// pause runs between its first Lock and its second one: the koans use it to
// stop a transfer there.
func transfer(from, to *account, n int, pause func()) {
	first, second := from, to
	if false { // __ : when must a transfer lock `to` before `from`?
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	pause()
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= n
	to.balance += n
}

// deposit adds n to an account while it holds that account's lock.
func deposit(to *account, n int) {
	to.mu.Lock()
	defer to.mu.Unlock()
	to.balance += n
}

// Two goroutines that each need the same two locks, and take them in opposite
// orders, can each end up holding one lock and waiting for the other: neither
// can go on, for ever. This is the lock-order (AB-BA) deadlock. Here the first
// transfer, holding one lock, starts the second and waits until it is stuck in
// a Lock, so the unlucky interleaving happens on every run. What rule about the
// order of Locks would make a cycle of goroutines waiting for each other
// impossible, whatever the accounts, the direction and the amount?
func TestLocksTakenInOppositeOrdersDeadlock(t *testing.T) {
	a := &account{id: 1, balance: 100}
	b := &account{id: 2, balance: 100}
	c := &account{id: 3, balance: 100}
	var wg sync.WaitGroup
	transfer(a, b, 10, func() {
		wg.Go(func() { transfer(b, a, 30, func() {}) })
		koan.WaitUntilBlocked("sync.Mutex.Lock")
		wg.Go(func() { deposit(b, 5) })
	})
	wg.Wait()
	transfer(c, a, 20, func() { // the same amount both ways, with a third account
		wg.Go(func() { transfer(a, c, 20, func() {}) })
		koan.WaitUntilBlocked("sync.Mutex.Lock")
	})
	wg.Wait()
	assert.Equal(t, 120, a.balance)
	assert.Equal(t, 85, b.balance)
	assert.Equal(t, 100, c.balance)
}
