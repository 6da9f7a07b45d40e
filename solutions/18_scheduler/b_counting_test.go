package scheduler

import (
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// What indexFiles writes, and the channel it closes when it has finished.
var (
	summary string
	indexed chan struct{}
)

// indexFiles is the work of a goroutine: it writes a summary, then closes
// indexed to say that it has finished.
func indexFiles() {
	defer close(indexed)
	summary = "3 files, 42 lines"
}

// waitUntilGone polls the stacks of all goroutines until no goroutine is in
// the function named.
func waitUntilGone(function string) {
	buf := make([]byte, 1<<20)
	for strings.Contains(string(buf[:runtime.Stack(buf, true)]), function+"(") {
		time.Sleep(time.Millisecond)
	}
}

// runtime.Stack(buf, true) writes the stacks of every goroutine, the dump
// that a crash or go test's -timeout prints; runtime.NumGoroutine counts
// them. Watching a goroutine vanish from either tells you it has ended, not
// that its writes are visible to you: "the exit of a goroutine is not
// guaranteed to be synchronized before any event in the program"
// (https://go.dev/ref/mem#goexit). Only a synchronizing operation orders them.
func TestSeeingAGoroutineEndIsNotSynchronisingWithIt(t *testing.T) {
	summary, indexed = "", make(chan struct{})
	go indexFiles()
	waitUntilGone(".indexFiles") // indexFiles has returned by now
	<-indexed
	assert.Equal(t, "3 files, 42 lines", summary)
}
