package races

import (
	"fmt"
	"io"
	"strings"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// connMap is a sync.Map, with the methods get uses, into which another
// caller comes at the worst moment: just before the first write (a Store or a
// LoadOrStore), other runs in a goroutine of its own until it returns or must
// wait. It only watches that goroutine (koan.WaitUntilBlocked), so it orders
// nothing that the race detector would see.
type connMap struct {
	m     sync.Map
	other func() // the other caller; nil once it has come
}

func (c *connMap) Load(key any) (any, bool) { return c.m.Load(key) }

func (c *connMap) Store(key, value any) {
	c.letOtherIn()
	c.m.Store(key, value)
}

func (c *connMap) LoadOrStore(key, value any) (any, bool) {
	c.letOtherIn()
	return c.m.LoadOrStore(key, value)
}

// letOtherIn runs the other caller now, unless it has come already.
func (c *connMap) letOtherIn() {
	if other := c.other; other != nil {
		c.other = nil
		go other()
		koan.WaitUntilBlocked("")
	}
}

// Each operation on a sync.Map is safe from any goroutine: nothing here is a
// data race, and the race detector stays silent. But a Load followed by a
// Store is two operations, and another goroutine may store between them: a
// race condition, a bug of order that no data race reveals (100 Go Mistakes,
// #58). LoadOrStore checks and stores as one operation
// (https://pkg.go.dev/sync#Map.LoadOrStore). Here another caller's
// connection lands at the worst moment, on every run.
func TestALoadThenAStoreLetsAnotherStoreComeBetween(t *testing.T) {
	type conn struct {
		addr string
		id   int
	}
	var conns connMap // address → *conn, shared by every goroutine
	// get returns the connection to addr, dialling connection number id if
	// there is none.
	get := func(addr string, id int) *conn {
		if c, ok := conns.Load(addr); ok {
			return c.(*conn)
		}
		var c any = &conn{addr: addr, id: id} // dialled just now
		c, _ = conns.LoadOrStore(addr, c)
		return c.(*conn)
	}
	theirs := make(chan *conn, 1)
	conns.other = func() { theirs <- get("db:5432", 2) }
	mine := get("db:5432", 1)
	conns.letOtherIn() // if get wrote nothing, the other caller comes now
	assert.Same(t, <-theirs, mine, "both callers should share one connection")
	assert.Same(t, mine, get("db:5432", 3))
}

// lockedOutput collects what a command prints. Each Write and each String
// takes the lock, so the output may be read while the command still runs:
// no access to it is a data race.
type lockedOutput struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (o *lockedOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *lockedOutput) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

// runFor runs command in a goroutine of its own for at most d, and returns
// what it printed. A command prints until stop is closed, then prints its
// last words and returns.
func runFor(d time.Duration, command func(out io.Writer, stop <-chan struct{})) (string, error) {
	var out lockedOutput
	stop, exited := make(chan struct{}), make(chan struct{})
	go func() {
		defer close(exited)
		command(&out, stop)
	}()
	select {
	case <-exited:
		return out.String(), nil
	case <-time.After(d):
		close(stop) // kill the command
		<-exited
		return out.String(), errTimeout
	}
}

// An order violation: a goroutine reads a result before another goroutine
// has finished writing it. With a lock around every access, nothing races
// and the race detector stays silent, yet the read may still come first: a
// lock makes each access whole, it puts them in no particular order
// (https://go.dev/ref/mem#locks). Only a wait for the writer to be done does.
// Here a server is stopped after a (fake) minute and takes a while to close.
func TestALockDoesNotMakeTheReadComeAfterTheWrite(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		server := func(shutdown time.Duration) func(io.Writer, <-chan struct{}) {
			return func(out io.Writer, stop <-chan struct{}) {
				fmt.Fprintln(out, "listening")
				<-stop
				time.Sleep(shutdown) // closes its connections
				fmt.Fprintln(out, "bye")
			}
		}
		for _, shutdown := range []time.Duration{2 * time.Second, 10 * time.Millisecond} {
			start := time.Now()
			got, err := runFor(time.Minute, server(shutdown))
			assert.ErrorIs(t, err, errTimeout)
			assert.Equal(t, "listening\nbye\n", got)
			assert.Equal(t, time.Minute+shutdown, time.Since(start))
		}
		start := time.Now()
		got, err := runFor(time.Minute, func(out io.Writer, _ <-chan struct{}) {
			time.Sleep(time.Second) // a job that ends by itself
			fmt.Fprintln(out, "done")
		})
		assert.NoError(t, err)
		assert.Equal(t, "done\n", got)
		assert.Equal(t, time.Second, time.Since(start))
	})
}
