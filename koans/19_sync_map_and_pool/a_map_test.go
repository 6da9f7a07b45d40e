package mapsandpools

import (
	"sync"
	"testing"
)

// Every method of a sync.Map is safe to call from any goroutine, but two calls
// are two steps: another goroutine may change the key between them. An update
// that reads a value and stores a new one must store it only if the key still
// holds what was read (https://pkg.go.dev/sync#Map.CompareAndSwap), and try
// again if not. Here two subscribers leave a feed; the last one out stops it.
// The second leaves between the first one's Load and its store, on every run.
func TestCompareAndSwapStoresOnlyOverTheValueItRead(t *testing.T) {
	var subscribers sync.Map // topic → how many subscribers it has
	stop := make(chan struct{})
	go func() { <-stop }() // the feed, which runs until its last subscriber leaves
	subscribers.Store("news", 2)
	// leave takes one subscriber off topic, and stops the feed if it was the
	// last. meanwhile runs where another goroutine could leave too.
	var leave func(topic string, meanwhile func())
	leave = func(topic string, meanwhile func()) {
		var n int
		for {
			v, _ := subscribers.Load(topic)
			n = v.(int)
			meanwhile()
			if _, loaded := subscribers.Swap(topic, n-1); loaded { // __ : what if another goroutine stored a count since the Load?
				break
			}
		}
		if n == 1 {
			close(stop)
		}
	}
	leave("news", sync.OnceFunc(func() { leave("news", func() {}) }))
}

// worker stands for a goroutine registered under a name; closing stop ends it.
type worker struct{ stop chan struct{} }

// A key of a sync.Map may be given a new value at any time, so "delete the
// entry I looked at" is not "delete the entry": by the time a Delete runs, the
// key may hold someone else's value. CompareAndDelete deletes the entry only if
// it still holds the value given (https://pkg.go.dev/sync#Map.CompareAndDelete).
// Here worker "a" fails and is restarted at the worst moment, while the failed
// worker's clean-up forgets it; at shutdown, every registered worker is stopped.
func TestCompareAndDeleteRemovesOnlyTheEntryItSaw(t *testing.T) {
	var workers sync.Map // name → *worker
	start := func(name string) *worker {
		w := &worker{stop: make(chan struct{})}
		go func() { <-w.stop }() // the worker, which runs until it is stopped
		workers.Store(name, w)
		return w
	}
	// forget removes the entry of a worker that has failed, if the entry is
	// still that worker's. meanwhile runs where another goroutine could store.
	forget := func(name string, failed *worker, meanwhile func()) {
		if w, _ := workers.Load(name); w != failed {
			return // someone else's entry now: the quick check
		}
		meanwhile()
		workers.Delete(name) // __ : is the entry still the one the check saw?
	}
	a, b := start("a"), start("b")
	close(a.stop) // a fails, and a supervisor starts a new "a"...
	forget("a", a, func() { start("a") })
	close(b.stop) // b fails, and nobody starts it again
	forget("b", b, func() {})
	workers.Range(func(_, w any) bool { // shutdown
		close(w.(*worker).stop)
		return true
	})
}
