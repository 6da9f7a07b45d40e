package channels

import (
	"reflect"
	"testing"

	"github.com/stretchr/testify/assert"
)

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
	assert.Equal(t, __, both.AssignableTo(receiveOnly))
	assert.Equal(t, __, receiveOnly.ConvertibleTo(both))
	assert.Equal(t, __, receiveOnly.ConvertibleTo(sendOnly))
}
