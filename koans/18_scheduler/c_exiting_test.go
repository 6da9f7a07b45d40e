package scheduler

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// giveUp ends the goroutine that calls it, as t.FailNow ends a test.
func giveUp() { runtime.Goexit() }

// runtime.Goexit "terminates the goroutine that calls it. No other goroutine
// is affected. Goexit runs all deferred calls before terminating the
// goroutine. Because Goexit is not a panic, any recover calls in those
// deferred functions will return nil" (https://pkg.go.dev/runtime#Goexit).
// t.FailNow and t.Fatal end a test this way. Code after the call never runs,
// so a goroutine that may be ended by it must say it is over where Goexit
// still passes.
func TestGoexitRunsTheDeferredCallsAndNothingElse(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var log []string
		over := make(chan struct{})
		go func() {
			// __ : how will the test learn that this goroutine is over?
			defer func() { log = append(log, fmt.Sprint("deferred: recover() = ", recover())) }()
			log = append(log, "working")
			giveUp()
			log = append(log, "after giveUp")
			close(over)
		}()
		<-over
		assert.Equal(t, []string{"working", "deferred: recover() = <nil>"}, log)
	})
}

// crashingProgram is the main function of a small program whose worker
// panics while main waits for it.
func crashingProgram() {
	defer fmt.Println("main: deferred cleanup")
	done := make(chan struct{})
	go func() {
		defer fmt.Println("worker: deferred cleanup")
		panic("worker failed")
	}()
	waitForTheWorker(done)
}

// waitForTheWorker waits for a worker that will never say it is done.
func waitForTheWorker(done chan struct{}) { <-done }

// When this test binary is started with KOAN_PROGRAM=crash (or exit), it
// runs crashingProgram (or exitingProgram) as a real program's main, before
// any test starts.
func init() {
	switch os.Getenv("KOAN_PROGRAM") {
	case "crash":
		crashingProgram()
		os.Exit(0)
	case "exit":
		exitingProgram()
	}
}

// exitingProgram is the main function of a small program that gives up with
// os.Exit after it has deferred its cleanup.
func exitingProgram() {
	defer fmt.Println("main: deferred cleanup")
	fmt.Println("main: giving up")
	os.Exit(3)
}

// runCrashingProgram runs crashingProgram in a child process (this test
// binary started again) with the environment variables given, and returns
// what it printed on stdout and stderr, and its exit code.
func runCrashingProgram(t *testing.T, env ...string) (stdout, stderr string, code int) {
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), append([]string{"KOAN_PROGRAM=crash", "GORACE=atexit_sleep_ms=0"}, env...)...)
	out, err := child.Output()
	var exit *exec.ExitError
	require.True(t, errors.As(err, &exit), "the program should have crashed: %v", err)
	return string(out), string(exit.Stderr), exit.ExitCode()
}

// A panic that nothing recovers runs the deferred calls of the goroutine that
// panics, up to the top of that goroutine; "at that point, the program is
// terminated" (https://go.dev/ref/spec#Handling_panics), and with it every
// other goroutine, wherever it stands. The runtime then exits with code 2
// (https://pkg.go.dev/runtime#hdr-Environment_Variables). Which of the two
// deferred cleanups got to print?
func TestAPanicSkipsTheDeferredCallsOfEveryOtherGoroutine(t *testing.T) {
	stdout, _, code := runCrashingProgram(t)
	assert.Equal(t, 2, code)
	assert.Equal(t, __, stdout)
}

// os.Exit ends the program at once with the status given, and "deferred
// functions are not run" (https://pkg.go.dev/os#Exit), not even those of
// the goroutine that calls it; log.Fatal calls os.Exit(1) after it prints
// (https://pkg.go.dev/log#Fatal). A main that gives up that way skips its
// own cleanup: a flush, a Close, a lock file left behind. What did
// exitingProgram print before it ended?
func TestOsExitRunsNoDeferredCalls(t *testing.T) {
	stdout, _, code := runCrashingProgram(t, "KOAN_PROGRAM=exit")
	assert.Equal(t, 3, code)
	assert.Equal(t, __, stdout)
}
