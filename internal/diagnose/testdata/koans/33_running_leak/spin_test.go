//go:build koanfixture

package runleak

import "testing"

var sink int

func TestAGoroutineThatNeverStopsRunningLeaks(t *testing.T) {
	go func() {
		for {
			sink++
		}
	}()
}
