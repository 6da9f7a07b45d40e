//go:build go1.99

package gate

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A koan for a Go that is not out yet: an older go leaves this file out.
func TestAKoanForALaterGo(t *testing.T) {
	assert.Equal(t, 3, 1+2)
}
