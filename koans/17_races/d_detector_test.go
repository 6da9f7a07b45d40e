package races

import (
	"errors"
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// When this test binary is started with KOAN_PROGRAM set, it runs that small
// program as a real program's main, before any test starts, and exits: the
// race detector is built into it, as into every test of the course.
func init() {
	program, ok := programs[os.Getenv("KOAN_PROGRAM")]
	if ok {
		program()
		os.Exit(0)
	}
}

var programs = map[string]func(){"transfer": transferProgram, "forgetful": forgetfulProgram, "sum": sumProgram}

// runProgram runs one of programs in a child process (this test binary
// started again), with the environment variables given, and returns what it
// printed on stdout and stderr, and its exit code.
func runProgram(t *testing.T, program string, env ...string) (stdout, stderr string, code int) {
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), append([]string{"KOAN_PROGRAM=" + program, "GORACE=atexit_sleep_ms=0"}, env...)...)
	var out, errs strings.Builder
	child.Stdout, child.Stderr = &out, &errs
	err := child.Run()
	var exit *exec.ExitError
	if err != nil {
		require.True(t, errors.As(err, &exit), "the program did not start: %v", err)
		return out.String(), errs.String(), exit.ExitCode()
	}
	return out.String(), errs.String(), 0
}

// reported says whether a program's stderr holds a race detector's report.
func reported(stderr string) bool { return strings.Contains(stderr, "WARNING: DATA RACE") }

// transferProgram is a batch job built with -race and run in staging: two
// transfers take money from one account with no lock, then the job commits.
func transferProgram() {
	balance := 100
	oneAfterTheOther(func() { balance -= 30 }, func() { balance -= 50 })
	fmt.Println("committed: balance", balance)
}

// The race detector prints a report for each race it finds, and lets the
// program go on: the exit status says "races were found" (66) only when the
// program ends (https://go.dev/doc/articles/race_detector#Options). A
// program may do much harm meanwhile. The GORACE environment variable sets
// the detector's options; one of them makes the first report the last thing
// the program does. Here the job must not commit what a race has touched.
func TestTheRaceDetectorLetsTheProgramGoOnUnlessToldToHalt(t *testing.T) {
	gorace := "GORACE=atexit_sleep_ms=0" // __ : what must the detector do at its first report?
	stdout, stderr, code := runProgram(t, "transfer", gorace)
	assert.True(t, reported(stderr), "the race should be reported")
	assert.Equal(t, 66, code, "the race detector's exit status")
	assert.Empty(t, stdout, "nothing should be committed after a race")
}

// work stands for what a goroutine does after its racy write: calls, loads
// and stores, each of which the race detector writes down.
func work(calls int) {
	for i := range calls {
		step(i)
	}
}

var steps [64]int

//go:noinline
func step(i int) { steps[i%len(steps)] += i }

// forgetfulProgram counts hits in two goroutines, with no lock: the first
// does much work after its write, before the second writes.
func forgetfulProgram() {
	hits := 0
	oneAfterTheOther(func() { hits++; work(50_000) }, func() { hits++ })
	fmt.Println("hits:", hits)
}

// To report a race, the detector must say where the earlier access was, and
// it keeps a bounded history of each goroutine's accesses: in the current
// implementation, a race whose earlier access has left that history is not
// reported at all. GORACE's history_size (0 to 7, default 1) makes the history
// larger, at the cost of memory (https://go.dev/doc/articles/race_detector#Options).
// Here the first goroutine does 50,000 calls after its write. A run that
// reports nothing is not proof of no race: make this one report it.
func TestARaceTheDetectorNoLongerRemembersGoesUnreported(t *testing.T) {
	gorace := "GORACE=atexit_sleep_ms=0" // __ : how far back must the detector remember?
	_, stderr, code := runProgram(t, "forgetful", gorace)
	assert.True(t, reported(stderr), "the race should be reported")
	assert.Contains(t, stderr, "forgetfulProgram.func1", "where the earlier write was")
	assert.Equal(t, 66, code, "the race detector's exit status")
}

// sumAll adds xs up: in one goroutine where there is one processor, else
// split between two workers.
func sumAll(xs []int) int {
	total := 0
	if runtime.GOMAXPROCS(0) == 1 {
		for _, x := range xs {
			total += x
		}
		return total
	}
	var wg sync.WaitGroup
	for _, part := range [][]int{xs[:len(xs)/2], xs[len(xs)/2:]} {
		wg.Go(func() {
			sum := 0
			for _, x := range part {
				sum += x
			}
			total += sum
		})
	}
	wg.Wait()
	return total
}

// sumProgram is sumAll's test, run as a program.
func sumProgram() {
	fmt.Println(sumAll([]int{1, 2, 3, 4, 5, 6, 7, 8}))
}

// The race detector finds races in the code a run executes, in the order
// that run takes. Code whose path depends on GOMAXPROCS, set by default from
// the CPUs a machine or a container has (https://pkg.go.dev/runtime#GOMAXPROCS),
// may take its concurrent path on no machine of the CI's: go test -race
// -cpu 1,2,4 runs every test once with each GOMAXPROCS, as this koan does by
// hand; -count=N runs each N times. Which runs will catch sumAll's race?
func TestOneGreenRunProvesOnlyThePathsItTook(t *testing.T) {
	cpus := []int{1} // __ : with which values of GOMAXPROCS must the tests run?
	caught := 0
	for _, n := range cpus {
		_, stderr, _ := runProgram(t, "sum", fmt.Sprint("GOMAXPROCS=", n))
		if reported(stderr) {
			caught++
		}
	}
	assert.NotZero(t, caught, "how many of the runs caught the race in sumAll")
}
