package deadlocks

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// A keyed lock gives each key (a file being downloaded, say) its own Mutex,
// kept in a table guarded by another. Its lock order hides in two functions:
// lock takes the table's lock, then the key's; unlock takes the table's while
// it holds the key's. A second lock of a busy key waits for the key holding
// the table, and the key's holder waits for the table: AB-BA, with no
// accounts to sort. The rule: never wait for a lock while holding another
// that its holder may need. Take what you need, release, then wait.
func TestWaitForAKeysLockOnlyAfterReleasingTheTable(t *testing.T) {
	var mu sync.Mutex                 // guards the table
	table := map[string]*sync.Mutex{} // a Mutex for each key
	lock := func(key string) {
		mu.Lock()
		m, ok := table[key]
		if !ok {
			m = new(sync.Mutex)
			table[key] = m
		}
		m.Lock()    // __ : which lock does this goroutine hold while it waits for the key's?
		mu.Unlock() // __
	}
	unlock := func(key string) {
		mu.Lock()
		defer mu.Unlock()
		table[key].Unlock()
	}
	var log []string
	lock("logo.png")
	var wg sync.WaitGroup
	wg.Go(func() {
		lock("logo.png") // a second download of the same file
		log = append(log, "second")
		unlock("logo.png")
	})
	koan.WaitUntilBlocked("sync.Mutex.Lock") // it waits for the first one
	wg.Go(func() { lock("icon.png"); unlock("icon.png") })
	log = append(log, "first")
	unlock("logo.png")
	wg.Wait()
	assert.Equal(t, []string{"first", "second"}, log)
}

// Once a writer waits in Lock, new RLock calls wait behind it, "to ensure that
// the lock eventually becomes available" to the writer
// (https://pkg.go.dev/sync#RWMutex). So a builder that holds a read lock while
// it waits for a job keeps a reload waiting in Lock, and the reload keeps out
// the test, which must read the version to make the job: three goroutines in
// a cycle, and no goroutine locks twice. The rule: hold a lock around the
// shared state only, never across a wait for another goroutine.
func TestAReadLockHeldWhileWaitingShutsOutTheGoroutineItWaitsFor(t *testing.T) {
	var mu sync.RWMutex
	version := "v1" // the build configuration, guarded by mu
	reload := func(v string) {
		mu.Lock()
		defer mu.Unlock()
		version = v
	}
	jobs, built := make(chan string), make(chan string)
	go func() { // the builder
		mu.RLock()    // __ : should the builder hold the read lock while it waits for a job?
		job := <-jobs // __
		result := job + ", built with " + version
		mu.RUnlock()
		built <- result
	}()
	koan.WaitUntilBlocked("chan receive") // the builder waits for a job
	go reload("v2")                       // a reload comes, and waits if it must
	koan.WaitUntilBlocked("")
	mu.RLock() // the test makes the job
	job := "job for " + version
	mu.RUnlock()
	jobs <- job
	koan.WaitUntilBlocked("chan send") // the builder has read version
	reload("v3")
	assert.Equal(t, "job for v2, built with v2", <-built)
}
