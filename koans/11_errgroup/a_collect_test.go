package errgroups

import (
	"strconv"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A goroutine cannot return anything to its caller: "if the function has any
// return values, they are discarded when the function completes"
// (https://go.dev/ref/spec#Go_statements). What it has to say, it sends. Send
// the value and the error together, one result for every task, failed or not,
// and the reader learns of each failure with nothing shared.
func TestAResultCarriesItsValueAndItsErrorTogether(t *testing.T) {
	type result struct {
		n   int
		err error
	}
	inputs := []string{"3", "three", "4", "four", "5"}
	results := make(chan result)
	for _, s := range inputs {
		go func() {
			n, err := strconv.Atoi(s)
			results <- result{n, err}
		}()
	}
	sum, failed := 0, 0
	for range inputs {
		r := <-results
		if r.err != nil {
			failed++
			continue
		}
		sum += r.n
	}
	assert.Equal(t, __, sum)
	assert.Equal(t, __, failed)
}
