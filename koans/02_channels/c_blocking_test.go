package channels

import (
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

type pipeline struct {
	results chan int
}

// The zero value of a channel type is nil, and a send or a receive on a nil
// channel blocks for ever (https://go.dev/ref/spec#Channel_types,
// https://go.dev/ref/spec#Send_statements). Unlike a nil map, which panics
// when written, a nil channel says nothing: it just never gets ready.
// A var, or a struct field, of channel type starts out nil.
func TestANilChannelBlocksForever(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := pipeline{} // __ : what does p.results hold?
		go func() { p.results <- 42 }()
		assert.Equal(t, 42, <-p.results)
	})
}
