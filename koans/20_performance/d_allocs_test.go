package performance

import (
	"strings"
	"sync"
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
		var out []int // __ : how many times will append have to grow this slice?
		for i := range n {
			out = append(out, i*i)
		}
		return out
	}
	allocs := testing.AllocsPerRun(1000, func() { sinkSquares = squares(1000) })
	assert.Equal(t, 1.0, allocs, "allocations per call of squares")
	assert.Equal(t, 998001, sinkSquares[999])
}

// Workers that each write the result at their own index need no lock and no
// append: distinct elements are distinct variables. But an index must be
// below the slice's length, not its capacity: make([]T, 0, n) has room for n
// elements and holds none, and a[x] with x out of range panics
// (https://go.dev/ref/spec#Index_expressions). A slice made with length n
// has n slots, zero to begin with, and one allocation.
func TestWorkersWriteTheirOwnSlotsWithinTheSlicesLength(t *testing.T) {
	inputs := strings.Fields("length is not capacity")
	lengths := make([]int, 0, len(inputs)) // __ : how many elements does this slice hold?
	var wg sync.WaitGroup
	for i, s := range inputs {
		wg.Go(func() { lengths[i] = len(s) })
	}
	wg.Wait()
	assert.Equal(t, []int{6, 2, 3, 8}, lengths)
}
