package goroutines

import (
	"testing"

	"github.com/stretchr/testify/assert"
)

// The memory model: "A send on a channel is synchronized before the
// completion of the corresponding receive from that channel"
// (https://go.dev/ref/mem#chan). So whatever the goroutine wrote before its
// send happens before whatever the receiver reads after its receive.
func TestAReceiveSeesWhatTheSenderDidBeforeSending(t *testing.T) {
	var report string
	done := make(chan struct{})
	go func() {
		report = "all done"
		done <- struct{}{}
	}()
	<-done
	assert.Equal(t, "all done", report)
}
