//go:build koanfixture

package leakthendeadlock

import "testing"

// It passes, and leaks: only the leak check after every koan can see it.
func TestALeakBeforeADeadlockIsStillALeak(t *testing.T) {
	results := make(chan int)
	go func() { results <- 42 }()
}
