package leaks

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"go.uber.org/goleak"
)

// goleak.VerifyNone(t) fails the test if goroutines are still running when
// it is called (it retries for a moment first), but for those its options
// ignore: goleak.IgnoreCurrent() ignores the ones running when it is called,
// here the course's own hang guard (https://pkg.go.dev/go.uber.org/goleak).
// Deferred calls run in the reverse order of their defer statements
// (https://go.dev/ref/spec#Defer_statements): the check must run after the
// deferred calls that stop the test's goroutines, not before.
func TestVerifyNoneRunsAfterTheDefersThatStopGoroutines(t *testing.T) {
	running := goleak.IgnoreCurrent()
	quit := make(chan struct{})
	squares := make(chan int)
	go func() {
		for n := 1; ; n++ {
			select {
			case squares <- n * n:
			case <-quit:
				return
			}
		}
	}()
	defer close(quit)                   // __ : which deferred call runs first, this one or the check?
	defer goleak.VerifyNone(t, running) // __
	assert.Equal(t, 1, <-squares)
	assert.Equal(t, 4, <-squares)
}
