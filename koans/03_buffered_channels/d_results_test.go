package buffered

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// The caller below waits until every worker is done, and only then reads
// their results. Each worker's last act is a send. When can that send
// complete, if nobody receives before every worker is done? (A given until
// 05: wg.Go(f) runs f in a goroutine the WaitGroup counts; wg.Wait waits.)
func TestRoomForEveryResultLetsWorkersFinishFirst(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := []string{"alpha", "beta", "gamma"}
		lengths := make(chan int /* __ */)
		var wg sync.WaitGroup
		for _, w := range words {
			wg.Go(func() { lengths <- len(w) })
		}
		wg.Wait()
		close(lengths)

		total := 0
		for n := range lengths {
			total += n
		}
		assert.Equal(t, 14, total)
	})
}
