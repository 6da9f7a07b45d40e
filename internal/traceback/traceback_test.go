package traceback

import (
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const dump = `panic: test timed out after 4s
	running tests:
		TestX (4s)

goroutine 21 [running]:
testing.(*M).startAlarm.func1()
	/usr/local/go/src/testing/testing.go:2682 +0x345
created by time.goFunc
	/usr/local/go/src/time/sleep.go:215 +0x2d

goroutine 7 [sync.Mutex.Lock, 2 minutes]:
internal/sync.runtime_SemacquireMutex(0xc000018148?, 0x0?, 0x0?)
	/usr/local/go/src/runtime/sema.go:95 +0x25
sync.(*Mutex).Lock(0x10ae7fef0?)
	/usr/local/go/src/sync/mutex.go:46 +0x74
example.com/k/koans/01_x.TestX.func1()
	/w/koans/01_x/x_test.go:12 +0x4f
...additional frames elided...
created by example.com/k/koans/01_x.TestX in goroutine 6
	/w/koans/01_x/x_test.go:11 +0x9a

goroutine 22 [chan receive (durable), synctest bubble 1]:
example.com/k/koans/01_x.TestY.func1(0xc0000a26c8?)
	/w/koans/01_x/x_test.go:30 +0x2d
created by testing/synctest.testingSynctestTest in goroutine 21
	/usr/local/go/src/testing/testing.go:2150 +0x5fd
`

func TestParseReadsEveryGoroutineBlock(t *testing.T) {
	gs := Parse(dump)
	require.Len(t, gs, 3)

	g := gs[1]
	assert.Equal(t, 7, g.ID)
	assert.Equal(t, "sync.Mutex.Lock", g.State)
	assert.Equal(t, []Frame{
		{Func: "internal/sync.runtime_SemacquireMutex", File: "/usr/local/go/src/runtime/sema.go", Line: 95, Args: "0xc000018148?, 0x0?, 0x0?"},
		{Func: "sync.(*Mutex).Lock", File: "/usr/local/go/src/sync/mutex.go", Line: 46, Args: "0x10ae7fef0?"},
		{Func: "example.com/k/koans/01_x.TestX.func1", File: "/w/koans/01_x/x_test.go", Line: 12},
	}, g.Frames)
	assert.Equal(t, Frame{Func: "example.com/k/koans/01_x.TestX", File: "/w/koans/01_x/x_test.go", Line: 11}, g.CreatedBy)
	assert.Equal(t, 6, g.CreatorID)
	assert.Equal(t, "TestX", g.Test())

	b := gs[2]
	assert.Equal(t, "chan receive", b.State)
	assert.Equal(t, 1, b.Bubble)
	assert.Equal(t, "TestY", b.Test())
}

// GOTRACEBACK=system (and crash) add the goroutine's addresses to its
// header and the frame pointers to each location.
func TestParseReadsSystemTracebacks(t *testing.T) {
	gs := Parse(`goroutine 23 gp=0xc000084d20 m=nil [sync.Mutex.Lock]:
sync.(*Mutex).Lock(0x10ae7fef0?)
	/usr/local/go/src/sync/mutex.go:46 +0x74 fp=0xc00005bf08 sp=0xc00005bee8 pc=0x4b3a34
example.com/k/koans/01_x.TestX(0xc000003dc0)
	/w/koans/01_x/x_test.go:17 +0x65 fp=0xc00005bf38 sp=0xc00005bf08 pc=0x5f2e45
`)
	require.Len(t, gs, 1)
	f, ok := gs[0].FirstIn(func(file string) bool { return file == "/w/koans/01_x/x_test.go" })
	require.True(t, ok)
	assert.Equal(t, 17, f.Line)
}

func TestTestNameFindsTheTopLevelTest(t *testing.T) {
	for fn, want := range map[string]string{
		"example.com/p.TestX":                   "TestX",
		"example.com/p.TestX.func1.2":           "TestX",
		"github.com/a/b/koans/01_x.TestY.func3": "TestY",
		"example.com/p.TestMain":                "",
		"example.com/p.helper":                  "",
		"testing.tRunner":                       "",
		"":                                      "",
	} {
		assert.Equal(t, want, TestName(fn), fn)
	}
}

// Whatever it is given, Parse returns (dumps reach it cut short, mixed with
// test output, or not at all).
func FuzzParse(f *testing.F) {
	f.Add(dump)
	f.Add("goroutine 1 [running]:\n")
	f.Add("goroutine x [\ncreated by\n\t:0\n")
	f.Add("goroutine 7 [select]:\nmain.f(\n\t/a.go:1 +0x1\ncreated by main.g in goroutine\n")
	f.Fuzz(func(t *testing.T, s string) {
		for _, g := range Parse(s) {
			_ = g.Test()
			_, _ = g.FirstIn(func(string) bool { return true })
			_ = TestName(g.CreatedBy.Func)
		}
	})
}

// A sleeper on the real clock wakes by itself; one in a synctest bubble
// waits for the fake clock, which its neighbours may hold back for ever.
func TestASleepInABubbleWaitsForItsNeighbours(t *testing.T) {
	assert.True(t, MayWake(Goroutine{State: "sleep"}))
	assert.False(t, MayWake(Goroutine{State: "sleep", Bubble: 3}))
	assert.True(t, MayWake(Goroutine{State: "running", Bubble: 3}))
	assert.False(t, MayWake(Goroutine{State: "sync.Mutex.Lock"}))
}

// The koan's goroutines are those that run its code or were started by it,
// and those started by them whatever they run (wg.Go starts a method from
// the sync package); the innermost running test names the koan.
func TestTheKoansGoroutinesAreOneRule(t *testing.T) {
	gs := Parse(`goroutine 8 [sync.WaitGroup.Wait]:
sync.(*WaitGroup).Wait(0xc000012345)
	/usr/local/go/src/sync/waitgroup.go:118 +0x60
example.com/p.TestKeep(0xc00001c908)
	/w/p/x_test.go:24 +0x65
testing.tRunner(0xc00001c908, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2036 +0xea
created by testing.(*T).Run in goroutine 1
	/usr/local/go/src/testing/testing.go:2101 +0x4c5

goroutine 9 [chan receive]:
example.com/p.(*keeper).keep(0xc000010000)
	/w/p/x_test.go:12 +0x3d
sync.(*WaitGroup).Go.func1()
	/usr/local/go/src/sync/waitgroup.go:239 +0x4a
created by sync.(*WaitGroup).Go in goroutine 8
	/usr/local/go/src/sync/waitgroup.go:237 +0x73

goroutine 10 [chan receive]:
example.com/p.elsewhere()
	/w/p/y.go:3 +0x3d
created by example.com/p.init in goroutine 1
	/w/p/y.go:9 +0x9a
`)
	assert.Equal(t, "TestKeep", RunningTest(gs))
	assert.Equal(t, []int{8, 9}, IDs(OfTest(gs, "TestKeep")))
	assert.Empty(t, OfTest(gs, ""))
	assert.Equal(t, []int{8, 10}, IDs(WithIDs(gs, []int{10, 8})), "in the dump's order")
}
