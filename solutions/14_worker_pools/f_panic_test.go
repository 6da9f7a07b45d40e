package pools

import (
	"fmt"
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// recoverInto, when it is the deferred call, stops a panic of the function
// that deferred it and stores it, as an error, in *err.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("job panicked: %v", r)
	}
}

// A panic in a job unwinds its worker's goroutine and, unrecovered, ends the
// whole program (01_goroutines). A recover deferred by the worker's own
// function stops the crash but not the unwinding: that function returns, its
// loop with it (https://go.dev/ref/spec#Handling_panics), and the pool has a
// worker fewer. A deferred call runs when its function returns, so to fail one
// job alone, each job runs in a function of its own that recovers, and its
// error goes back to whoever submitted it.
func TestAPanicInAJobFailsThatJobAloneAndThePoolServesOn(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		type job struct {
			fn    func() error
			reply chan error
		}
		jobs := make(chan job)
		var wg sync.WaitGroup
		wg.Go(func() { // the pool's one worker
			for j := range jobs {
				j.reply <- func() (err error) { defer recoverInto(&err); return j.fn() }()
			}
		})
		submit := func(fn func() error) error {
			reply := make(chan error)
			jobs <- job{fn, reply}
			return <-reply
		}
		counts := map[string]int{"jobs": 0}
		var lost map[string]int // never made: a write to it panics
		assert.NoError(t, submit(func() error { counts["jobs"]++; return nil }))
		err := submit(func() error { lost["jobs"]++; return nil })
		assert.ErrorContains(t, err, "assignment to entry in nil map")
		assert.NoError(t, submit(func() error { counts["jobs"]++; return nil }), "the worker serves on")
		close(jobs)
		wg.Wait()
		assert.Equal(t, 2, counts["jobs"])
	})
}
