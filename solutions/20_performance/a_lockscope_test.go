package performance

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Amdahl's law: if a part of a job can only run on one goroutine, adding
// workers speeds up the rest and never that part, so the speed-up is bounded
// by it (https://en.wikipedia.org/wiki/Amdahl%27s_law). Here a job reads its
// input alone for 2 seconds, then splits 8 seconds of work evenly among its
// workers. The koan runs in a synctest bubble (04_select), where a sleep
// stands for a wait on I/O and takes exactly that much fake time. How long
// does the job take on 1, 2, 4, 8 and 64 workers?
func TestTheSerialPartBoundsTheSpeedUp(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		const serial, parallel = 2 * time.Second, 8 * time.Second
		var took []time.Duration
		for _, workers := range []int{1, 2, 4, 8, 64} {
			start := time.Now()
			time.Sleep(serial) // read the input: one goroutine only
			var wg sync.WaitGroup
			for range workers {
				wg.Go(func() { time.Sleep(parallel / time.Duration(workers)) })
			}
			wg.Wait()
			took = append(took, time.Since(start))
		}
		assert.Equal(t, []time.Duration{10 * time.Second, 6 * time.Second, 4 * time.Second, 3 * time.Second, 2125 * time.Millisecond}, took)
	})
}

// lock is a lock made of a channel with room for one (03_buffered_channels):
// Lock puts a token in, Unlock takes it out. Real code would use a
// sync.Mutex, but in a synctest bubble fake time stands still while a
// goroutine waits for a Mutex (that wait is not "durably blocked",
// https://pkg.go.dev/testing/synctest); a wait on a channel is.
type lock chan struct{}

func (l lock) Lock()   { l <- struct{}{} }
func (l lock) Unlock() { <-l }

// cache keeps the pages it has fetched. mu guards pages.
type cache struct {
	mu    lock
	pages map[string]string
}

// fetch stands for the slow call behind the cache: a second of network I/O.
func fetch(url string) string {
	time.Sleep(time.Second)
	return "<html>" + url + "</html>"
}

// put stores a fetched page.
func (c *cache) put(url, page string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.pages[url] = page
}

// get returns the page for url from c, fetching it the first time.
func get(c *cache, url string) string {
	c.mu.Lock()
	page, ok := c.pages[url]
	c.mu.Unlock()
	if ok {
		return page
	}
	page = fetch(url)
	c.put(url, page)
	return page
}

// A lock makes the goroutines that need it take turns: while one holds it,
// the others wait. Whatever the holder does meanwhile, a second of I/O
// included, is done by one goroutine at a time. Hold a lock around the
// shared state only, never across a slow call (100 Go Mistakes, #59: an
// I/O-bound workload is bound by its waits). Four pages, four goroutines.
func TestHoldTheLockOnlyAroundTheSharedState(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := &cache{mu: make(lock, 1), pages: map[string]string{}}
		urls := []string{"/a", "/b", "/c", "/d"}
		var wg sync.WaitGroup
		start := time.Now()
		for _, u := range urls {
			wg.Go(func() { get(c, u) })
		}
		wg.Wait()
		assert.Equal(t, time.Second, time.Since(start), "four pages fetched at once")
		start = time.Now()
		got := make([]string, len(urls))
		for i, u := range urls {
			wg.Go(func() { got[i] = get(c, u) })
		}
		wg.Wait()
		assert.Equal(t, time.Duration(0), time.Since(start), "four pages found in the cache")
		assert.Equal(t, []string{"<html>/a</html>", "<html>/b</html>", "<html>/c</html>", "<html>/d</html>"}, got)
	})
}
