package waitgroup

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Since Go 1.25, wg.Go(f) does the bookkeeping for you: it calls Add(1),
// runs f in a new goroutine, and calls Done when f returns. Its Add runs in
// the caller, before the goroutine exists, which is just where it belongs.
// https://pkg.go.dev/sync#WaitGroup.Go
func TestGoCountsTheGoroutineInAndCallsDone(t *testing.T) {
	lengthsOf := func(words []string) []int {
		lengths := make([]int, len(words))
		var wg sync.WaitGroup
		for i := range words {
			_ = i // __ : nothing here starts, or counts, any goroutine
		}
		wg.Wait()
		return lengths
	}
	assert.Equal(t, []int{2, 4, 3, 8}, lengthsOf([]string{"go", "does", "the", "counting"}))
}

// Go's Add, like any Add that takes the counter up from zero, must happen
// before the Wait. But a task that is itself counted keeps the counter above
// zero while it runs, so it may start more tasks with Go at any time
// (https://pkg.go.dev/sync#WaitGroup.Go). A task it starts with a bare go
// statement is not counted: Wait does not wait for it, and nothing orders its
// writes before the reads after Wait. (The fake second lets it finish first.)
func TestACountedTaskMayStartMoreTasks(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		children := [][]int{0: {1, 2}, 1: {3, 4}, 2: {5}, 3: nil, 4: nil, 5: nil}
		visited := make([]bool, len(children))
		var wg sync.WaitGroup
		var visit func(node int)
		visit = func(node int) {
			visited[node] = true
			for _, child := range children[node] {
				go visit(child) // __ : does Wait know about this goroutine?
			}
		}
		wg.Go(func() { visit(0) })
		wg.Wait()
		time.Sleep(time.Second) // every walk has ended by now, on the clock
		assert.Equal(t, []bool{true, true, true, true, true, true}, visited)
	})
}

// Each Done lowers the counter by one. A counter below zero means that more
// tasks finished than were ever counted in: the WaitGroup refuses to hide
// that bug, and panics. Count the Adds and the Dones of this one task.
func TestACounterBelowZeroPanics(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		length := func(s string) int {
			var n int
			var wg sync.WaitGroup
			wg.Go(func() { defer wg.Done(); n = len(s) }) // __ : how many Dones does this task make?
			wg.Wait()
			return n
		}
		assert.Equal(t, 13, length("counted twice"))
	})
}

// A common pattern: workers send results on a channel, and one more
// goroutine waits for the workers, then closes the channel so that the
// reader's range loop can end. Wait blocks until the counter is zero. What
// if the goroutine calling Wait is itself counted in the group it waits for?
func TestAGoroutineCannotWaitForItsOwnGroup(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		words := []string{"a", "closer", "waits"}
		lengths := make(chan int)
		var wg sync.WaitGroup
		for _, w := range words {
			wg.Go(func() { lengths <- len(w) })
		}
		wg.Go(func() { wg.Wait(); close(lengths) }) // __ : should the closer be one of the workers?
		total := 0
		for n := range lengths {
			total += n
		}
		assert.Equal(t, 12, total)
	})
}
