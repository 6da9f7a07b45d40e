package waitgroup

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// "A WaitGroup must not be copied after first use" (https://pkg.go.dev/sync#WaitGroup).
// A function parameter is a copy of its argument: a WaitGroup passed by
// value arrives with a counter of its own, and the Done called on that copy
// never reaches the counter that Wait is watching. go vet's copylocks check
// reports such copies before the program even runs.
func TestAWaitGroupIsSharedByPointer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := []string{"share", "the", "group"}
		lengths := make([]int, len(words))
		measure := func(i int, wg sync.WaitGroup /* __ */) {
			defer wg.Done()
			lengths[i] = len(words[i])
		}
		var wg sync.WaitGroup
		for i := range words {
			wg.Add(1)
			go measure(i, wg /* __ */)
		}
		wg.Wait()
		assert.Equal(t, []int{5, 3, 5}, lengths)
	})
}
