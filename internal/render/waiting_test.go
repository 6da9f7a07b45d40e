package render

import (
	"strings"
	"sync"
	"testing"

	"github.com/gokoans/concurrency/internal/lang"
)

// A walk makes several go test calls, side by side, and each may fall
// silent while it builds: the learner is told once, not once a call.
func TestWaitingSaysItOnceForEveryCallOfAWalk(t *testing.T) {
	var b strings.Builder
	var mu sync.Mutex
	w := writerFunc(func(p []byte) (int, error) { mu.Lock(); defer mu.Unlock(); return b.Write(p) })
	waiting := Waiting(w, lang.English)
	var wg sync.WaitGroup
	for range 3 {
		wg.Go(func() { waiting(true) })
	}
	wg.Wait()
	waiting(false)
	if got, want := b.String(), "Building the koans with the race detector...\n"; got != want {
		t.Errorf("said %q, want %q once", got, want)
	}
}

type writerFunc func([]byte) (int, error)

func (f writerFunc) Write(p []byte) (int, error) { return f(p) }
