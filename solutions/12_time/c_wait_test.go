package timing

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A janitor removes expired entries from a cache once a minute, in its own
// goroutine; it offers no way to wait for it. Testing it with time.Sleep is
// slow with a real clock and, on any clock, orders nothing (Mistake #86).
// In a bubble, time.Sleep moves the fake clock forward, and synctest.Wait
// "blocks until every goroutine within the current bubble, other than the
// current goroutine, is durably blocked": every tick due by then has been
// handled. The race detector accepts what the test reads after a Wait
// (https://pkg.go.dev/testing/synctest#Wait, https://go.dev/blog/synctest).
func TestSynctestWaitLetsATestSeeWhatABackgroundLoopDid(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		expires := map[string]time.Time{
			"tea":  time.Now().Add(90 * time.Second),
			"cake": time.Now().Add(150 * time.Second),
		}
		var evicted []string // the janitor's log: read it only when the janitor is idle
		stop := make(chan struct{})
		var wg sync.WaitGroup
		wg.Go(func() { // the janitor
			tick := time.NewTicker(time.Minute)
			defer tick.Stop()
			for {
				select {
				case now := <-tick.C:
					for key, at := range expires {
						if !now.Before(at) {
							delete(expires, key)
							evicted = append(evicted, key)
						}
					}
				case <-stop:
					return
				}
			}
		})
		time.Sleep(2*time.Minute + time.Second) // two ticks, and a second to be sure
		synctest.Wait()
		assert.Equal(t, []string{"tea"}, evicted)
		close(stop)
		wg.Wait()
	})
}
