//go:build koanfixture

package plain

import (
	"sync"
	"testing"
)

func TestSomethingPlain(t *testing.T) {
	if 1+1 != 2 {
		t.Fatal("arithmetic")
	}
}

func TestAPlainTestThatDeadlocks(t *testing.T) {
	var mu sync.Mutex
	mu.Lock()
	mu.Lock()
}
