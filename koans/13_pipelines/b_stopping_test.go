package pipelines

import (
	"context"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A sink may stop before the generator runs dry: this one wants only the
// first square above 10, from numbers that never end. Once it returns,
// nobody receives again, and a stage blocked on a send that nobody will
// receive waits for ever: every stage before the sink leaks (Go cannot stop
// a goroutine from outside). The sink cancels as it leaves; each send must
// be able to hear that, or it has no plan to stop. https://go.dev/blog/pipelines
func TestASinkThatStopsEarlyStrandsEveryStageBeforeIt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	// send hands v to the next stage, or gives up; it reports whether v was sent.
	send := func(ctx context.Context, out chan<- int, v int) bool {
		select {
		case out <- v:
			return true
			// __ (a case is missing here: which channel says that nobody will receive v?)
			// __ (and what the case must report)
		}
	}
	gen := func(ctx context.Context) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for n := 1; ; n++ {
				if !send(ctx, out, n) {
					return
				}
			}
		}()
		return out
	}
	sq := func(ctx context.Context, in <-chan int) <-chan int {
		out := make(chan int)
		go func() {
			defer close(out)
			for n := range in {
				if !send(ctx, out, n*n) {
					return
				}
			}
		}()
		return out
	}
	var seen []int
	for n := range sq(ctx, gen(ctx)) {
		seen = append(seen, n)
		if n > 10 {
			break
		}
	}
	assert.Equal(t, []int{1, 4, 9, 16}, seen)
}

// Looking at ctx.Done() just before a send is not listening for it: the
// cancel may come while the send waits, and a plain send hears nothing but
// its receiver. The way out must be a case of the very select that sends,
// so that whichever comes first, a receiver or the cancel, ends the wait.
// Here the sink takes one square, is busy for a minute, then cancels; the
// bubble waits for every goroutine in it to end.
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
				default: // __ : the cancel may come after this look, while the send below waits: what hears it then?
				}
				squares <- n * n // __ : a send that hears nothing but its receiver
			}
		}()
		first := <-squares
		time.Sleep(time.Minute) // the sink is busy with the first square
		cancel()                // ... and then wants no more
		assert.Equal(t, 1, first)
	})
}

// A stage may leave two ways: its input runs dry, or it is cancelled. Its
// output must be closed on both, or whoever ranges over it after a cancel
// waits for ever. A deferred call runs however the function returns
// (https://go.dev/ref/spec#Defer_statements). The same stage runs twice
// here: once to the end of its input, once cut short. synctest.Wait() returns
// once every other goroutine of the bubble is blocked.
func TestEveryWayOutOfAStageClosesItsOutput(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		sq := func(ctx context.Context, in <-chan int) <-chan int {
			out := make(chan int)
			go func() {
				// __ (one statement is missing here: how does out get closed on every way out?)
				for n := range in {
					select {
					case out <- n * n:
					case <-ctx.Done():
						return
					}
				}
				close(out) // __ : is this the only way out of this goroutine?
			}()
			return out
		}
		ctx, cancel := context.WithCancel(context.Background())

		nums := make(chan int, 3) // a run to the end of its input
		nums <- 1
		nums <- 2
		nums <- 3
		close(nums)
		sum := 0
		for n := range sq(ctx, nums) {
			sum += n
		}
		assert.Equal(t, 14, sum)

		endless := make(chan int) // a run cut short
		go func() {
			defer close(endless)
			for n := 1; ; n++ {
				select {
				case endless <- n:
				case <-ctx.Done():
					return
				}
			}
		}()
		squares := sq(ctx, endless)
		first := <-squares
		cancel()
		synctest.Wait()     // the stage hears the cancel before anyone receives again
		for range squares { // drain what is left, until the stage closes its output
		}
		assert.Equal(t, 1, first)
	})
}
