//go:build koanfixture

package rwdeadlock

import (
	"sync"
	"testing"
)

func TestAReadLockHeldWhileWritingDeadlocks(t *testing.T) {
	var mu sync.RWMutex
	mu.RLock()
	mu.Lock()
}
