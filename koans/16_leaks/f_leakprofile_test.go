//go:build go1.27

package leaks

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
	"go.uber.org/goleak"

	"github.com/gokoans/concurrency/koan"
)

// When this test binary is started with KOAN_PROGRAM=server, it runs
// serverProgram as a real program's main, before any test starts, and exits.
func init() {
	if os.Getenv("KOAN_PROGRAM") == "server" {
		serverProgram(os.Getenv("KOAN_PROFILE"))
		os.Exit(0)
	}
}

// jobs is the queue of a background worker, which waits on it for work.
var jobs = make(chan string)

// search asks two replicas and returns the first answer: the other replica's
// send has nobody to receive it, ever.
func search(query string) string {
	answers := make(chan string)
	for _, replica := range []string{"eu", "us"} {
		go func() { answers <- replica + ": " + query }()
	}
	return <-answers
}

// serverProgram is a server that has served a few searches, and whose worker
// waits for a job. It then writes its profile of the given name, as a
// request to /debug/pprof/NAME?debug=1 would give it, and ends.
func serverProgram(profile string) {
	go func() {
		for job := range jobs {
			fmt.Println("done:", job)
		}
	}()
	for _, q := range []string{"go", "koans", "leaks"} {
		search(q)
	}
	koan.WaitUntilBlocked("chan send", "search")
	if p := pprof.Lookup(profile); p != nil {
		p.WriteTo(os.Stdout, 1)
	}
}

// runServer runs serverProgram in a child process (this test binary started
// again) and returns what it printed: the profile it was asked for.
func runServer(t *testing.T, profile string) string {
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "KOAN_PROGRAM=server", "KOAN_PROFILE="+profile, "GORACE=atexit_sleep_ms=0")
	out, err := child.Output()
	require.NoError(t, err)
	return string(out)
}

// A goroutine blocked for ever is alive to the scheduler, and every goroutine
// profile shows it, beside the ones that wait for good reason. Go 1.27's
// goroutineleak profile (runtime/pprof; /debug/pprof/goroutineleak) runs a
// garbage collection that finds the goroutines blocked on a channel, a lock
// or a WaitGroup that no goroutine that could run can reach, and lists only
// those (https://pkg.go.dev/runtime/pprof#Profile). A live server can ask
// for it. Which profile shows the searches' leak, and not the idle worker?
func TestTheLeakProfileListsOnlyGoroutinesThatNothingCanWake(t *testing.T) {
	profile := runServer(t, "goroutine") // __ : which profile lists only what can never run again?
	t.Logf("the server's profile:\n%s", profile)
	assert.Contains(t, profile, "leaks.search.func1", "the replicas left sending, for ever")
	assert.NotContains(t, profile, "leaks.serverProgram.func1", "the worker waiting for a job, which may come")
}

var errTimeout = errors.New("timed out")

// replies holds the reply channel of each call in flight, by call id.
var replies = struct {
	sync.Mutex
	m map[int]chan string
}{m: map[int]chan string{}}

// call registers its reply channel and waits for the reply, or gives up
// after patience; it forgets to remove its entry.
func call(id int, patience time.Duration) (string, error) {
	ch := make(chan string)
	replies.Lock()
	replies.m[id] = ch
	replies.Unlock()
	select {
	case reply := <-ch:
		return reply, nil
	case <-time.After(patience):
		return "", errTimeout
	}
}

// deliver hands a reply to the caller that waits for it.
func deliver(id int, reply string) {
	replies.Lock()
	ch := replies.m[id]
	replies.Unlock()
	ch <- reply
}

// leakProfileCheck is a leak check built on the goroutineleak profile: an
// error that lists the leaked goroutines, if the profile finds any. It takes
// goleak's options, so as to stand where goleak.Find stands, and needs none:
// the goroutines that wait for good reason are not in the profile.
func leakProfileCheck(...goleak.Option) error {
	var profile strings.Builder
	pprof.Lookup("goroutineleak").WriteTo(&profile, 1)
	if strings.HasPrefix(profile.String(), "goroutineleak profile: total 0") {
		return nil
	}
	return errors.New(profile.String())
}

// The goroutineleak profile proves a leak: what it lists can never run again.
// It cannot see a goroutine blocked on a channel that a global variable, or a
// goroutine that may still run, can reach: someone might yet use it (the
// Go 1.27 release notes). Here a late reply blocks the delivery for ever, on a
// channel a global map still holds. A test has a surer check: goleak's, which
// lists every goroutine still running when nothing should be
// (https://pkg.go.dev/go.uber.org/goleak#Find).
func TestTheLeakProfileCannotSeeWhatAGlobalStillReaches(t *testing.T) {
	running := goleak.IgnoreCurrent()
	_, err := call(7, time.Millisecond)
	require.ErrorIs(t, err, errTimeout)
	go deliver(7, "late") // the reply comes after all, and nobody takes it
	koan.WaitUntilBlocked("chan send", "deliver")
	found := leakProfileCheck(running) // __ : can this check see every goroutine still blocked?
	// the test can still reach the channel, and lets deliver go
	<-replies.m[7]
	require.Error(t, found, "the check should find the delivery blocked for ever")
	assert.ErrorContains(t, found, "leaks.deliver")
}
