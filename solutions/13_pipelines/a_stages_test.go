package pipelines

import (
	"sync/atomic"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// A pipeline is a series of stages joined by channels: a generator sends
// values, each stage receives from the channel before it and sends on a
// channel of its own, and a sink receives from the last. A stage owns its
// output: it made it and it alone sends on it, so it closes it once its
// input is exhausted. Then the close travels down the line, stage after
// stage, until the sink's range ends. https://go.dev/blog/pipelines
func TestEachStageClosesTheChannelItSends(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		gen := func(nums ...int) <-chan int {
			out := make(chan int)
			go func() {
				defer close(out)
				for _, n := range nums {
					out <- n
				}
			}()
			return out
		}
		sq := func(in <-chan int) <-chan int {
			out := make(chan int)
			go func() {
				defer close(out)
				for n := range in {
					out <- n * n
				}
			}()
			return out
		}
		sum := 0
		for n := range sq(sq(gen(1, 2, 3))) {
			sum += n
		}
		assert.Equal(t, 98, sum)
	})
}

// Every stage runs at once, in a goroutine of its own, but an unbuffered
// send waits for its receiver (https://go.dev/ref/spec#Send_statements):
// no stage can run ahead of the next by more than the one value it is
// trying to hand over. The sink sets the pace of the whole line.
// synctest.Wait() returns once every other goroutine of the bubble is
// blocked. When the sink has taken two squares, how many numbers has the
// generator made?
func TestUnbufferedStagesMoveInStep(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var made atomic.Int32
		nums := make(chan int)
		go func() {
			defer close(nums)
			for n := 1; n <= 10; n++ {
				made.Add(1)
				nums <- n
			}
		}()
		squares := make(chan int)
		go func() {
			defer close(squares)
			for n := range nums {
				squares <- n * n
			}
		}()
		first, second := <-squares, <-squares
		synctest.Wait()
		assert.Equal(t, 5, first+second)
		assert.Equal(t, 4, int(made.Load()))
		for range squares { // take the rest, so that both stages can finish
		}
	})
}
