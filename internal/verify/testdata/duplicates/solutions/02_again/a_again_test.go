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
			s.mu.Lock()
			s.seen[w] = true
			s.mu.Unlock()
		})
	}
	wg.Wait()
	assert.Equal(t, 2, len(s.seen))
}

func TestWaitInsteadOfSleeping(t *testing.T) {
	var wg sync.WaitGroup
	done := false
	wg.Go(func() { done = true })
	wg.Wait()
	assert.Equal(t, true, done)
}

func TestDeferredCleanupsRunLastFirst(t *testing.T) {
	var log []string
	func() {
		defer func() { log = append(log, "flushed") }()
		defer func() { log = append(log, "closed") }()
	}()
	assert.Equal(t, []string{"flushed", "closed"}, log)
}

func TestTwoMoreNamesInOneDeclaration(t *testing.T) {
	var x, y string
	x, y = "1", "2"
	assert.Equal(t, "12", x+y)
}
