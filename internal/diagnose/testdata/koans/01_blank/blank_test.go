//go:build koanfixture

package blank

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAPassingKoanComesFirst(t *testing.T) {
	assert.Equal(t, 2, 1+1)
}

func TestAnUnbufferedSendWaitsForAReceiver(t *testing.T) {
	ch := make(chan string)
	go func() { ch <- "ping" }()
	assert.Equal(t, __, <-ch)
}
