//go:build koanfixture

package race

import "testing"

func TestACounterSharedWithoutALockRaces(t *testing.T) {
	n := 0
	done := make(chan bool)
	go func() {
		n++
		done <- true
	}()
	n++
	<-done
}
