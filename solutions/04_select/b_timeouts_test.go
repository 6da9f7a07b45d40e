package selects

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// time.After(d) returns a channel that receives the time once d has passed,
// so a select with a time.After case waits at most d. Inside a
// testing/synctest bubble the clock is fake: it jumps forward only when
// every goroutine of the bubble is blocked, so an hour costs no real time,
// and time.Since reads the fake clock. https://go.dev/blog/synctest
func TestTimeAfterBoundsHowLongASelectWaits(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		answer := make(chan string)
		go func() {
			time.Sleep(time.Minute) // a slow backend
			answer <- "42"
		}()

		var got string
		select {
		case got = <-answer:
		case <-time.After(time.Second):
			got = "timed out"
		}
		assert.Equal(t, "timed out", got)
		assert.Equal(t, time.Second, time.Since(start))
		<-answer // the backend still answers; take it, so that it can finish
	})
}

// Each time a select statement runs, it evaluates its case expressions
// afresh. A time.After written inside a loop is therefore a new timer on
// every iteration: it bounds the wait for the next message, not the loop
// as a whole. (Since Go 1.23 the timers left behind are garbage collected:
// https://pkg.go.dev/time#After)
func TestATimerMadeInsideTheLoopStartsAgainEveryTime(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		beats := make(chan int)
		go func() {
			for i := range 10 {
				time.Sleep(400 * time.Millisecond)
				beats <- i
			}
		}()

		received := 0
		for waiting := true; waiting; {
			select {
			case <-beats:
				received++
			case <-time.After(time.Second):
				waiting = false
			}
		}
		assert.Equal(t, 10, received)
		assert.Equal(t, 5*time.Second, time.Since(start))
	})
}

// When a select gives up on a timeout, the goroutine that was to deliver
// the answer does not know it. If it sends on an unbuffered channel, its
// send waits for a receiver that has gone: it is blocked for ever, a leak.
// Tu et al. (ASPLOS 2019) found this very bug in Kubernetes. The sender
// must be able to finish whether or not anyone still listens.
func TestAnAnswerNobodyWaitsForLeaksItsSender(t *testing.T) {
	workDone := make(chan struct{})
	answer := make(chan string, 1)
	go func() {
		<-workDone // the slow work
		answer <- "too late"
	}()

	var got string
	select {
	case got = <-answer:
	case <-time.After(time.Millisecond):
		got = "timed out"
	}
	close(workDone) // the work ends after all, once nobody waits for it
	assert.Equal(t, "timed out", got)
}
