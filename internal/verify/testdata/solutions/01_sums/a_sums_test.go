package sums

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// Two blanks, both needed: the assertion's, and the line of the helper.
func TestEveryBlankIsNeeded(t *testing.T) {
	assert.Equal(t, 3, count(3))
}

// count counts to n, one at a time.
func count(n int) int {
	total := 0
	for range n {
		total++
	}
	return total
}

// Two blanks, but the second is only a check: the koan passes without it.
func TestASecondBlankThatIsNotNeeded(t *testing.T) {
	sum := 0
	for i := range 4 {
		sum += i
	}
	assert.Equal(t, 6, sum)
	assert.Zero(t, sum%2)
}

// One blank: the shipped koan is its only test.
func TestAReceiveGetsTheValueSent(t *testing.T) {
	ch := make(chan int, 1)
	ch <- 7
	assert.Equal(t, 7, <-ch)
}
