//go:build koanfixture

package assertion

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAClosedChannelYieldsTheZeroValue(t *testing.T) {
	ch := make(chan int)
	close(ch)
	v, ok := <-ch
	assert.Equal(t, 7, v, "a receive from a closed channel")
	assert.Equal(t, false, ok)
}
