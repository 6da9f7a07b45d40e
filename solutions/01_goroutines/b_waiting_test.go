package goroutines

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// The memory model: "A send on a channel is synchronized before the
// completion of the corresponding receive from that channel"
// (https://go.dev/ref/mem#chan). So whatever the goroutine wrote before its
// send happens before whatever the receiver reads after its receive.
func TestAReceiveSeesWhatTheSenderDidBeforeSending(t *testing.T) {
	var report string
	done := make(chan struct{})
	go func() {
		report = "all done"
		done <- struct{}{}
	}()
	<-done
	assert.Equal(t, "all done", report)
}

// A sync.WaitGroup is a counter: Add raises it, Done lowers it, and Wait
// blocks until it is back to zero (https://pkg.go.dev/sync#WaitGroup).
// Every Add must be matched by a Done, or Wait waits for ever. The koan runs
// in a synctest bubble, which notices at once when every goroutine in it is
// blocked.
func TestWaitReturnsOnlyWhenEveryAddIsMatchedByADone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var wg sync.WaitGroup
		squares := make([]int, 3)
		for i := range 3 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				squares[i] = i * i
			}()
		}
		wg.Wait()
		assert.Equal(t, []int{0, 1, 4}, squares)
	})
}

// Since Go 1.25, wg.Go(f) does the Add(1), starts f in a new goroutine and
// does the Done when f returns. "The return from f synchronizes before the
// return of any Wait call that it unblocks" (https://pkg.go.dev/sync#WaitGroup.Go),
// so after Wait the test may read what every f wrote.
func TestWaitGroupGoCountsTheGoroutineForYou(t *testing.T) {
	var wg sync.WaitGroup
	lengths := make([]int, 3)
	for i, word := range []string{"go", "chan", "select"} {
		wg.Go(func() { lengths[i] = len(word) })
	}
	wg.Wait()
	assert.Equal(t, []int{2, 4, 6}, lengths)
}
