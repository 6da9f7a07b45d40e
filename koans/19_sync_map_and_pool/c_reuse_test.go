package mapsandpools

import (
	"bytes"
	"fmt"
	"io"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// In the terms of the memory model, a Put(x) "synchronizes before" a Get
// returning that same x (https://pkg.go.dev/sync#Pool): the next user of x
// sees what was done to it before the Put, and nothing orders what is done to
// it after. A Put hands the item over, so only its last user may make it. Here
// each message is delivered by a goroutine of its own, which holds its buffer
// until the whole batch has been sent.
func TestPutBackOnlyWhatNobodyUsesAnyMore(t *testing.T) {
	buffers := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	got := make([]string, 20)
	sent := make(chan struct{})
	var wg sync.WaitGroup
	send := func(i int) {
		b := buffers.Get().(*bytes.Buffer)
		defer buffers.Put(b) // __ : is b free again when send returns?
		b.Reset()
		fmt.Fprint(b, "message ", i)
		wg.Go(func() {
			defer buffers.Put(b) // the delivery is done with b
			got[i] = b.String()  // deliver the message...
			<-sent               // ...and wait for the batch to be sent
		})
	}
	for i := range got {
		send(i)
	}
	close(sent)
	wg.Wait()
	for i, msg := range got {
		assert.Equal(t, fmt.Sprint("message ", i), msg)
	}
}

// sink is where the koans write their output; an interface, so whatever is
// written to it escapes to the heap.
var sink io.Writer = io.Discard

// scratch is a line of output in the making.
type scratch struct{ buf []byte }

// A Pool holds items of type any. Turning a value that is not a pointer (a
// struct, a slice) into an interface copies it to the heap: an allocation on
// every Put, the very cost the pool was there to save (staticcheck SA6002,
// https://staticcheck.dev/docs/checks/#SA6002). A pointer goes into an
// interface as it is. testing.AllocsPerRun counts a call's allocations, on
// average (https://pkg.go.dev/testing#AllocsPerRun).
func TestPutAPointerSoThatPutDoesNotAllocate(t *testing.T) {
	lines := sync.Pool{New: func() any { return scratch{} }} // __ : what will each Put turn into an interface?
	write := func(line string) {
		s := lines.Get().(scratch) // __
		s.buf = append(s.buf[:0], line...)
		sink.Write(s.buf)
		lines.Put(s)
	}
	allocs := testing.AllocsPerRun(1000, func() { write("a line of output") })
	assert.Less(t, allocs, 1.0, "allocations per write, on average")
}

// A pool that takes back every buffer keeps the largest ones too: one big
// request leaves a huge buffer in the pool, held for whoever asks next,
// however little they need (golang/go#23199). Put back only buffers of a
// reasonable size, and let the collector have the others. Here every tenth
// request is a big one.
func TestAPoolShouldNotKeepHugeBuffers(t *testing.T) {
	news := 0
	buffers := sync.Pool{New: func() any { news++; return new(bytes.Buffer) }}
	release := func(b *bytes.Buffer) {
		if false { // __ : should the pool take back a buffer of any size?
			return
		}
		buffers.Put(b)
	}
	big := make([]byte, 256<<10)
	for i := range 100 {
		b := buffers.Get().(*bytes.Buffer)
		small := i%10 != 0
		if small {
			require.LessOrEqual(t, b.Cap(), 64<<10, "request %d, a small one, holds a huge buffer", i)
		}
		b.Reset()
		if small {
			b.WriteString("a small answer")
		} else {
			b.Write(big)
		}
		release(b)
	}
	assert.Less(t, news, 75, "small requests should reuse buffers")
}
