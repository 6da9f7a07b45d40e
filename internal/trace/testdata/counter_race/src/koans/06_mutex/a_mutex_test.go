package mutex

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// n++ is three steps: read n, add one, write n back. When two goroutines do
// it at the same moment, an increment can be lost. But a data race needs no
// bad timing: two accesses to one variable, one of them a write, race when
// nothing orders them by happens-before (https://go.dev/ref/mem). takeTurns
// runs two functions one after the other in time, yet it only watches, it
// does not synchronise, so the race detector still reports a race. A
// sync.Mutex lets one goroutine at a time in between Lock and Unlock, and
// orders each turn after the one before (https://pkg.go.dev/sync#Mutex).
// Keep the mutex next to the data it guards.
func TestAMutexGuardsACounter(t *testing.T) {
	var counter struct {
		mu sync.Mutex
		n  int
	}
	increment := func() {
		// __ (one statement is missing here)
		counter.n++
		// __ (one statement is missing here)
	}
	takeTurns(increment, increment)
	assert.Equal(t, 2, counter.n)
}

// Why a critical section is safe: for any Mutex, call n of Unlock is
// synchronized before call m of Lock returns, for n < m
// (https://go.dev/ref/mem#locks). What a goroutine wrote before it unlocked,
// the goroutine that locks next is sure to see. And a Mutex belongs to no
// goroutine: one goroutine may Lock it and another Unlock it.
func TestUnlockHappensBeforeTheNextLockReturns(t *testing.T) {
	var mu sync.Mutex
	var greeting string
	mu.Lock()
	go func() {
		greeting = "hello, world"
		mu.Unlock()
	}()
	mu.Lock() // waits for the Unlock above
	assert.Equal(t, __, greeting)
}

// Go maps are not safe for concurrent use (https://go.dev/doc/faq#atomic_maps):
// two goroutines writing one map race even on different keys, since both
// writes change the map's shared insides. Without -race, when the runtime
// catches two writers at the same moment, it ends the whole program with
// "fatal error: concurrent map writes": a fatal error, not a panic, so no
// recover can catch it. Here the writes take turns in time, so that check
// never fires; the race detector, which follows happens-before, still sees
// the race.
func TestAMutexGuardsAMap(t *testing.T) {
	seen := struct {
		mu    sync.Mutex
		count map[string]int
	}{count: map[string]int{}}
	add := func(word string) {
		// __ (one statement is missing here)
		seen.count[word]++
		// __ (one statement is missing here)
	}
	takeTurns(func() { add("go") }, func() { add("stop") })
	assert.Equal(t, map[string]int{"go": 1, "stop": 1}, seen.count)
}

// takeTurns calls first in a new goroutine, then second in this one once
// first has returned, then lets the new goroutine end. It waits by watching
// the goroutine (see koan.WaitUntilBlocked), not by synchronising with it: nothing
// it does makes first's memory accesses happen before second's.
func takeTurns(first, second func()) {
	release := make(chan struct{})
	go func() {
		first()
		<-release
	}()
	koan.WaitUntilBlocked("chan receive")
	second()
	close(release)
}
