package goroutines

import (
	"runtime"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A panic that no deferred call recovers ends the whole program, whichever
// goroutine it happens in. recover stops a panic only when a deferred
// function calls it in the goroutine that is panicking
// (https://go.dev/ref/spec#Handling_panics): the test's own deferred recover
// below never sees the goroutine's panic. A goroutine that must survive a
// panic recovers it itself, and can report what it caught over a channel.
func TestRecoverWorksOnlyInThePanickingGoroutine(t *testing.T) {
	defer func() { assert.Nil(t, recover()) }()
	caught := make(chan any)
	go func() {
		// __ (one statement is missing here)
		panic("worker failed")
	}()
	assert.Equal(t, "worker failed", <-caught)
}

// goroutineID reads the number of the running goroutine from the first line
// of its stack dump, "goroutine 7 [running]:". Go gives goroutines no
// identity on purpose (https://go.dev/doc/faq#no_goroutine_id); the koan
// reads it only to observe which goroutine is running.
func goroutineID() string {
	buf := make([]byte, 64)
	header := strings.Fields(string(buf[:runtime.Stack(buf, false)]))
	return header[1]
}

// descend calls itself n times, each call with a frame of half a kilobyte,
// and calls atTheBottom from the deepest one.
func descend(n int, atTheBottom func()) int {
	var frame [64]int64
	frame[n%64] = int64(n)
	if n == 0 {
		atTheBottom()
		return 0
	}
	return descend(n-1, atTheBottom) + int(frame[n%64]) - n + 1
}

// A myth: "the scheduler switches goroutines when a stack runs short". A
// goroutine's stack starts small and grows as needed
// (https://go.dev/doc/faq#goroutines): when a call needs more room than is
// left, the runtime gives the goroutine a larger stack, copies its frames
// over, and the same goroutine goes on with the call. The recursion below
// runs its stack short again and again, from kilobytes to megabytes.
// Which goroutine is running at the bottom?
func TestAStackThatRunsShortGrowsAndTheSameGoroutineGoesOn(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	top, bottom := goroutineID(), ""
	assert.NotEmpty(t, top)
	depth := descend(10_000, func() {
		bottom = goroutineID()
		runtime.ReadMemStats(&after)
	})
	assert.Equal(t, 10_000, depth)
	assert.Greater(t, after.StackInuse, before.StackInuse+2<<20, "the stack grew by more than 2 MB")
	assert.Equal(t, __, bottom)
}

// A second myth: a goroutine that never blocks keeps its thread until it
// yields. The runtime asks a goroutine that has run for about 10 ms to stop;
// before Go 1.14 it noticed only at a function call's stack check, so a loop
// without calls could starve the others (golang/go#10958); since 1.14 a signal
// stops it almost anywhere (https://go.dev/doc/go1.14#runtime). That is the
// runtime's behaviour: the spec promises no fairness. Below, with one P
// (GOMAXPROCS 1), a goroutine spins on a flag that only the test can set.
// (A given until 07: stop.Load and stop.Store read and write the flag atomically.)
func TestASpinningGoroutineIsPreemptedAnyway(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(1))
	var stop atomic.Bool
	var log []string
	spinning, done := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(done)
		log = append(log, "spinner: spinning")
		close(spinning)
		for !stop.Load() {
		}
		log = append(log, "spinner: stopped")
	}()
	<-spinning
	time.Sleep(time.Millisecond) // the spinner has the only P now
	log = append(log, "test: my turn came")
	stop.Store(true)
	<-done
	assert.Equal(t, __, log)
}

// runtime.Gosched "yields the processor, allowing other goroutines to run"
// (https://pkg.go.dev/runtime#Gosched). The memory model lists what orders
// one goroutine's write before another's read: channels, locks, WaitGroup,
// Once, atomics (https://go.dev/ref/mem#synchronization). A yield is not on
// that list, so the race detector judges the read below by happens-before,
// not by what happened to run first.
func TestGoschedYieldsButDoesNotSynchronise(t *testing.T) {
	var answer int
	done := make(chan struct{})
	go func() {
		answer = 42
		close(done)
	}()
	await := func() { // must return only once the goroutine has written answer
		runtime.Gosched() // __ : the goroutine may run now, or not; is a yield a wait?
	}
	await()
	t.Logf("answer reads %d here", answer)
	<-done // the goroutine has finished by here, whatever happened above
	assert.Equal(t, 42, answer)
}
