//go:build go1.99

package later

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// A concept whole for a Go that is not out yet: an older go leaves this file out.
func TestAConceptWholeForALaterGo(t *testing.T) {
	assert.Equal(t, __, 1+2)
}
