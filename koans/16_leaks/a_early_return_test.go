package leaks

import (
	"errors"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A fan-in that returns at the first error stops receiving, but every
// goroutine it has not heard from yet will still send. On an unbuffered
// channel each such send waits for a receiver that has gone, for ever: one
// leaked goroutine for every result not received. 04_select saved a single
// sender with a buffer of one; here several are left behind.
// https://go.dev/ref/spec#Send_statements
func TestAnEarlyReturnStrandsEverySenderNotYetHeard(t *testing.T) {
	slow := make(chan struct{}) // the healthy hosts answer once this is closed
	check := func(host string) error {
		if host == "db" {
			return errors.New("db: connection refused")
		}
		<-slow
		return nil
	}
	checkAll := func(hosts []string) error {
		errs := make(chan error) // __ : how many senders may still be sending when checkAll returns?
		for _, h := range hosts {
			go func() { errs <- check(h) }()
		}
		for range hosts {
			if err := <-errs; err != nil {
				return err
			}
		}
		return nil
	}

	err := checkAll([]string{"web", "cache", "db", "queue", "search"})
	close(slow) // the healthy hosts answer, too late
	assert.EqualError(t, err, "db: connection refused")
}

// tree is a binary tree of ints; walk sends its values in order.
type tree struct {
	left  *tree
	value int
	right *tree
}

// balanced builds a tree whose in-order walk gives values.
func balanced(values []int) *tree {
	if len(values) == 0 {
		return nil
	}
	mid := len(values) / 2
	return &tree{balanced(values[:mid]), values[mid], balanced(values[mid+1:])}
}

// walk sends t's values in order on ch, counting each node in walked. It
// reports whether it went to the end: it must stop early once quit is closed.
func walk(t *tree, ch chan<- int, quit <-chan struct{}, walked *atomic.Int64) bool {
	if t == nil {
		return true
	}
	if !walk(t.left, ch, quit, walked) {
		return false
	}
	walked.Add(1)
	select {
	case ch <- t.value:
		// __ (a case is missing here: what else may end this wait,
		// __ and what must the walk do then?)
	}
	return walk(t.right, ch, quit, walked)
}

// The Go Tour's Equivalent Binary Trees (https://go.dev/tour/concurrency/8):
// Same walks both trees in two goroutines and compares their values. At the
// first difference it knows the answer and returns, and both walkers are
// left blocked in a send nobody will receive. A walker must be told to stop,
// in every send it makes: a quit channel that Same closes on its way out.
// Same must also not walk the rest of the trees once it knows.
func TestSameMustStopItsWalkersWhenItAnswersEarly(t *testing.T) {
	var walked, walkers atomic.Int64
	ended := make(chan struct{}) // closed when the last walker has returned
	start := func(root *tree, ch chan int, quit chan struct{}) {
		walkers.Add(1)
		go func() {
			defer func() {
				if walkers.Add(-1) == 0 {
					close(ended)
				}
			}()
			walk(root, ch, quit, &walked)
			close(ch)
		}()
	}
	same := func(t1, t2 *tree) bool {
		quit := make(chan struct{})
		// __ (one statement is missing here: how do the walkers learn that same has returned?)
		c1, c2 := make(chan int), make(chan int)
		start(t1, c1, quit)
		start(t2, c2, quit)
		for {
			v1, ok1 := <-c1
			v2, ok2 := <-c2
			if ok1 != ok2 || v1 != v2 {
				return false
			}
			if !ok1 {
				return true
			}
		}
	}

	a := make([]int, 1000)
	for i := range a {
		a[i] = i + 1
	}
	b := append([]int(nil), a...)
	b[2] = 33 // the trees differ at their third value
	assert.False(t, same(balanced(a), balanced(b)))
	select { // give the walkers a moment to end, if they can
	case <-ended:
	case <-time.After(100 * time.Millisecond):
	}
	assert.LessOrEqual(t, walked.Load(), int64(8), "nodes walked")
}
