package errgroups

import (
	"errors"
	"io/fs"
	"strconv"
	"sync"
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

// Errors may also be gathered into one slice, if the goroutines take turns
// with it (06_mutex): append reads the slice and writes it back, and two
// appends that nothing orders race, and may lose an error. errors.Join then
// wraps them all in one error, and errors.Is finds each one inside it
// (https://pkg.go.dev/errors#Join).
func TestErrorsGatheredFromGoroutinesTakeTurnsUnderALock(t *testing.T) {
	open := map[string]error{"a.txt": nil, "b.txt": fs.ErrNotExist, "c.txt": fs.ErrPermission}
	var gathered struct {
		mu   sync.Mutex
		errs []error
	}
	var wg sync.WaitGroup
	for name := range open {
		wg.Go(func() {
			if err := open[name]; err != nil {
				// __ (one statement is missing here)
				gathered.errs = append(gathered.errs, err)
				// __ (one statement is missing here)
			}
		})
	}
	wg.Wait()
	err := errors.Join(gathered.errs...)
	assert.ErrorIs(t, err, fs.ErrNotExist)
	assert.ErrorIs(t, err, fs.ErrPermission)
}
