//go:build koanfixture

package chancycle

import (
	"sync"
	"testing"
	"testing/synctest"
)

func TestTwoReplicasWaitForEachOther(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		replica := func(mine chan struct{}, peer <-chan struct{}) {
			<-peer
			close(mine)
		}
		readyA, readyB := make(chan struct{}), make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() { replica(readyA, readyB) })
		wg.Go(func() { replica(readyB, readyA) })
		wg.Wait()
	})
}
