//go:build koanfixture

package spin

import (
	"sync/atomic"
	"testing"
)

func TestALoopThatNeverEnds(t *testing.T) {
	var stop atomic.Bool
	for !stop.Load() {
	}
}
