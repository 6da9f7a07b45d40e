package locks

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAMutexGuardsACounter(t *testing.T) {
	var mu sync.Mutex
	var wg sync.WaitGroup
	n := 0
	for range 10 {
		wg.Go(func() {
			mu.Lock()
			n++
			mu.Unlock()
		})
	}
	wg.Wait()
	assert.Equal(t, 10, n)
}

func TestDeferredCallsRunLastFirst(t *testing.T) {
	var log []string
	func() {
		defer func() { log = append(log, "saved") }()
		defer func() { log = append(log, "unlocked") }()
	}()
	assert.Equal(t, []string{"saved", "unlocked"}, log)
}

func TestTwoNamesInOneDeclaration(t *testing.T) {
	var a, b int
	a, b = 1, 2
	assert.Equal(t, 3, a+b)
}
