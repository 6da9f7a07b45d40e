package capstones

import (
	"fmt"
	"maps"
	"slices"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// Capstone 2: the Go Tour's Web Crawler (https://go.dev/tour/concurrency/10).

// page is what the fake web holds for a URL: its links, and how long a
// fetch of it takes.
type page struct {
	links   []string
	latency time.Duration
}

// fakeFetcher is a web in a map. It counts the fetches of each URL under a
// lock of its own: like a real server, it serves many clients at once.
type fakeFetcher struct {
	pages   map[string]page
	mu      sync.Mutex
	fetches map[string]int
}

// Fetch returns the links of url after the page's latency.
func (f *fakeFetcher) Fetch(url string) ([]string, error) {
	f.mu.Lock()
	f.fetches[url]++
	f.mu.Unlock()
	p, ok := f.pages[url]
	time.Sleep(p.latency + time.Millisecond)
	if !ok {
		return nil, fmt.Errorf("not found: %s", url)
	}
	return p.links, nil
}

func goTourWeb() *fakeFetcher {
	return &fakeFetcher{fetches: map[string]int{}, pages: map[string]page{
		"https://golang.org/":     {[]string{"https://golang.org/pkg/", "https://golang.org/cmd/"}, 10 * time.Millisecond},
		"https://golang.org/cmd/": {[]string{"https://golang.org/", "https://golang.org/pkg/fmt/"}, 20 * time.Millisecond},
		"https://golang.org/pkg/": {[]string{"https://golang.org/", "https://golang.org/cmd/",
			"https://golang.org/pkg/fmt/", "https://golang.org/pkg/os/"}, 30 * time.Millisecond},
		"https://golang.org/pkg/fmt/":     {[]string{"https://golang.org/", "https://golang.org/pkg/"}, 50 * time.Millisecond},
		"https://golang.org/pkg/os/":      {[]string{"https://golang.org/", "https://golang.org/pkg/os/exec/"}, 70 * time.Millisecond},
		"https://golang.org/pkg/os/exec/": {[]string{"https://golang.org/pkg/os/"}, 90 * time.Millisecond},
	}}
}

// The crawler fetches pages in parallel, one goroutine per page, and must
// fetch no URL twice: the set of URLs seen is shared by every goroutine, and
// "seen already? if not, mark it" must be one step, under one lock
// (https://pkg.go.dev/sync#Mutex); a map is not safe for concurrent use
// (https://go.dev/doc/faq#atomic_maps). Here the fetches end at distinct
// instants, so no URL is fetched twice even without the lock, by luck:
// the race detector still sees the race. And the crawl is over only when
// the last goroutine is done (https://pkg.go.dev/sync#WaitGroup).
func TestACrawlerFetchesEachURLOnceInParallelAndKnowsWhenItIsDone(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		web := goTourWeb()
		seen := struct {
			mu   sync.Mutex
			urls map[string]bool
		}{urls: map[string]bool{}}
		visit := func(url string) bool { // reports whether url is new
			// __ (one statement is missing here)
			// __ (one statement is missing here: on every way out of visit)
			if seen.urls[url] {
				return false
			}
			seen.urls[url] = true
			return true
		}
		var wg sync.WaitGroup
		var crawl func(url string, depth int)
		crawl = func(url string, depth int) {
			links, err := web.Fetch(url)
			if err != nil { // __ : how deep may the crawl go from here?
				return
			}
			for _, link := range links {
				if visit(link) {
					wg.Go(func() { crawl(link, depth-1) })
				}
			}
		}
		Crawl := func(url string, depth int) {
			visit(url)
			wg.Go(func() { crawl(url, depth) })
			wg.Wait()
		}

		start := time.Now()
		Crawl("https://golang.org/", 3) // three pages deep: no further
		assert.Equal(t, __, time.Since(start), "the slowest chain of fetches, not their sum")
		assert.Equal(t, map[string]int{
			"https://golang.org/":         1,
			"https://golang.org/cmd/":     1,
			"https://golang.org/pkg/":     1,
			"https://golang.org/pkg/fmt/": 1,
			"https://golang.org/pkg/os/":  1,
		}, web.fetches)
		assert.Equal(t, slices.Sorted(maps.Keys(web.fetches)), slices.Sorted(maps.Keys(seen.urls)))
	})
}
