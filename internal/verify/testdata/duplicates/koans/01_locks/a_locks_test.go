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
			// __ (one statement is missing here)
			n++
			// __ (one statement is missing here)
		})
	}
	wg.Wait()
	assert.Equal(t, __, n)
}

func TestDeferredCallsRunLastFirst(t *testing.T) {
	var log []string
	func() {
		defer func() { log = append(log, "unlocked") }() // __ : which runs first?
		defer func() { log = append(log, "saved") }()    // __
	}()
	assert.Equal(t, []string{"saved", "unlocked"}, log)
}

func TestTwoNamesInOneDeclaration(t *testing.T) {
	var a int // __ : and b?
	a, b = 1, 2
	assert.Equal(t, 3, a+b)
}
