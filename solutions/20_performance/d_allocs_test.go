package performance

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// sinkSquares keeps what the koan computes, so that the slice outlives the
// call and lives on the heap, as a result handed back to a caller does.
var sinkSquares []int

// testing.AllocsPerRun calls a function many times and returns the average
// number of heap allocations per call (https://pkg.go.dev/testing#AllocsPerRun):
// a count, the same on every machine, where a timing is not. append grows a
// full slice by allocating a larger array and copying into it
// (https://go.dev/ref/spec#Appending_and_copying_slices); a slice made with
// the capacity it will need never grows. Make squares allocate once.
func TestMakeTheSliceWithTheCapacityItWillNeed(t *testing.T) {
	squares := func(n int) []int {
		out := make([]int, 0, n)
		for i := range n {
			out = append(out, i*i)
		}
		return out
	}
	allocs := testing.AllocsPerRun(1000, func() { sinkSquares = squares(1000) })
	assert.Equal(t, 1.0, allocs, "allocations per call of squares")
	assert.Equal(t, 998001, sinkSquares[999])
}
