//go:build koanfixture

package leakthendeadlock

import (
	"testing"
	"testing/synctest"
)

// A synctest deadlock panics and ends the test binary before the leak check.
func TestADeadlockEndsTheRunBeforeTheLeakCheck(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		<-make(chan int)
	})
}
