package again

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

type store struct {
	mu   sync.Mutex
	seen map[string]bool
}

func TestAMutexGuardsAMapToo(t *testing.T) {
	s := store{seen: map[string]bool{}}
	var wg sync.WaitGroup
	for _, w := range []string{"a", "b", "a"} {
		wg.Go(func() {
			// __ (one statement is missing here)
			s.seen[w] = true
			// __ (one statement is missing here)
		})
	}
	wg.Wait()
	assert.Equal(t, __, len(s.seen))
}

func TestWaitInsteadOfSleeping(t *testing.T) {
	var wg sync.WaitGroup
	done := false
	wg.Go(func() { done = true })
	// __ (one statement is missing here)
	assert.Equal(t, __, done)
}

func TestDeferredCleanupsRunLastFirst(t *testing.T) {
	var log []string
	func() {
		defer func() { log = append(log, "closed") }()  // __ : which runs first?
		defer func() { log = append(log, "flushed") }() // __
	}()
	assert.Equal(t, []string{"flushed", "closed"}, log)
}

func TestTwoMoreNamesInOneDeclaration(t *testing.T) {
	var x string // __ : and y?
	x, y = "1", "2"
	assert.Equal(t, "12", x+y)
}
