package channels

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestAnUnbufferedSendWaitsForAReceiver(t *testing.T) {
	ch := make(chan string)
	go func() { ch <- "ping" }()
	assert.Equal(t, __, <-ch)
}

func TestTwoLocksTakenInOppositeOrderDeadlock(t *testing.T) {
	var a, b sync.Mutex
	done := make(chan bool)
	go func() {
		b.Lock()
		a.Lock()
		done <- true
	}()
	a.Lock()
	b.Lock()
	<-done
}

func TestAnAbandonedSenderLeaks(t *testing.T) {
	results := make(chan int)
	go func() { results <- 42 }()
}
