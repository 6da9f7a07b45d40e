package diagnose

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/traceback"
)

// A goroutine left in time.Sleep(time.Hour) is not blocked for ever: it
// outlives its koan. The leak's headline says so only when every leaked
// goroutine of the koan sleeps.
func TestALeakedSleeperIsCalledAsleepNotBlockedForever(t *testing.T) {
	dump := `goroutine 7 [sleep]:
time.Sleep(0x34630b8a000)
	/usr/local/go/src/runtime/time.go:363 +0x165
example.com/course/koans/01_x.TestX.func1()
	/course/koans/01_x/a_test.go:9 +0x25
created by example.com/course/koans/01_x.TestX in goroutine 6
	/course/koans/01_x/a_test.go:8 +0x4f
`
	sleepers := traceback.Parse(dump)
	assert.True(t, allAsleep(sleepers))
	waiting := traceback.Parse(`goroutine 8 [chan receive]:
example.com/course/koans/01_x.TestX.func2()
	/course/koans/01_x/a_test.go:12 +0x25
created by example.com/course/koans/01_x.TestX in goroutine 6
	/course/koans/01_x/a_test.go:11 +0x4f
`)
	assert.False(t, allAsleep(append(sleepers, waiting...)), "one goroutine that waits on a channel is blocked")
	assert.False(t, allAsleep(nil))
}
