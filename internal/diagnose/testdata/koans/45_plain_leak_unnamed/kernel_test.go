//go:build koanfixture

package plainleakunnamed

import (
	"testing"
	"time"
)

// Modelled on a GoBench blocking kernel: the goroutine that leaks is
// started by a function the test calls, not by the test itself, so no
// frame of it names a test.
type request struct{ timeout time.Duration }

func finishRequest(r request, fn func() error) error {
	ch := make(chan error) // unbuffered: the result waits for a reader
	go func() {
		ch <- fn()
	}()
	select {
	case err := <-ch:
		return err
	case <-time.After(r.timeout):
		return nil // gave up: nobody will ever read ch
	}
}

func TestAKernelLeaksThroughAHelper(t *testing.T) {
	finishRequest(request{timeout: time.Millisecond}, func() error {
		time.Sleep(20 * time.Millisecond)
		return nil
	})
}
