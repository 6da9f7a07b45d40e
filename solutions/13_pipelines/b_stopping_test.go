package pipelines

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A sink that stops early cancels, and every stage must hear the cancel while
// it waits to send (10_context). Looking at ctx.Done() just before a send is
// not listening for it: the cancel may come while the send waits, and a plain
// send hears nothing but its receiver. The way out must be a case of the very
// select that sends, so that whichever comes first, a receiver or the cancel,
// ends the wait. Here the sink takes two squares, is busy for a minute, then
// cancels; the bubble waits for every goroutine in it to end.
func TestTheStopCaseBelongsInTheSelectThatSends(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		ctx, cancel := context.WithCancel(context.Background())
		nums := make(chan int)
		go func() {
			defer close(nums)
			for n := 1; ; n++ {
				select {
				case nums <- n:
				case <-ctx.Done():
					return
				}
			}
		}()
		squares := make(chan int)
		go func() { // the stage
			defer close(squares)
			for n := range nums {
				select {
				case <-ctx.Done():
					return
				case squares <- n * n:
				}
				// the square is sent, or the stage has stopped
			}
		}()
		got := []int{<-squares, <-squares}
		time.Sleep(time.Minute) // the sink is busy with two squares
		cancel()                // ... and then wants no more
		assert.Equal(t, []int{1, 4}, got)
	})
}

// tee copies every value of in to both of its outputs, and closes both when
// in runs dry. Each value goes to both outputs, in whichever order they are
// ready (a case on a nil channel is never chosen, 04_select), before tee
// takes the next.
func tee(in <-chan int) (<-chan int, <-chan int) {
	out1, out2 := make(chan int), make(chan int)
	go func() {
		defer close(out1)
		defer close(out2)
		for v := range in {
			o1, o2 := out1, out2
			for range 2 {
				select {
				case o1 <- v:
					o1 = nil
				case o2 <- v:
					o2 = nil
				}
			}
		}
	}()
	return out1, out2
}

// A tee hands every value to two readers, and takes the next value only
// when both have taken this one: it moves at the pace of the slower reader,
// and a reader that is not reading at all stops both. So the two outputs of
// a tee must be read at the same time, by two goroutines; one goroutine
// reading one to its end before the other waits for ever (Cox-Buday,
// Concurrency in Go, "The tee-channel").
func TestBothOutputsOfATeeMustBeReadAtOnce(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		nums := make(chan int)
		go func() {
			defer close(nums)
			for n := range 4 {
				nums <- n
			}
		}()
		logged, summed := tee(nums)
		var log []int
		done := make(chan struct{})
		keepLog := func() {
			defer close(done)
			for n := range logged {
				log = append(log, n)
			}
		}
		go keepLog()
		sum := 0
		for n := range summed {
			sum += n
		}
		<-done
		assert.Equal(t, []int{0, 1, 2, 3}, log)
		assert.Equal(t, 6, sum)
	})
}
