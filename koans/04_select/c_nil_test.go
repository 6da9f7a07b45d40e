package selects

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A send or receive on a nil channel blocks for ever, so in a select a
// case on a nil channel can never proceed and is never chosen. What counts
// is the channel value the case expression has when the select runs, not
// what may be waiting in some channel elsewhere.
// https://go.dev/ref/spec#Select_statements
func TestACaseOnANilChannelIsNeverChosen(t *testing.T) {
	var off chan string // declared, never made: nil
	ch := make(chan string, 2)
	ch <- "first"
	ch <- "second"

	on := ch
	pick := func() string {
		select {
		case s := <-off:
			return "off: " + s
		case s := <-on:
			return s
		default:
			return "nothing ready"
		}
	}

	a := pick()
	on = nil
	b := pick()
	assert.Equal(t, __, a)
	assert.Equal(t, __, b)
	assert.Equal(t, __, len(ch))
}

// A closed channel is always ready: a receive from it proceeds at once with
// the zero value and ok false. Merging two channels, the loop must stop
// choosing a channel once it is closed, and must end once both are. Setting
// the variable to nil turns that case off for good. Here a is done at once,
// while b, slower, sends a value a second; the bubble's fake clock moves only
// while every goroutine in it is blocked.
func TestMergingTurnsOffAClosedChannelWithNil(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		a := make(chan int)
		b := make(chan int)
		go func() {
			for i := 1; i <= 3; i++ {
				a <- i
			}
			close(a)
		}()
		go func() {
			for i := 10; i <= 30; i += 10 {
				time.Sleep(time.Second)
				b <- i
			}
			close(b)
		}()

		sum := 0
		for a != nil || b != nil {
			select {
			case v, ok := <-a:
				if !ok {
					// __ (one statement is missing here: a is closed, stop choosing it)
					continue
				}
				sum += v
			case v, ok := <-b:
				if !ok {
					b = nil
					continue
				}
				sum += v
			}
		}
		assert.Equal(t, 66, sum)
	})
}
