package selects

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A select statement waits on several communications at once. If none of
// its cases can proceed (and it has no default), it blocks until one can,
// then runs that case and only that one.
// https://go.dev/ref/spec#Select_statements
func TestSelectWaitsForWhicheverCaseCanProceed(t *testing.T) {
	tea := make(chan string)
	coffee := make(chan string)
	go func() { coffee <- "espresso" }()

	var got string
	select {
	case drink := <-tea:
		got = "tea: " + drink
	case drink := <-coffee:
		got = "coffee: " + drink
	}
	assert.Equal(t, __, got)
}

// A select with a default case never blocks: when no other case can proceed
// at that moment, default runs instead. This is how Go spells "try to
// receive": look into the mailbox, and do not wait by it.
func TestDefaultRunsWhenNoCaseCanProceed(t *testing.T) {
	mailbox := make(chan string, 1)
	check := func() string {
		select {
		case letter := <-mailbox:
			return letter
		default:
			return "no mail"
		}
	}

	before := check()
	mailbox <- "a postcard"
	after := check()
	assert.Equal(t, __, before)
	assert.Equal(t, __, after)
}

// A send can be a case too, and default makes it a "try to send": when the
// buffer is full and nobody receives, the send does not happen and the
// select moves on. Without a way out, a send on a full channel waits for a
// receiver, for ever if none comes. (A synctest bubble reports that at once,
// and its fake clock shows any wait: time moves only while all are blocked.)
func TestDefaultLetsASendGiveUpInsteadOfWaiting(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		mailbox := make(chan int, 1)
		offered, sent := 0, 0
		post := func() {
			for i := 1; i <= 3; i++ {
				select {
				case mailbox <- i:
					sent++
					// __ (a case is missing here: the way out when the mailbox is full)
				}
				offered++
			}
		}
		post()
		assert.Equal(t, 3, offered)
		assert.Equal(t, 1, sent)
		assert.Equal(t, 1, <-mailbox)
		assert.Equal(t, time.Duration(0), time.Since(start), "no send waited")
	})
}

// A select with no cases has nothing that could ever proceed, so it blocks
// for ever: the goroutine that runs it never goes on. It is not a way to
// wait for other goroutines; wait for the thing you need instead.
func TestASelectWithNoCasesWaitsForever(t *testing.T) {
	done := make(chan struct{})
	answer := 0
	go func() {
		defer close(done)
		answer = 6 * 7
	}()
	wait := func() { // must return only once answer is written
		select {} // __ : this statement never completes; wait for what you need
	}
	wait()
	assert.Equal(t, 42, answer)
}
