//go:build koanfixture

package fatal

import (
	"sync"
	"testing"
)

func TestUnlockingAnUnlockedMutexIsFatal(t *testing.T) {
	var mu sync.Mutex
	mu.Lock()
	mu.Unlock()
	mu.Unlock()
}

func TestTheNextKoanDoesNotRun(t *testing.T) {}
