//go:build koanfixture

package racethenfatal

import (
	"sync"
	"testing"
	"time"
)

// Modelled on loong/go-concurrency-exercises' 2-race-in-cache: a cache
// shared by goroutines with no lock. The race detector reports the race
// first; then the runtime's check ends the program with "concurrent map
// writes".
func TestACacheWithoutALockRacesThenCrashes(t *testing.T) {
	cache := map[int]int{}
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			cache[g] = g
			time.Sleep(100 * time.Millisecond) // the race report first
			for i := range 1000000 {
				cache[i%64] = g
			}
		})
	}
	wg.Wait()
}
