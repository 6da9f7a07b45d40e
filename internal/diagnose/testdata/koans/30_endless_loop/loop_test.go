//go:build koanfixture

package endless

import "testing"

func TestAnEndlessLoopIsShownAtItsLine(t *testing.T) {
	n := 0
	for {
		n++
	}
}
