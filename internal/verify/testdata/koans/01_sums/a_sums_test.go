package sums

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Two blanks, both needed: the assertion's, and the line of the helper.
func TestEveryBlankIsNeeded(t *testing.T) {
	assert.Equal(t, __, count(3))
}

// count counts to n, one at a time.
func count(n int) int {
	total := 0
	for range n {
		// __ : count one
	}
	return total
}

// Two blanks, but the second is only a check: the koan passes without it.
func TestASecondBlankThatIsNotNeeded(t *testing.T) {
	sum := 0
	for i := range 4 {
		sum += i
	}
	assert.Equal(t, __, sum)
	// __ : and check that the sum is even
}

// One blank: the shipped koan is its only test.
func TestAReceiveGetsTheValueSent(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 7
	assert.Equal(t, __, <-ch)
}
