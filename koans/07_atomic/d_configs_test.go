package atomics

import (
	"sync"
	"sync/atomic"
	"testing"

	"github.com/stretchr/testify/assert"
)

// config is a configuration that goroutines share, the way a server shares
// its settings with every request it serves.
type config struct {
	host string
	port int
}

// withPort returns a new config: a copy of c with another port. The config
// that c was copied from is not changed.
func (c config) withPort(port int) *config {
	c.port = port
	return &c
}

// atomic.Pointer makes the pointer safe to share, not the struct it points
// to. Once a config is published, readers may be reading it at any moment,
// so editing it in place races with them (and a reader could see some fields
// changed and others not). Change it the way it was published: make an
// edited copy and Store the copy's address. (With more than one writer, a
// CompareAndSwap loop keeps one writer from overwriting another's change.)
func TestChangeAPublishedConfigByStoringAnEditedCopy(t *testing.T) {
	var current atomic.Pointer[config]
	current.Store(&config{host: "db1", port: 5432})
	request := current.Load() // a request begins, with the config of the moment
	var wg sync.WaitGroup
	wg.Go(func() { // the writer moves the database to another port
		c := current.Load()
		c.port = 6432 // __ : readers may be reading *c right now
	})
	var seen int
	wg.Go(func() { // the request is served meanwhile, with its config
		seen = request.port
	})
	wg.Wait()
	assert.Equal(t, 5432, seen, "a request keeps the config it began with")
	assert.Equal(t, config{host: "db1", port: 6432}, *current.Load())
}

// Each atomic operation is indivisible on its own, but two of them are two
// steps, and another goroutine can look between them. Here a transfer moves
// 30 from checking to savings with two atomic Adds, and an auditor reads
// both balances between the two. (The steps are written in one goroutine,
// in the order they can happen, so that the outcome is certain.) To keep an
// invariant that spans several variables, such as "the total never
// changes", hold one sync.Mutex around every update and every read of them.
func TestTwoAtomicOperationsAreTwoSteps(t *testing.T) {
	var checking, savings atomic.Int64
	checking.Store(100)
	checking.Add(-30)                         // the transfer, step one
	total := checking.Load() + savings.Load() // the auditor
	savings.Add(30)                           // the transfer, step two
	assert.Equal(t, __, total)
}
