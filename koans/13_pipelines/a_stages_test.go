package pipelines

import (
	"sync"
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
		assert.Equal(t, __, madeAt)
	})
}

// stage starts n workers that each take a value from in, work on it for the
// given time and pass it on; once every worker is done, it closes its output.
func stage(n int, work time.Duration, in <-chan int) <-chan int {
	out := make(chan int)
	var wg sync.WaitGroup
	for range n {
		wg.Go(func() {
			for v := range in {
				time.Sleep(work)
				out <- v
			}
		})
	}
	go func() { wg.Wait(); close(out) }()
	return out
}

// A pipeline moves at the pace of its slowest stage: values leave it no
// faster than that stage lets them through, however fast the others are, so
// a worker more helps there and nowhere else. Here six photos are parsed in
// a second each, resized in three and saved in one, and five workers are
// shared among the three stages, at least one each. How many go to each?
func TestAPipelineMovesAtThePaceOfItsSlowestStage(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		parse, resize, save := 1, 1, 1 // __ : five workers in all: where does one more help?
		assert.Equal(t, 5, parse+resize+save, "five workers in all")
		photos := make(chan int)
		go func() {
			defer close(photos)
			for p := range 6 {
				photos <- p
			}
		}()
		start := time.Now()
		saved := stage(save, time.Second, stage(resize, 3*time.Second, stage(parse, time.Second, photos)))
		n := 0
		for range saved {
			n++
		}
		assert.Equal(t, 6, n)
		assert.Equal(t, 10*time.Second, time.Since(start), "the last photo is saved")
	})
}
