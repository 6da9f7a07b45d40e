package scheduler

import (
	"fmt"
	"runtime/debug"
	"testing"

	"github.com/stretchr/testify/assert"
)

// When a panic crashes a program, the runtime prints by default a stack trace
// "for the current goroutine": the one that panicked. (A failure inside the
// runtime itself, such as a stack overflow, prints every goroutine.)
// GOTRACEBACK, or debug.SetTraceback, which may raise it, chooses more
// (https://pkg.go.dev/runtime#hdr-Environment_Variables). The goroutine that
// panicked is rarely the whole story: here the question is what main was
// doing when its worker panicked. The crash report must show it.
func TestAPanicReportShowsOnlyThePanickingGoroutineUnlessAskedForAll(t *testing.T) {
	_, report, _ := runCrashingProgram(t, "GOTRACEBACK=single") // __ : which level shows every goroutine?
	assert.Contains(t, report, "panic: worker failed")
	assert.Contains(t, report, "waitForTheWorker", "where main was when the worker crashed")
}

// resolve follows the links from name until it reaches a name that links
// nowhere, and says how many hops it took.
func resolve(links map[string]string, name string, hops int) (string, int, error) {
	next, ok := links[name]
	if !ok {
		return name, hops, nil
	}
	if false { // __ : the links may go round in a circle; when must resolve give up?
		return "", hops, fmt.Errorf("%q: too many hops", name)
	}
	return resolve(links, next, hops+1)
}

// A goroutine's stack grows as it needs, up to a limit: 1 GB on 64-bit
// systems unless debug.SetMaxStack changes it, and "if any goroutine exceeds
// this limit while growing its stack, the program crashes"
// (https://pkg.go.dev/runtime/debug#SetMaxStack). That crash is a fatal
// error, not a panic: the worker's recover below cannot catch it, and it ends
// every goroutine of the program. The koan lowers the limit so that the crash
// comes sooner; a deeper stack is not the cure.
func TestAStackThatOutgrowsItsLimitEndsTheProgram(t *testing.T) {
	defer debug.SetMaxStack(debug.SetMaxStack(4 << 20))
	links := map[string]string{"a": "b", "b": "c", "c": "d", "www": "web", "web": "www"}
	type answer struct {
		name string
		hops int
		err  error
	}
	answers := make(chan answer)
	for _, name := range []string{"a", "www"} {
		go func() {
			defer func() {
				if r := recover(); r != nil {
					answers <- answer{err: fmt.Errorf("recovered: %v", r)}
				}
			}()
			name, hops, err := resolve(links, name, 0)
			answers <- answer{name, hops, err}
		}()
	}
	first, second := <-answers, <-answers
	if first.err != nil {
		first, second = second, first
	}
	assert.Equal(t, answer{"d", 3, nil}, first)
	assert.ErrorContains(t, second.err, "too many hops")
}
