package holes

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A declared wrong answer (the lock taken out) passes: nothing here runs
// at the same time.
func TestADeclaredWrongAnswerPasses(t *testing.T) {
	var mu sync.Mutex
	n := 0
	mu.Lock()
	n++
	mu.Unlock()
	assert.Equal(t, __, n)
}

// A return at the blank skips the check after it.
func TestAReturnAtTheBlankPasses(t *testing.T) {
	got := 0
	// __ (one statement is missing here)
	if got != 1 {
		t.Fatal("not counted")
	}
}

// A sleep at the blank passes this "race" koan: the goroutine has stored
// long before the check.
func TestASleepPassesThisRaceKoan(t *testing.T) {
	var v atomic.Int32
	done := make(chan struct{})
	go func() { v.Store(1); close(done) }()
	// __ (one statement is missing here)
	if v.Load() != 1 {
		t.Fatal("not stored yet")
	}
}

// Every wrong answer fails: the goroutine leaks without the receive.
func TestEveryWrongAnswerFails(t *testing.T) {
	ch := make(chan int)
	go func() { ch <- 1 }()
	// __ (one statement is missing here)
}
