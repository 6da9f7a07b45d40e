package pipelines

import (
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A pipeline is a series of stages joined by channels: a generator sends
// values, each stage receives from the channel before it and sends on a
// channel of its own (which it closes after its last send, 02_channels), and
// a sink receives from the last. Every stage runs at once, in a goroutine of
// its own, but an unbuffered send waits for its receiver
// (https://go.dev/ref/spec#Send_statements): no stage runs ahead of the next
// by more than the one value it is trying to hand over, so the sink sets the
// pace of the whole line. This sink takes a second over each square. At what
// fake instants does the generator make its five numbers?
func TestUnbufferedStagesMoveInStep(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		var madeAt []time.Duration // the generator's: read it once the sink's range has ended
		nums := make(chan int)
		go func() { // the generator
			defer close(nums)
			for n := 1; n <= 5; n++ {
				madeAt = append(madeAt, time.Since(start))
				nums <- n
			}
		}()
		squares := make(chan int)
		go func() { // the stage
			defer close(squares)
			for n := range nums {
				squares <- n * n
			}
		}()
		sum := 0
		for sq := range squares { // the sink
			sum += sq
			time.Sleep(time.Second)
		}
		assert.Equal(t, 55, sum)
		assert.Equal(t, []time.Duration{0, 0, 0, time.Second, 2 * time.Second}, madeAt)
	})
}
