package koan

import (
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/traceback"
)

// A dump of a koan package p: the caller left out, TestMain waits in M.Run,
// a test waits in T.Run for its subtest, a worker waits in a Mutex, a
// goroutine started by p waits on a channel in another package's function,
// and a goroutine of another package waits on a channel.
const waitDump = `goroutine 1 [chan receive]:
testing.(*T).Run(0xc00001c248, {0x7b7ad2, 0x11}, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2101 +0x4c5
testing.runTests.func1(0xc00001c248)
	/usr/local/go/src/testing/testing.go:2585 +0x37
testing.(*M).Run(0xc0000a6000)
	/usr/local/go/src/testing/testing.go:2000 +0x37
example.com/p.TestMain(0xc0000a6000)
	/w/p/main_test.go:14 +0x1a

goroutine 7 [chan receive]:
testing.(*T).Run(0xc00001c908, {0x7b7ad2, 0x11}, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2101 +0x4c5
example.com/p.TestParent(0xc00001c908?)
	/w/p/x_test.go:10 +0x65
testing.tRunner(0xc00001c908, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2036 +0xea
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:2101 +0x4c5

goroutine 9 [sync.Mutex.Lock]:
sync.(*Mutex).Lock(0xc00001c248?)
	/usr/local/go/src/sync/mutex.go:46 +0x74
example.com/p.worker()
	/w/p/x_test.go:23 +0x3d
created by example.com/p.TestParent.func1 in goroutine 8
	/w/p/x_test.go:22 +0x9a

goroutine 10 [chan send (durable), synctest bubble 1]:
example.com/lib.Produce(0xc000010000)
	/w/lib/lib.go:5 +0x3d
created by example.com/p.TestParent.func1 in goroutine 8
	/w/p/x_test.go:30 +0x9a

goroutine 11 [select]:
example.com/other.loop()
	/w/other/other.go:9 +0x3d
created by example.com/other.Start in goroutine 1
	/w/other/other.go:4 +0x9a
`

func TestBlockedInFindsAGoroutineOfThePackageByItsWaitReason(t *testing.T) {
	gs := traceback.Parse(waitDump)
	assert.True(t, blockedIn(gs, 0, "example.com/p", "sync.Mutex.Lock", nil))
	assert.True(t, blockedIn(gs, 0, "example.com/p", "sync.Mutex", []string{"p.worker"}), "a reason is a prefix")
	assert.True(t, blockedIn(gs, 0, "example.com/p", "chan send", []string{"lib.Produce"}), "started by the package counts, (durable) is dropped")
	assert.False(t, blockedIn(gs, 0, "example.com/p", "chan receive", nil), "TestMain and a test in T.Run do not count")
	assert.False(t, blockedIn(gs, 0, "example.com/p", "select", nil), "another package's goroutine does not count")
	assert.False(t, blockedIn(gs, 0, "example.com/p", "sync.Mutex.Lock", []string{"worker", "Produce"}), "every frame must be there")
	assert.False(t, blockedIn(gs, 0, "example.com/p", "sync.Mutex.Lock", []string{"TestOther"}))
}

func TestBlockedInWithNoReasonWantsEveryGoroutineOfThePackageWaiting(t *testing.T) {
	gs := traceback.Parse(waitDump)
	assert.True(t, blockedIn(gs, 0, "example.com/p", "", nil))
	assert.True(t, blockedIn(nil, 0, "example.com/p", "", nil), "no goroutine left: all have returned")
	for _, state := range []string{"running", "runnable", "preempted"} {
		gs[2].State = state
		assert.False(t, blockedIn(gs, 0, "example.com/p", "", nil), state)
	}
	assert.True(t, blockedIn(gs, 0, "example.com/p", "", []string{"lib.Produce"}), "the frames choose the goroutines")
}

// A goroutine that wg.Go has started but that has not entered its function
// yet shows only the sync package's frames: it belongs to the package of the
// goroutine that started it, here the caller itself.
func TestBlockedInCountsAGoroutineByItsCreator(t *testing.T) {
	gs := traceback.Parse(`goroutine 6 [running]:
example.com/p.TestX(0xc000003c00)
	/w/p/x_test.go:10 +0x65
testing.tRunner(0xc000003c00, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2036 +0xea
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:2101 +0x4c5

goroutine 7 [runnable]:
sync.(*WaitGroup).Go.func1()
	/usr/local/go/src/sync/waitgroup.go:238
created by sync.(*WaitGroup).Go in goroutine 6
	/usr/local/go/src/sync/waitgroup.go:238 +0x73

goroutine 8 [runnable]:
sync.(*WaitGroup).Go.func1()
	/usr/local/go/src/sync/waitgroup.go:238
created by sync.(*WaitGroup).Go in goroutine 3
	/usr/local/go/src/sync/waitgroup.go:238 +0x73
`)
	assert.False(t, blockedIn(gs, 6, "example.com/p", "", nil), "goroutine 7 is the caller's, and may run")
	assert.True(t, blockedIn(gs[:1], 6, "example.com/p", "", nil))
	gs[1].CreatorID = 3 // a creator the dump does not show
	assert.True(t, blockedIn(gs, 6, "example.com/p", "", nil), "goroutines 7 and 8 belong to no one we know")
}

func TestPackageOfCutsTheFunctionName(t *testing.T) {
	assert.Equal(t, "example.com/p", packageOf("example.com/p.TestX.func1.2"))
	assert.Equal(t, "example.com/p", packageOf("example.com/p.(*T).Run"))
	assert.Equal(t, "example.com/a.b/p_test", packageOf("example.com/a.b/p_test.TestX"))
	assert.Equal(t, "main", packageOf("main.main"))
	assert.Equal(t, "github.com/gokoans/concurrency/koan", callerPackageHere())
}

func callerPackageHere() string { return callerPackage() }

// WaitUntilBlocked, live: it returns once the goroutine waits on the channel,
// and not before it waits in the Mutex it was asked for.
func TestWaitUntilBlockedReturnsOnceAGoroutineWaits(t *testing.T) {
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { <-release })
	WaitUntilBlocked("chan receive", "TestWaitUntilBlockedReturnsOnceAGoroutineWaits")

	var mu sync.Mutex
	mu.Lock()
	var returned atomic.Bool
	wg.Go(func() {
		WaitUntilBlocked("sync.Mutex.Lock", "lockIt")
		returned.Store(true)
	})
	time.Sleep(20 * time.Millisecond)
	assert.False(t, returned.Load(), "nobody waits in the Mutex yet")
	var locked int
	wg.Go(func() { lockIt(&mu, &locked) })
	assert.Eventually(t, returned.Load, 5*time.Second, time.Millisecond)
	mu.Unlock()
	close(release)
	wg.Wait()
	assert.Equal(t, 1, locked)
}

func lockIt(mu *sync.Mutex, n *int) { mu.Lock(); *n++; mu.Unlock() }

// With no reason it waits while a goroutine of the package still runs.
func TestWaitUntilBlockedWithNoReasonWaitsForTheBusyOnes(t *testing.T) {
	var stop atomic.Bool
	var wg sync.WaitGroup
	wg.Go(func() {
		for !stop.Load() {
		}
	})
	var returned atomic.Bool
	wg.Go(func() { WaitUntilBlocked(""); returned.Store(true) })
	time.Sleep(20 * time.Millisecond)
	assert.False(t, returned.Load(), "a goroutine still runs")
	stop.Store(true)
	assert.Eventually(t, returned.Load, 5*time.Second, time.Millisecond)
	wg.Wait()
}
