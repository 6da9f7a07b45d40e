package goroutines

import (
	"fmt"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
)

// A go statement starts a function call running in a new goroutine and goes
// on at once: "unlike with a regular call, program execution does not wait
// for the invoked function to complete" (https://go.dev/ref/spec#Go_statements).
// Here the goroutine cannot finish until the caller, past its go statement,
// lets it. Which of the two writes to the log first?
func TestTheGoStatementDoesNotWaitForTheCall(t *testing.T) {
	var log []string
	handoff := make(chan struct{})
	done := make(chan struct{})
	go func() {
		<-handoff
		log = append(log, "goroutine")
		close(done)
	}()
	log = append(log, "caller")
	close(handoff)
	<-done
	assert.Equal(t, []string{"caller", "goroutine"}, log)
}

// When a test function returns, the test is over, whatever its goroutines
// are doing: nothing waits for them. A goroutine that can never finish
// outlives the test that started it: a goroutine leak.
func TestATestThatReturnsDoesNotWaitForItsGoroutines(t *testing.T) {
	result := make(chan int)
	go func() {
		result <- 6 * 7 // an unbuffered send: it waits for a receiver
	}()
	assert.Equal(t, 42, <-result)
}

// programMain is the main function of a small program: it starts a goroutine
// that has half a second of work to do, says so, and returns.
func programMain() {
	go func() {
		time.Sleep(500 * time.Millisecond) // the goroutine's work
		fmt.Println("goroutine: my work is done")
	}()
	fmt.Println("main: I started a goroutine")
}

// When this test binary is started with KOAN_PROGRAM=main, it runs
// programMain as a real program's main and exits the way a program does when
// main returns: at once, with status 0.
func init() {
	if os.Getenv("KOAN_PROGRAM") == "main" {
		programMain()
		os.Exit(0)
	}
}

// A myth: "main waits for the goroutines it started". The spec: "When that
// function invocation [main] returns, the program exits. It does not wait
// for other (non-main) goroutines to complete" (https://go.dev/ref/spec#Program_execution).
// The koan runs programMain as a real program, in a child process (this test
// binary started again, with KOAN_PROGRAM=main), and reads what it printed.
func TestAProgramEndsWhenMainReturnsWithoutWaiting(t *testing.T) {
	child := exec.Command(os.Args[0], "-test.run=^$")
	child.Env = append(os.Environ(), "KOAN_PROGRAM=main", "GORACE=atexit_sleep_ms=0")
	out, err := child.Output()
	assert.NoError(t, err)
	assert.Equal(t, "main: I started a goroutine\n", string(out))
}
