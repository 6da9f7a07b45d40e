package once

import (
	"errors"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

var errDiskFull = errors.New("flush: disk full")

// sync.OnceFunc(f) (Go 1.21) returns a function that calls f only the first
// time it is called. Unlike Once.Do, it does not forget a panic: "If f
// panics, the returned function will panic with the same value on every
// call" (https://pkg.go.dev/sync#OnceFunc). Every caller learns that the
// work failed, not only the first. The first call below is ready for that.
func TestOnceFuncPanicsAgainOnEveryCall(t *testing.T) {
	flushes := 0
	flush := sync.OnceFunc(func() {
		flushes++
		panic(errDiskFull)
	})
	var failures []any
	noteFailure := func() {
		if r := recover(); r != nil {
			failures = append(failures, r)
		}
	}
	shutdown := func() { // two parts of the program flush on their way out
		func() { defer noteFailure(); flush() }()
		flush() // __ : f will not run again; does that make this call return quietly?
	}
	shutdown()
	assert.Equal(t, []any{errDiskFull, errDiskFull}, failures)
	assert.Equal(t, 1, flushes)
}

type conn struct{ addr string }

// sync.OnceValues(f) (Go 1.21) returns a function that calls f once and
// then returns f's two results on every call (https://pkg.go.dev/sync#OnceValues).
// Every call: an error included. f is invoked "only once", so a failed start
// is never tried again by calling again: a retry belongs inside f (package
// sync has no Once that retries).
// Here the network is down for the first attempt only, and the caller
// retries three times.
func TestOnceValuesCachesAnErrorForever(t *testing.T) {
	attempts := 0
	connect := sync.OnceValues(func() (*conn, error) {
		attempts++
		if attempts == 1 {
			return nil, errors.New("dial: network down")
		}
		return &conn{addr: "localhost:5432"}, nil
	})
	var c *conn
	var err error
	for range 3 {
		if c, err = connect(); err == nil {
			break
		}
	}
	assert.Nil(t, c)
	assert.Equal(t, __, attempts)
	assert.Equal(t, __, err.Error())
}
