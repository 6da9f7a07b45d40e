//go:build koanfixture

package lockorder

import (
	"sync"
	"testing"
)

type account struct {
	id      int
	mu      sync.Mutex
	balance int
}

// transfer holds both accounts' locks, the first one taken while between
// runs.
func transfer(from, to *account, n int, between func()) {
	first, second := from, to
	if false { // the fix: take the locks in one order, whatever the direction
		first, second = second, first
	}
	first.mu.Lock()
	defer first.mu.Unlock()
	between()
	second.mu.Lock()
	defer second.mu.Unlock()
	from.balance -= n
	to.balance += n
}

func TestTransfersInOppositeDirectionsDeadlock(t *testing.T) {
	a := &account{id: 1, balance: 100}
	b := &account{id: 2, balance: 100}
	var held sync.WaitGroup
	held.Add(2)
	both := func() { held.Done(); held.Wait() }
	var wg sync.WaitGroup
	wg.Go(func() { transfer(b, a, 30, both) })
	transfer(a, b, 10, both)
	wg.Wait()
}
