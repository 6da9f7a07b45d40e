package errgroups

import (
	"errors"
	"fmt"
	"strings"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"golang.org/x/sync/errgroup"
)

// An errgroup.Group is a WaitGroup for tasks that return an error. g.Go(f)
// runs f in a new goroutine; g.Wait blocks until every f has returned, then
// returns the first non-nil error, if any
// (https://pkg.go.dev/golang.org/x/sync/errgroup#Group.Wait). A zero Group
// "does not cancel on error": a failure stops no other task. (synctest.Test
// runs its function in a bubble with a fake clock: see 04_select.)
// When does Wait return here, and with which error?
func TestWaitReturnsTheFirstErrorOnceEveryTaskHasReturned(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		errDisk, errNet := errors.New("disk full"), errors.New("network down")
		start := time.Now()
		var g errgroup.Group
		g.Go(func() error { time.Sleep(3 * time.Second); return nil })
		g.Go(func() error { time.Sleep(2 * time.Second); return errNet })
		g.Go(func() error { time.Sleep(1 * time.Second); return errDisk })
		err := g.Wait()
		assert.Equal(t, errDisk, err)
		assert.Equal(t, 3*time.Second, time.Since(start))
	})
}

// A Group hands back an error, not results, and it makes no two tasks take
// turns: tasks that add to one shared variable race, just as goroutines
// started with go do. Give each task a variable of its own (each element of
// a slice is one), and read them all after Wait, which returns only once
// every task has (in this implementation, through a sync.WaitGroup).
func TestEachTaskWritesItsOwnSlotAndTheCallerReadsAfterWait(t *testing.T) {
	words := []string{"errors", "from", "goroutines"}
	measure := func(w string) (int, error) {
		if w == "" {
			return 0, errors.New("empty word")
		}
		return len(w), nil
	}
	lengths := make([]int, len(words))
	total := 0
	var g errgroup.Group
	for i := range words {
		g.Go(func() error {
			n, err := measure(words[i])
			if err != nil {
				return err
			}
			lengths[i] = n
			return nil
		})
	}
	require.NoError(t, g.Wait())
	for _, n := range lengths {
		total += n
	}
	assert.Equal(t, 20, total)
}

// A panic in a task is a panic in a goroutine: unrecovered, it ends the whole
// program (01_goroutines), and Wait never sees it. The errgroup of this module
// (x/sync v0.22.0) recovers nothing; a comment in its Go explains why it lets
// the program crash. A task that must report a panic as an error recovers it
// itself, in a deferred call, and sets its named result
// (https://go.dev/ref/spec#Handling_panics).
func TestATaskTurnsItsOwnPanicIntoAnError(t *testing.T) {
	settings := make(map[string]string)
	var g errgroup.Group
	for _, line := range []string{"color=blue", "size"} {
		g.Go(func() (err error) {
			defer recoverInto(&err)
			key, value := parseSetting(line)
			if key == "color" {
				settings[key] = value
			}
			return nil
		})
	}
	err := g.Wait()
	assert.ErrorContains(t, err, "index out of range")
	assert.Equal(t, map[string]string{"color": "blue"}, settings)
}

// parseSetting splits "key=value". It panics on a line without "=".
func parseSetting(line string) (key, value string) {
	parts := strings.SplitN(line, "=", 2)
	return parts[0], parts[1]
}

// recoverInto, when it is the deferred call, stops a panic of the function
// that deferred it and stores it, as an error, in *err.
func recoverInto(err *error) {
	if r := recover(); r != nil {
		*err = fmt.Errorf("recovered: %v", r)
	}
}
