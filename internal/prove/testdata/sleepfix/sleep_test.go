package sleepfix

import (
	"testing"
	"time"
)

// TestSynchronised hands the value over a channel: the receive happens
// after the send, on every run.
func TestSynchronised(t *testing.T) {
	done := make(chan int)
	n := 0
	go func() {
		n = 42
		done <- 1
	}()
	<-done
	if n != 42 {
		t.Fatal(n)
	}
}

// TestFixedWithASleep "fixes" the race with a sleep: the read comes later
// in time, but nothing orders it after the write, and the race detector
// says so in most runs.
func TestFixedWithASleep(t *testing.T) {
	n := 0
	go func() {
		n = 42
	}()
	time.Sleep(time.Millisecond)
	if n != 42 {
		t.Log("the goroutine had not run yet")
	}
}
