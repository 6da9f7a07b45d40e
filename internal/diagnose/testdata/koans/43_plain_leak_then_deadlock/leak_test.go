//go:build koanfixture

package plainleakthendeadlock

import (
	"sync"
	"testing"
)

// A plain package, no TestMain: the helper's comes through -overlay, and
// its leak check must see this leak though the next test never ends.
func TestAPlainLeakBeforeADeadlock(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
}

func TestAPlainDeadlockEndsTheRun(t *testing.T) {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock()
}
