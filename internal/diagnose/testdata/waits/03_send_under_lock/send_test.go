//go:build koanfixture

package sendunderlock

import (
	"sync"
	"testing"
)

type keeper struct {
	mu    sync.Mutex
	seen  map[string]bool
	added chan string
}

func (k *keeper) keep() {
	for tok := range k.added {
		k.mu.Lock()
		k.seen[tok] = true
		k.mu.Unlock()
	}
}

func TestASendUnderALockTheReceiverNeedsDeadlocks(t *testing.T) {
	k := &keeper{seen: map[string]bool{}, added: make(chan string)}
	var wg sync.WaitGroup
	wg.Go(k.keep)
	k.mu.Lock()
	for _, tok := range []string{"a", "b"} {
		k.added <- tok
	}
	k.mu.Unlock()
	close(k.added)
	wg.Wait()
}
