package waitfor

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/traceback"
)

// The dumps in testdata are the hang guard's, measured on the course's own
// koans as shipped (Go 1.26.8, linux/amd64, -race); the koans' files are
// copied beside them (.go.txt, so that nothing builds them).
func analyze(t *testing.T, dump, koan string) *Picture {
	t.Helper()
	dir, err := filepath.Abs("testdata")
	require.NoError(t, err)
	data, err := os.ReadFile(filepath.Join(dir, dump))
	require.NoError(t, err)
	gs := traceback.OfTest(traceback.Parse(strings.ReplaceAll(string(data), "$ROOT", dir)), koan)
	return Analyze(gs, func(file string) bool { return strings.HasSuffix(file, ".go.txt") })
}

func byGoroutine(p *Picture, id int) Blocked {
	for _, b := range p.Blocked {
		if b.Goroutine == id {
			return b
		}
	}
	return Blocked{}
}

// Two goroutines run the same transfer(from, to): its first.mu and
// second.mu are the test's a.mu and b.mu, told apart by the address the
// traceback shows for the awaited Mutex and the pointers passed to transfer.
func TestTheSameCodeInTwoGoroutinesNamesTheKoansLocks(t *testing.T) {
	p := analyze(t, "order.dump", "TestLocksTakenInOppositeOrdersDeadlock")
	require.NotNil(t, p)
	require.Len(t, p.Blocked, 3)
	first, second, deposit := byGoroutine(p, 5), byGoroutine(p, 6), byGoroutine(p, 7)
	assert.True(t, first.Koan)
	assert.Equal(t, "b.mu", first.WaitsFor)
	assert.Equal(t, []Hold{{Lock: "a.mu", File: first.File, Line: 25}}, first.Holds)
	assert.Equal(t, "a.mu", second.WaitsFor)
	assert.Equal(t, []Hold{{Lock: "b.mu", File: second.File, Line: 25}}, second.Holds)
	assert.Equal(t, "b.mu", deposit.WaitsFor, "deposit(b, 5)'s to.mu is b.mu")
	assert.Empty(t, deposit.Holds)
	require.Len(t, p.Cycles, 1)
	assert.Equal(t, []Step{
		{Goroutine: 5, Koan: true, Wait: Lock, WaitsFor: "b.mu", Line: 28, By: Link{Holds: true, Line: 25}},
		{Goroutine: 6, Wait: Lock, WaitsFor: "a.mu", Line: 28, By: Link{Holds: true, Line: 25}},
	}, p.Cycles[0])
}

// Two replicas each wait to receive from the other's channel before they
// close their own: a wait cycle with no lock.
func TestAChannelWaitCycleIsFound(t *testing.T) {
	p := analyze(t, "announce.dump", "TestAnnounceWhatOthersWaitForBeforeYouWait")
	require.NotNil(t, p)
	require.Len(t, p.Cycles, 1)
	assert.Equal(t, []Step{
		{Goroutine: 21, Wait: Receive, WaitsFor: "readyB", Line: 26, By: Link{Will: Close, Line: 27}},
		{Goroutine: 22, Wait: Receive, WaitsFor: "readyA", Line: 26, By: Link{Will: Close, Line: 27}},
	}, p.Cycles[0])
	root := byGoroutine(p, 20)
	assert.Equal(t, WaitGroup, root.Wait)
	assert.False(t, root.Hopeless, "the goroutines wg.Go started lower its counter when they return")
}

// A goroutine sends while it holds k.mu; the receiver, started as
// wg.Go(k.keep), needs k.mu before it receives again. The method's k is
// the koan's k, through the method value passed to Go.
func TestASendUnderALockTheReceiverNeedsIsACycle(t *testing.T) {
	p := analyze(t, "send.dump", "TestNeverSendWhileHoldingALockTheReceiverNeeds")
	require.NotNil(t, p)
	assert.Len(t, p.Blocked, 4, "the keeper, started by the sync package, belongs to the koan too")
	require.Len(t, p.Cycles, 1)
	assert.Equal(t, []Step{
		{Goroutine: 25, Wait: Lock, WaitsFor: "k.mu", Line: 51, By: Link{Holds: true, Line: 66}},
		{Goroutine: 27, Wait: Send, WaitsFor: "k.added", Line: 75, By: Link{Will: Receive, Line: 50}},
	}, p.Cycles[0])
	assert.Equal(t, "k.mu", byGoroutine(p, 26).WaitsFor)
}

