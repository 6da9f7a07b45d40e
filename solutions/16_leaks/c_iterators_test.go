package leaks

import (
	"fmt"
	"iter"
	"testing"

	"github.com/stretchr/testify/assert"
)

// iter.Pull (Go 1.23) turns a push iterator, which calls yield with each
// value, into next and stop, so that a caller can pull one value at a time.
// "If clients do not consume the sequence to completion, they must call
// stop, which allows the iterator function to finish and return"
// (https://pkg.go.dev/iter#hdr-Pulling_Values). The iterator runs on a
// goroutine of its own (in Go 1.26 a coroutine), parked at its yield.
// Here an endless counter numbers the lines; three are pulled, no more.
func TestAPulledIteratorMustBeStopped(t *testing.T) {
	counter := iter.Seq[int](func(yield func(int) bool) {
		for n := 1; ; n++ {
			if !yield(n) {
				return
			}
		}
	})
	next, stop := iter.Pull(counter)
	defer stop()
	var numbered []string
	for _, line := range []string{"alpha", "beta", "gamma"} {
		n, _ := next()
		numbered = append(numbered, fmt.Sprintf("%d %s", n, line))
	}
	assert.Equal(t, []string{"1 alpha", "2 beta", "3 gamma"}, numbered)
}
