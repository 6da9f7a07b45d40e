package scheduler

import (
	"bytes"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// A cache is a map that its mutex guards.
type cache struct {
	mu      sync.Mutex
	entries map[string]string
}

// get serves a request: it reads the map, under the lock.
func (c *cache) get(key string) string {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.entries[key]
}

// A program that hangs has not crashed, and prints nothing. Its goroutines
// can still be read while it runs: the "goroutine" profile of runtime/pprof,
// written with the right debug level, prints every goroutine "in the same
// form that a Go program uses when dying due to an unrecovered panic", each
// with what it waits on (https://pkg.go.dev/runtime/pprof#Profile.WriteTo).
// net/http/pprof serves the same profile over HTTP, at /debug/pprof/goroutine.
// Here a request hangs, and the report must say where and on what.
func TestAGoroutineDumpShowsWhereALiveProgramWaits(t *testing.T) {
	c := &cache{entries: map[string]string{"home": "<h1>home</h1>"}}
	c.mu.Lock() // a request that never ends holds the lock
	served := make(chan string)
	go func() { served <- c.get("home") }()
	koan.WaitUntilBlocked("sync.Mutex.Lock", "(*cache).get") // the next request hangs
	goroutines := pprof.Lookup("goroutine")                  // every goroutine of this program
	var report bytes.Buffer
	goroutines.WriteTo(&report, 2)
	c.mu.Unlock()
	assert.Equal(t, "<h1>home</h1>", <-served)
	dump := report.String()
	t.Logf("the report on %d goroutines:\n%s", goroutines.Count(), dump)
	assert.True(t, strings.Contains(dump, "[sync.Mutex.Lock"), "the report should say what the request waits on, as the runtime names it")
	assert.True(t, strings.Contains(dump, "scheduler.(*cache).get("), "the report should say where it waits")
}
