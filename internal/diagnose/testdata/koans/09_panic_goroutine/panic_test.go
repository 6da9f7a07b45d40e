//go:build koanfixture

package panicgoroutine

import (
	"sync"
	"testing"
)

func TestOnlyTheSenderCloses(t *testing.T) {
	ch := make(chan int, 1)
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		close(ch)
		close(ch)
	}()
	wg.Wait()
}
