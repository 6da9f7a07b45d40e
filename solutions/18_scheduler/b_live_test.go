package scheduler

import (
	"bytes"
	"context"
	"runtime/pprof"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

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

// handle serves one request: the report needs the cache; the other pages
// are sent, and their connections kept open until done is closed or the
// request's context is.
func handle(ctx context.Context, c *cache, path string, done <-chan struct{}) {
	if path == "/report" {
		c.get("report")
		return
	}
	select {
	case <-done:
	case <-ctx.Done():
	}
}

// handlerLabels reads a goroutine profile written with debug=1 and returns
// the labels line of each stack that runs handle, and of the one among them
// that waits in the cache's get.
func handlerLabels(profile string) (all []string, inGet string) {
	for stack := range strings.SplitSeq(profile, "\n\n") {
		if !strings.Contains(stack, "scheduler.handle") {
			continue
		}
		labels := ""
		for line := range strings.SplitSeq(stack, "\n") {
			if l, ok := strings.CutPrefix(line, "# labels: "); ok {
				labels = l
			}
		}
		all = append(all, labels)
		if strings.Contains(stack, "(*cache).get") {
			inGet = labels
		}
	}
	return all, inGet
}

// A dump says where each goroutine waits, not for whom. Profiler labels
// (key, value pairs) mark a goroutine with what it works on: pprof.Do runs a
// function with labels added to its goroutine, and the goroutines it starts
// inherit them (https://pkg.go.dev/runtime/pprof#Do). The goroutine profile
// prints them with each stack, at debug=1 ("# labels: ..."). Three requests
// are served here, and one of them hangs: let the profile say which one.
func TestALabelSaysWhichRequestAGoroutineServes(t *testing.T) {
	c := &cache{entries: map[string]string{}}
	c.mu.Lock() // a request that never ends holds the lock
	requests := []struct{ id, path string }{{"req-1", "/home"}, {"req-2", "/report"}, {"req-3", "/about"}}
	done := make(chan struct{})
	var wg sync.WaitGroup
	for _, r := range requests {
		wg.Go(func() {
			pprof.Do(context.Background(), pprof.Labels("request", r.id), func(ctx context.Context) { handle(ctx, c, r.path, done) })
		})
	}
	koan.WaitUntilBlocked("sync.Mutex.Lock", "(*cache).get")
	koan.WaitUntilBlocked("") // and the other two wait for done
	var profile strings.Builder
	require.NoError(t, pprof.Lookup("goroutine").WriteTo(&profile, 1))
	c.mu.Unlock()
	close(done)
	wg.Wait()
	all, inGet := handlerLabels(profile.String())
	t.Logf("the labels of the three handlers' stacks: %q", all)
	assert.Contains(t, inGet, `"req-2"`, "the labels of the goroutine that hangs in get")
	assert.Len(t, all, 3, "stacks that run handle")
	for _, id := range []string{"req-1", "req-3"} {
		assert.Equal(t, 1, strings.Count(strings.Join(all, " "), `"`+id+`"`), "stacks labelled %s", id)
	}
}
