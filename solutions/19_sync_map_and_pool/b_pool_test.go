package mapsandpools

import (
	"bytes"
	"fmt"
	"runtime"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Get may return any item that was Put, or a new one: "Callers should not
// assume any relation between values passed to Put and the values returned by
// Get" (https://pkg.go.dev/sync#Pool.Get). An item that comes back from the
// pool holds whatever its last user left in it. Here a page is rendered a
// hundred times.
func TestAnItemFromThePoolMayHoldWhatItsLastUserLeft(t *testing.T) {
	buffers := sync.Pool{New: func() any { return new(bytes.Buffer) }}
	used := map[*bytes.Buffer]bool{} // the buffers pages were rendered into
	render := func(title string) string {
		b := buffers.Get().(*bytes.Buffer)
		defer buffers.Put(b)
		b.Reset()
		used[b] = true
		b.WriteString("<h1>" + title + "</h1>")
		return b.String()
	}
	for i := range 100 {
		title := fmt.Sprint("page ", i)
		require.Equal(t, "<h1>"+title+"</h1>", render(title))
	}
	assert.Less(t, len(used), 50, "most renders should reuse a buffer")
}

// conn stands for a network connection, served by a goroutine until closed.
type conn struct{ quit chan struct{} }

// freeList keeps the items it is given until they are taken back: a free list
// of one's own, made of a buffered channel. Get returns nil when it is empty.
type freeList chan any

func (f freeList) Put(x any) { f <- x }

func (f freeList) Get() any {
	select {
	case x := <-f:
		return x
	default:
		return nil
	}
}

// "Any item stored in the Pool may be removed automatically at any time
// without notification" (https://pkg.go.dev/sync#Pool). A Pool saves
// allocations; it is no place for things that must be closed: it drops them at
// a garbage collection (the current implementation empties itself over two),
// and nobody closes what it drops. runtime.GC() runs a collection now.
func TestAPoolDropsWhatItHoldsWithoutNotice(t *testing.T) {
	dial := func() *conn {
		c := &conn{quit: make(chan struct{})}
		go func() { <-c.quit }() // serves c until it is closed
		return c
	}
	idle := make(freeList, 3)
	for range 3 {
		idle.Put(dial()) // three connections wait for the next request
	}
	runtime.GC() // meanwhile the garbage collector runs, as it does
	runtime.GC()
	for { // shutdown: close every idle connection
		c, ok := idle.Get().(*conn)
		if !ok {
			break
		}
		close(c.quit)
	}
}
