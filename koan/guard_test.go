package koan

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/traceback"
)

// The guard's signature of the running tests changes when a test starts or
// ends, and ignores goroutines that run no test.
func TestRunningTestsNamesTheTestGoroutines(t *testing.T) {
	gs := traceback.Parse(`goroutine 1 [chan receive]:
testing.(*T).Run(0xc00001c248, {0x7b7ad2, 0x11}, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2101 +0x4c5
testing.runTests.func1(0xc00001c248)
	/usr/local/go/src/testing/testing.go:2585 +0x37
testing.tRunner(0xc00001c248, 0xc00002fa48)
	/usr/local/go/src/testing/testing.go:2036 +0xea

goroutine 8 [sync.Mutex.Lock]:
sync.(*Mutex).Lock(0xc00001c248?)
	/usr/local/go/src/sync/mutex.go:46 +0x74
example.com/p.TestMutexDeadlock(0xc00001c908?)
	/w/p/x_test.go:24 +0x65
testing.tRunner(0xc00001c908, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2036 +0xea
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:2101 +0x4c5

goroutine 9 [sync.Mutex.Lock]:
example.com/p.TestMutexDeadlock.func1()
	/w/p/x_test.go:23 +0x3d
created by example.com/p.TestMutexDeadlock in goroutine 8
	/w/p/x_test.go:23 +0x9a
`)
	assert.Equal(t, "8 ", runningTests(gs))
	assert.Equal(t, "TestMutexDeadlock", stuckTest(gs))
}

func TestStuckAfterCanBeRaisedForSlowMachines(t *testing.T) {
	t.Setenv("KOAN_STUCK_AFTER", "5s")
	assert.Equal(t, "5s", stuckAfter().String())
	t.Setenv("KOAN_STUCK_AFTER", "nonsense")
	assert.Equal(t, StuckAfter, stuckAfter())
}
