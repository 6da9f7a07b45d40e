package timing

import (
	"fmt"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// synctest.Test runs f in a bubble with a fake clock (see 04_select).
// Before Go 1.23 a timer's channel had a buffer of one: a timer that fired
// while nobody listened left its value there, and a Reset did not take it
// back. Since Go 1.23 the channel is synchronous, and "any receive from t.C
// after Reset has returned is guaranteed not to receive a time value
// corresponding to the previous timer settings" (https://pkg.go.dev/time#Timer.Reset,
// https://go.dev/doc/go1.23#timer-changes). When does this receive return?
func TestAResetTimerDeliversNoStaleValue(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		timer := time.NewTimer(time.Second)
		time.Sleep(3 * time.Second) // the deadline passes; nobody receives
		timer.Reset(time.Second)
		<-timer.C
		assert.Equal(t, 4*time.Second, time.Since(start))
	})
}

// Code written for Go 1.22 and earlier stopped a timer and, if Stop
// returned false, drained the channel before a Reset, to throw away a
// value nobody had received. Since Go 1.23 there is never such a value:
// Reset alone is enough (https://pkg.go.dev/time#Timer.Stop). And Stop also
// returns false when the value was received already: then the drain waits
// for a value that will never come. A synctest bubble reports that at once.
func TestDrainingAStoppedTimerCanBlockForever(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		msgs := make(chan string)
		go func() { // the peer
			defer close(msgs)
			time.Sleep(5 * time.Second)
			msgs <- "hello"
			time.Sleep(time.Second)
			msgs <- "bye"
		}()
		idle := time.NewTimer(2 * time.Second)
		var events []string
		note := func(e string) { events = append(events, fmt.Sprint(e, " at ", time.Since(start))) }
		for open := true; open; {
			select {
			case m, ok := <-msgs:
				open = ok
				if ok {
					note(m)
				}
			case <-idle.C:
				note("ping") // two idle seconds: ping the peer
			}
			if !idle.Stop() {
				// nothing to drain: since Go 1.23 no stale value is left after Stop
			}
			idle.Reset(2 * time.Second)
		}
		assert.Equal(t, []string{"ping at 2s", "ping at 4s", "hello at 5s", "bye at 6s"}, events)
	})
}

// time.AfterFunc(d, f) waits for d, then "calls f in its own goroutine". It
// returns a Timer whose Stop can still call f off, but "the returned Timer's
// C field is not used and will be nil" (https://pkg.go.dev/time#AfterFunc):
// nothing is ever sent on it, and a receive from a nil channel blocks for
// ever. Only f itself can tell that f has run. (No bubble here: real code has
// no synctest.Wait.)
func TestAnAfterFuncTimerHasNoChannel(t *testing.T) {
	var reminders []string
	sent := make(chan struct{})
	remind := func() { // sets a reminder, and returns once it has gone off
		timer := time.AfterFunc(20*time.Millisecond, func() {
			reminders = append(reminders, "stand up")
			close(sent)
		})
		defer timer.Stop()
		<-sent
	}
	remind()
	assert.Equal(t, []string{"stand up"}, reminders)
}
