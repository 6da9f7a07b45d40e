package mapsandpools

import (
	"sync"
	"testing"
)

// worker stands for a goroutine registered under a name; closing stop ends it.
type worker struct{ stop chan struct{} }

// registry is a sync.Map of the running workers by name (name → *worker),
// with one addition for the koan: a supervisor restarts a failed worker at a
// moment nobody chooses, and here that moment is the worst one, just as a
// delete reaches the map, after whatever check its caller made.
type registry struct {
	sync.Map
	restart func() // run once, by the first delete
}

func (r *registry) restartNow() {
	if f := r.restart; f != nil {
		r.restart = nil
		f()
	}
}

func (r *registry) Delete(key any) { r.restartNow(); r.Map.Delete(key) }
func (r *registry) LoadAndDelete(key any) (any, bool) {
	r.restartNow()
	return r.Map.LoadAndDelete(key)
}
func (r *registry) CompareAndDelete(key, old any) bool {
	r.restartNow()
	return r.Map.CompareAndDelete(key, old)
}

// A key of a sync.Map may be given a new value at any time, so "delete the
// entry I looked at" is not "delete the entry": by the time a Delete runs,
// the key may hold someone else's value, and a check made before the Delete
// cannot tell. CompareAndDelete deletes the entry only if it still holds the
// value given, in one step (https://pkg.go.dev/sync#Map.CompareAndDelete).
// Here worker a fails, and its clean-up forgets it as a new "a" starts.
func TestCompareAndDeleteRemovesOnlyTheEntryItSaw(t *testing.T) {
	var workers registry
	start := func(name string) *worker {
		w := &worker{stop: make(chan struct{})}
		go func() { <-w.stop }() // the worker, which runs until it is stopped
		workers.Store(name, w)
		return w
	}
	defer workers.Range(func(_, w any) bool { // shutdown: stop every registered worker
		close(w.(*worker).stop)
		return true
	})
	a := start("a")
	close(a.stop) // a fails, and its supervisor will start a new "a"
	workers.restart = func() { start("a") }
	workers.Delete("a") // __ : a's clean-up: is the entry still the one a left?
}
