package koan

import (
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/koan/report"
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
	assert.Equal(t, "TestMutexDeadlock", traceback.RunningTest(gs))
	assert.Equal(t, []int{8, 9}, traceback.IDs(traceback.OfTest(gs, "TestMutexDeadlock")))
}

func TestStuckAfterCanBeRaisedForSlowMachines(t *testing.T) {
	t.Setenv("KOANS_STUCK_AFTER", "5s")
	assert.Equal(t, "5s", stuckAfter().String())
	t.Setenv("KOANS_STUCK_AFTER", "nonsense")
	assert.Equal(t, StuckAfter, stuckAfter())
}

// KOAN_STUCK_AFTER is the variable's old name: still read, when the new
// one is not set; the new one wins over it.
func TestStuckAfterStillReadsItsOldName(t *testing.T) {
	t.Setenv("KOANS_STUCK_AFTER", "")
	t.Setenv("KOAN_STUCK_AFTER", "off")
	assert.Equal(t, time.Duration(0), stuckAfter())
	t.Setenv("KOAN_STUCK_AFTER", "7s")
	assert.Equal(t, 7*time.Second, stuckAfter())
	t.Setenv("KOANS_STUCK_AFTER", "3s")
	assert.Equal(t, 3*time.Second, stuckAfter())
}

func TestStuckAfterOffTurnsTheGuardOff(t *testing.T) {
	for _, v := range []string{"off", "0"} {
		t.Setenv("KOANS_STUCK_AFTER", v)
		assert.Equal(t, time.Duration(0), stuckAfter(), v)
	}
}

// The slow report comes just before go test's own -timeout, read from the
// binary's arguments; without one, or with none, never.
func TestSlowAfterComesBeforeGoTestsTimeout(t *testing.T) {
	assert.Equal(t, 3500*time.Millisecond, slowAfter([]string{"x.test", "-test.v", "-test.timeout=4s"}))
	assert.Equal(t, time.Duration(0), slowAfter([]string{"x.test", "-test.timeout=0s"}))
	assert.Equal(t, time.Duration(0), slowAfter([]string{"x.test"}))
}

// Only a koan whose goroutines all wait on something no clock ends is
// stuck: one asleep, running or in a system call goes on by itself.
func TestOnlyGoroutinesThatNoClockWakesAreStuck(t *testing.T) {
	g := func(state string) traceback.Goroutine { return traceback.Goroutine{State: state} }
	assert.True(t, allBlocked([]traceback.Goroutine{g("sync.Mutex.Lock"), g("chan receive")}))
	for _, awake := range []string{"sleep", "running", "runnable", "syscall", "IO wait"} {
		assert.False(t, allBlocked([]traceback.Goroutine{g("chan receive"), g(awake)}), awake)
	}
	assert.False(t, allBlocked(nil))
}

// The guard's signature read from the dump's bytes is the one the parsed
// dump gives, and a tick reads it without allocating.
func TestTheSignatureIsReadInPlace(t *testing.T) {
	dump := `goroutine 1 [chan receive]:
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

goroutine 12 [running]:
example.com/p_test.TestSub.func1(0xc00001c908?)
	/w/p/x_test.go:30 +0x65
testing.tRunner(0xc00001c908, 0x7cabb8)
	/usr/local/go/src/testing/testing.go:2036 +0xea
`
	assert.Equal(t, runningTests(traceback.Parse(dump)), string(testSignature([]byte(dump), nil)))
	assert.Equal(t, "8 12 ", string(testSignature([]byte(dump), nil)))
	sig, in := make([]byte, 0, 64), []byte(dump)
	allocs := testing.AllocsPerRun(100, func() { sig = testSignature(in, sig[:0]) })
	assert.Zero(t, allocs)
	buf := stacksInto(nil)
	allocs = testing.AllocsPerRun(20, func() { buf = stacksInto(buf) })
	assert.Zero(t, allocs)
}

// goleak reports leaks only as an error's text; the ids the leak report
// reads from it are pinned here against goleak's real output.
func TestTheLeakedIDsAreReadFromGoleaksReport(t *testing.T) {
	release := make(chan struct{})
	started := make(chan int)
	go func() {
		started <- goroutineID()
		<-release
	}()
	id := <-started
	defer close(release)
	err := goleak.Find() // retries for about a second before it reports
	require.Error(t, err)
	var ids []int
	for _, m := range leakedIDRE.FindAllStringSubmatch(err.Error(), -1) {
		n, _ := strconv.Atoi(m[1])
		ids = append(ids, n)
	}
	assert.Contains(t, ids, id, "goleak's report: %v", err)
}

// The leak report's machine line names the leaked goroutines, and the
// stacks that follow it are theirs.
func TestTheLeakReportsLineNamesTheLeakedGoroutines(t *testing.T) {
	release := make(chan struct{})
	started := make(chan int)
	go func() {
		started <- goroutineID()
		<-release
	}()
	id := <-started
	defer close(release)
	err := goleak.Find()
	require.Error(t, err)
	var out strings.Builder
	reportLeaks(&out, err)
	r, after, ok := report.Find(out.String(), report.KindLeak)
	require.True(t, ok, out.String())
	assert.Equal(t, []int{id}, r.Goroutines)
	assert.Equal(t, []int{id}, traceback.IDs(traceback.Parse(after)))
}

func goroutineID() int {
	buf := make([]byte, 64)
	buf = buf[:runtime.Stack(buf, false)]
	f := strings.Fields(string(buf))
	n, _ := strconv.Atoi(f[1])
	return n
}

// A pause of the whole process (a debugger's breakpoint) shows as one late
// tick: the pause counts neither toward being stuck nor toward being slow.
func TestAPauseOfTheWholeProcessCountsForNothing(t *testing.T) {
	t0 := time.Now()
	const every = 100 * time.Millisecond
	c := clock{start: t0, since: t0}
	assert.False(t, c.tick(t0.Add(every), every))
	assert.False(t, c.tick(t0.Add(2*every), every), "an ordinary tick")
	resumed := t0.Add(2*every + 30*time.Second)
	assert.True(t, c.tick(resumed, every), "thirty seconds at a breakpoint")
	assert.Equal(t, resumed, c.since, "the stuck count starts again")
	assert.Equal(t, 2*every+every, resumed.Sub(c.start), "the slow count goes on as if the pause had not been")
	assert.False(t, c.tick(resumed.Add(every), every), "and the ticks after it are ordinary")
}

// runningTests is testSignature on a parsed dump, the slow and plain way:
// the goroutines that run koans (or their subtests), by id. The tests hold
// testSignature to it.
func runningTests(gs []traceback.Goroutine) string {
	var b strings.Builder
	for _, g := range gs {
		for i, f := range g.Frames {
			if f.Func == "testing.tRunner" && i > 0 && traceback.TestName(g.Frames[i-1].Func) != "" {
				b.WriteString(strconv.Itoa(g.ID))
				b.WriteByte(' ')
				break
			}
		}
	}
	return b.String()
}
