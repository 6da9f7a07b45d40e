package once

import (
	"fmt"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

type database struct{ name string }

// "If once.Do(f) is called multiple times, only the first call will invoke
// f, even if f has a different value in each invocation. A new instance of
// Once is required for each function to execute"
// (https://pkg.go.dev/sync#Once.Do). A Once remembers that it has run, not
// what it ran.
func TestEachInitialisationNeedsItsOwnOnce(t *testing.T) {
	var s struct { // a service that starts two things lazily
		cfg *config
		db  *database

		once sync.Once // __ : how many functions can one Once run?
	}
	getConfig := func() *config {
		s.once.Do(func() { s.cfg = &config{endpoint: "https://example.com"} })
		return s.cfg
	}
	getDatabase := func() *database {
		s.once.Do(func() { s.db = &database{name: "orders"} }) // __ : has this Once run a function already?
		return s.db
	}
	assert.Equal(t, "https://example.com", getConfig().endpoint)
	var dbs [2]*database
	var wg sync.WaitGroup
	for i := range dbs {
		wg.Go(func() { dbs[i] = getDatabase() })
	}
	wg.Wait()
	assert.Same(t, dbs[0], dbs[1])
	assert.Equal(t, "orders", dbs[0].name)
}

// If f panics, "Do considers it to have returned; future calls of Do return
// without calling f" (https://pkg.go.dev/sync#Once.Do). The panic reaches
// the first caller; every later caller gets a quiet return, and whatever f
// was to set stays unset. Here the config file is missing on the first try
// and there on the second: how many times is load called, and what does the
// retry find?
func TestAPanicInDoStillCountsAsDone(t *testing.T) {
	var once sync.Once
	var settings map[string]string
	attempts := 0
	load := func() {
		attempts++
		if attempts == 1 {
			panic("config file not found")
		}
		settings = map[string]string{"mode": "fast"}
	}
	try := func() (err error) {
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("load: %v", r)
			}
		}()
		once.Do(load)
		return nil
	}
	assert.Error(t, try())
	assert.NoError(t, try()) // the retry
	assert.Equal(t, __, attempts)
	assert.Equal(t, __, settings["mode"])
}

// "Because no call to Do returns until the one call to f returns, if f
// causes Do to be called, it will deadlock" (https://pkg.go.dev/sync#Once.Do).
// f here fills in the settings, and works out one of them from another
// through the getter, which calls Do on the same Once. Under go test nothing
// reports such a wait; the koans' hang guard does.
func TestDoCalledFromItsOwnFunctionDeadlocks(t *testing.T) {
	type urls struct{ base, api string }
	var once sync.Once
	var u *urls
	var get func() *urls
	get = func() *urls {
		once.Do(func() {
			u = &urls{base: "https://example.com"}
			u.api = get().base + "/api" // __ : f is still running: what does this Do wait for?
		})
		return u
	}
	assert.Equal(t, "https://example.com/api", get().api)
}
