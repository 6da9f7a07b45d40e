package goroutines

import (
	"testing"

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

// The spec: "Program execution begins by initializing the program and then
// invoking the function main in package main. When that function invocation
// returns, the program exits. It does not wait for other (non-main)
// goroutines to complete." (https://go.dev/ref/spec#Program_execution)
// A test function is no different: when it returns, the test is over,
// whatever its goroutines are doing. A goroutine that can never finish
// outlives the test that started it: a goroutine leak.
func TestATestThatReturnsDoesNotWaitForItsGoroutines(t *testing.T) {
	result := make(chan int)
	go func() {
		result <- 6 * 7 // an unbuffered send: it waits for a receiver
	}()
	assert.Equal(t, 42, <-result)
}
