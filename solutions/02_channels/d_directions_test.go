package channels

import (
	"fmt"
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

// A channel type may carry a direction (https://go.dev/ref/spec#Channel_types):
// chan<- T may only send (and close), <-chan T may only receive. A chan T is
// assignable to either, and the result is the same channel with fewer rights:
// what goes in at one end comes out at the other. The compiler rejects a
// receive from a chan<- T, and a send on, or a close of, a <-chan T.
func TestADirectionalChannelIsTheSameChannelWithFewerRights(t *testing.T) {
	ch := make(chan int)
	var out chan<- int = ch
	var in <-chan int = ch
	go func() {
		defer close(out)
		for i := 1; i <= 3; i++ {
			out <- i
		}
	}()
	sum := 0
	for n := range in {
		sum += n
	}
	assert.Equal(t, 6, sum)
	assert.Equal(t, "chan<- int", fmt.Sprintf("%T", out))
	assert.Equal(t, "<-chan int", fmt.Sprintf("%T", in))
}

// Direction can be dropped, never regained: a bidirectional channel is
// assignable to a directional channel type, but no assignment or conversion
// turns a <-chan T back into a chan T, or into a chan<- T. A function that
// receives a <-chan T can therefore never send on it or close it. The
// compiler checks this; package reflect asks the same questions at run time
// (https://pkg.go.dev/reflect#Type).
func TestDirectionCanBeDroppedButNeverRegained(t *testing.T) {
	both := reflect.TypeFor[chan int]()
	receiveOnly := reflect.TypeFor[<-chan int]()
	sendOnly := reflect.TypeFor[chan<- int]()
	assert.Equal(t, true, both.AssignableTo(receiveOnly))
	assert.Equal(t, false, receiveOnly.ConvertibleTo(both))
	assert.Equal(t, false, receiveOnly.ConvertibleTo(sendOnly))
}
