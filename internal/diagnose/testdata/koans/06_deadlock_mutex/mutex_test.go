//go:build koanfixture

package mutexdeadlock

import (
	"sync"
	"testing"
)

func TestTwoLocksTakenInOppositeOrderDeadlock(t *testing.T) {
	var a, b sync.Mutex
	var held sync.WaitGroup
	held.Add(2)
	done := make(chan bool)
	go func() {
		a.Lock()
		held.Done()
		held.Wait()
		b.Lock()
		done <- true
	}()
	b.Lock()
	held.Done()
	held.Wait()
	a.Lock()
	<-done
}
