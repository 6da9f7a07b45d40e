package goroutines

import (
	"runtime"
	"testing"

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

func depth(n int) int {
	if n == 0 {
		return 0
	}
	return 1 + depth(n-1)
}

// A goroutine's stack starts small, a few kilobytes, and grows as needed
// (https://go.dev/doc/faq#goroutines). When a call needs more room, the
// runtime allocates a bigger stack, copies the frames over, and the same
// goroutine goes on. A goroutine gives up its thread when it blocks, or when
// the scheduler preempts it: at a function call or, since Go 1.14,
// asynchronously (https://go.dev/doc/go1.14#runtime). Growth is not a switch.
func TestAGoroutineStackGrowsAsNeeded(t *testing.T) {
	result := make(chan int)
	go func() { result <- depth(10_000) }()
	assert.Equal(t, __, <-result)
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
	runtime.Gosched() // __ : the goroutine may run now, or not; is a yield a wait?
	t.Logf("answer reads %d here", answer)
	<-done // __ : a wait, but after the read above
	assert.Equal(t, 42, answer)
}

// runtime.GOMAXPROCS(n) "sets the maximum number of CPUs that can be
// executing simultaneously and returns the previous setting. If n < 1, it
// does not change the current setting" (https://pkg.go.dev/runtime#GOMAXPROCS).
// go test -cpu 1,2,4 runs the tests once per setting, so no fixed number is
// right here: think about what always holds.
func TestGOMAXPROCSZeroReportsWithoutChanging(t *testing.T) {
	procs := runtime.GOMAXPROCS(0)
	assert.Equal(t, __, runtime.GOMAXPROCS(0) == procs)
	assert.Equal(t, __, procs >= 1)
}