// A lock taken by a call that has returned is not seen: the keyed lock's
// picture shows who holds the table, and draws no cycle it cannot prove.
func TestALockHeldThroughAReturnedCallIsNotGuessed(t *testing.T) {
	p := analyze(t, "keyed.dump", "TestWaitForAKeysLockOnlyAfterReleasingTheTable")
	require.NotNil(t, p)
	assert.Empty(t, p.Cycles)
	second := byGoroutine(p, 24)
	assert.Equal(t, "m", second.WaitsFor)
	require.Len(t, second.Holds, 1)
	assert.Equal(t, "mu", second.Holds[0].Lock)
	assert.Equal(t, "mu", byGoroutine(p, 23).WaitsFor)
	assert.Equal(t, "mu", byGoroutine(p, 25).WaitsFor)
}

func TestSplitArgsKeepsOneEntryPerParameter(t *testing.T) {
	assert.Equal(t, []string{"0xc00001e1b0", "{0x7bfb82, 0x8}", "0xa?"}, splitArgs("0xc00001e1b0, {0x7bfb82, 0x8}, 0xa?"))
	assert.Empty(t, splitArgs(""))
	_, sure := pointer(splitArgs("0xc0000180e0?"), 0)
	assert.False(t, sure, "a value the runtime is unsure of is no address")
}

// Nothing in the koan's code: no picture.
func TestNoKoanFrameNoPicture(t *testing.T) {
	gs := traceback.Parse("goroutine 1 [chan receive]:\nmain.main()\n\t/x/main.go:3 +0x1\n")
	assert.Nil(t, Analyze(gs, func(string) bool { return false }))
}

// A WaitGroup whose counter no live goroutine can lower: the koan waits
// for ever, and the picture says so.
func TestAWaitGroupNobodyCanLowerIsHopeless(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc TestW(t *testing.T) {\n\tvar wg sync.WaitGroup\n\twg.Add(1)\n\twg.Wait()\n}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "w.go.txt"), []byte(src), 0o644))
	dump := "goroutine 7 [sync.WaitGroup.Wait]:\n" +
		"sync.(*WaitGroup).Wait(0xc000010000)\n\t/usr/local/go/src/sync/waitgroup.go:118 +0x1\n" +
		"example.com/p.TestW(0xc0000a0000)\n\t" + dir + "/w.go.txt:6 +0x1\n" +
		"created by testing.(*T).Run in goroutine 1\n\t/usr/local/go/src/testing/testing.go:1 +0x1\n"
	p := Analyze(traceback.Parse(dump), func(file string) bool { return strings.HasSuffix(file, ".go.txt") })
	require.NotNil(t, p)
	require.Len(t, p.Blocked, 1)
	assert.Equal(t, Blocked{Goroutine: 7, Koan: true, File: dir + "/w.go.txt", Line: 6, Wait: WaitGroup, WaitsFor: "wg", Hopeless: true}, p.Blocked[0])
}

// A builder holds a read lock while it waits for a job; a writer waits for
// the builder; the feeder's RLock waits behind the writer, and the feeder
// was to send the job: three goroutines in a cycle.
func TestAWaitingWriterKeepsNewReadersOut(t *testing.T) {
	p := analyze(t, "readers.dump", "TestAReadLockHeldWhileWaitingShutsOutTheGoroutineItWaitsFor")
	require.NotNil(t, p)
	require.Len(t, p.Cycles, 1)
	assert.Equal(t, []Step{
		{Goroutine: 21, Wait: Receive, WaitsFor: "jobs", Line: 71, By: Link{Will: Send, Line: 85}},
		{Goroutine: 23, Wait: RLock, WaitsFor: "mu", Line: 82, By: Link{Will: Lock, Line: 63}},
		{Goroutine: 22, Wait: Lock, WaitsFor: "mu", Line: 63, By: Link{Holds: true, Read: true, Line: 70}},
	}, p.Cycles[0])
}

// A dump whose goroutine names itself as its creator (a cut or forged one)
// does not send the analysis round for ever.
func TestAGoroutineThatStartedItselfEnds(t *testing.T) {
	dir := t.TempDir()
	src := "package p\n\nfunc send(ch chan int) {\n\tgo send(ch); ch <- 1\n}\n"
	require.NoError(t, os.WriteFile(filepath.Join(dir, "s.go.txt"), []byte(src), 0o644))
	dump := "goroutine 7 [chan send]:\n" +
		"example.com/p.send(0xc000010000)\n\t" + dir + "/s.go.txt:4 +0x1\n" +
		"created by example.com/p.send in goroutine 7\n\t" + dir + "/s.go.txt:4 +0x1\n"
	p := Analyze(traceback.Parse(dump), func(file string) bool { return strings.HasSuffix(file, ".go.txt") })
	require.NotNil(t, p)
	assert.Equal(t, "ch", p.Blocked[0].WaitsFor)
	assert.True(t, p.Blocked[0].Hopeless)
}
