package mutex

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// A sync.RWMutex has two ways in. Lock lets in one writer alone; RLock lets in
// any number of readers together, while no writer holds the lock (nor, as a
// later koan shows, waits for it) (https://pkg.go.dev/sync#RWMutex). Here
// two readers each tell the other what they read, and wait to hear back,
// while still inside: only a lock they can hold at the same time lets them.
// The readers come a second late (fake time: the koan runs in a synctest
// bubble, https://pkg.go.dev/testing/synctest); the writer waits until both
// are in, then for both to leave.
func TestReadersShareAnRWMutex(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.RWMutex
		menu := map[string]int{}
		setPrice := func(item string, price int) {
			mu.Lock()
			defer mu.Unlock()
			menu[item] = price
		}
		setPrice("tea", 3)
		box := [2]chan int{make(chan int, 1), make(chan int, 1)}
		var heard [2]int
		var in, wg sync.WaitGroup
		in.Add(2)
		for i := range 2 {
			wg.Go(func() {
				time.Sleep(time.Second) // the readers come a second late
				mu.Lock()               // __ : which lock lets two readers in at once?
				defer mu.Unlock()       // __
				in.Done()
				box[1-i] <- menu["tea"] // tell the other reader...
				heard[i] = <-box[i]     // ...and hear from it, still inside
			})
		}
		wg.Go(func() {
			in.Wait() // the writer, there first, lets both readers in
			setPrice("tea", 4)
		})
		wg.Wait()
		assert.Equal(t, [2]int{3, 3}, heard)
		assert.Equal(t, 4, menu["tea"])
	})
}

// RLock lets many goroutines in together, so it protects only reading. A
// function that looks like a read but sometimes writes (here: it fills a
// table on first use) must not hold only the read lock: two goroutines can be
// inside at once, and the write races with the other goroutine's read.
func TestAReadLockDoesNotMakeWritesSafe(t *testing.T) {
	var mu sync.RWMutex
	var prices map[string]int // filled on first use
	price := func(item string) int {
		mu.RLock()         // __ : does price only read?
		defer mu.RUnlock() // __
		if prices == nil {
			prices = map[string]int{"tea": 3, "cake": 5}
		}
		return prices[item]
	}
	var got [2]int
	var wg sync.WaitGroup
	for i, item := range []string{"tea", "cake"} {
		wg.Go(func() { got[i] = price(item) })
	}
	wg.Wait()
	assert.Equal(t, [2]int{3, 5}, got)
}

// A goroutine that holds a read lock must not take it again. The sync doc
// says why (https://pkg.go.dev/sync#RWMutex): once a writer waits in Lock, new
// RLock calls block until the writer has had its turn, so that writers are not
// starved. The writer waits for the first read lock to be released; the
// reader, asking for a second one, waits for the writer. "This prohibits
// recursive read locking." Here a writer arrives at the worst moment on every
// run.
func TestARecursiveReadLockDeadlocksOnceAWriterWaits(t *testing.T) {
	var mu sync.RWMutex
	prices := map[string]int{"tea": 3, "cake": 5}
	priceLocked := func(item string) int { return prices[item] } // the caller holds mu
	price := func(item string) int {
		mu.RLock()
		defer mu.RUnlock()
		return priceLocked(item)
	}
	writer := func() {
		mu.Lock()
		defer mu.Unlock()
		prices["tea"] = 4
	}
	total := func(items ...string) int {
		mu.RLock()
		defer mu.RUnlock()
		go writer()                                // a writer arrives now...
		koan.WaitUntilBlocked("sync.RWMutex.Lock") // ...and waits for this reader
		sum := 0
		for _, item := range items {
			sum += price(item) // __ : what does this goroutine already hold?
		}
		return sum
	}
	assert.Equal(t, 3, price("tea"))
	assert.Equal(t, 8, total("tea", "cake"))
	assert.Equal(t, 4, price("tea"))
}
