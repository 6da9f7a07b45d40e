package deadlocks

import (
	"fmt"
	"slices"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

// sessions counts the open sessions of each user, up to a limit for all. By a
// common convention, a method whose name ends in Locked expects its caller to
// hold mu; every other method takes mu itself.
type sessions struct {
	mu    sync.Mutex
	open  map[string]int
	limit int
}

func (s *sessions) totalLocked() int {
	n := 0
	for _, c := range s.open {
		n += c
	}
	return n
}

// Total is for callers that do not hold mu.
func (s *sessions) Total() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.totalLocked()
}

// A sync.Mutex is not reentrant: Lock blocks "until the mutex is available"
// (https://pkg.go.dev/sync#Mutex.Lock), even in the goroutine that holds it,
// which then waits for itself for ever. In real code the second Lock hides a
// call or two deeper: here open holds mu and calls Total, which locks mu again.
// The rule that prevents it: split each operation into a method that locks and
// a helper that expects the lock held, and let locked code call only helpers.
func TestAMethodThatHoldsTheLockCallsOnlyHelpersThatExpectIt(t *testing.T) {
	s := &sessions{open: map[string]int{}, limit: 3}
	open := func(user string) bool { // opens a session, unless the limit is reached
		s.mu.Lock()
		defer s.mu.Unlock()
		if s.totalLocked() >= s.limit {
			return false
		}
		s.open[user]++
		return true
	}
	users := []string{"ada", "bob", "ada", "bob", "ada"} // two users, five requests
	opened := make([]bool, len(users))
	var wg sync.WaitGroup
	for i, user := range users {
		wg.Go(func() { opened[i] = open(user) })
	}
	wg.Wait()
	n := 0
	for _, ok := range opened {
		if ok {
			n++
		}
	}
	assert.Equal(t, 3, n)
	s.mu.Lock() // an audit holds the lock while someone asks for the total
	var total int
	wg.Go(func() { total = s.Total() })
	koan.WaitUntilBlocked("sync.Mutex.Lock")
	s.open["audit"]++
	s.mu.Unlock()
	wg.Wait()
	assert.Equal(t, 4, total)
}

// leases keeps an expiry time for each lease. onRenew is a hook that the user
// of the table sets (to save renewals to disk, say), called on each renewal.
type leases struct {
	mu      sync.Mutex
	expiry  map[string]int
	onRenew func(id string)
}

func (l *leases) Expiry(id string) int {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.expiry[id]
}

// A callback is code you do not control, and it may call you back. Called
// while you hold your lock, a hook that calls one of your locking methods
// locks the same Mutex twice in one goroutine; a hook of another type, with a
// lock of its own, can close an AB-BA cycle that no lock order written in one
// place can see. The rule: call hooks, listeners and callbacks with no lock
// held. Read what they need under the lock, unlock, then call.
func TestCallCallbacksWithNoLockHeld(t *testing.T) {
	l := &leases{expiry: map[string]int{}}
	saved := make(chan string, 2)
	l.onRenew = func(id string) { saved <- fmt.Sprintf("%s until %d", id, l.Expiry(id)) }
	renew := func(id string, until int) {
		l.mu.Lock()
		l.expiry[id] = until
		hook := l.onRenew
		l.mu.Unlock()
		hook(id)
	}
	var wg sync.WaitGroup
	wg.Go(func() { renew("db", 10) })
	wg.Go(func() { renew("cache", 20) })
	var early int
	wg.Go(func() { early = l.Expiry("db") }) // a reader, meanwhile
	wg.Wait()
	assert.Contains(t, []int{0, 10}, early)
	close(saved)
	var got []string
	for s := range saved {
		got = append(got, s)
	}
	slices.Sort(got)
	assert.Equal(t, []string{"cache until 20", "db until 10"}, got)
}

// customer is guarded by mu, and says who it is through String.
type customer struct {
	mu   sync.RWMutex
	name string
	age  int
}

func (c *customer) String() string {
	c.mu.RLock()
	defer c.mu.RUnlock()
	return fmt.Sprintf("%s (%d)", c.name, c.age)
}

// fmt formats an operand that implements Stringer by calling its String
// method (https://pkg.go.dev/fmt, "Printing"): a call you do not see. When
// String takes the value's lock, formatting the value while holding that lock
// is a lock taken twice in one goroutine, and an RWMutex read lock waits for
// the write lock held by the same goroutine, for ever. Inside a locked method,
// format the fields you hold, never the value itself.
func TestAStringMethodMustNotLockWhatItsCallerHolds(t *testing.T) {
	c := &customer{name: "Ada", age: 36}
	setAge := func(age int) error {
		c.mu.Lock()
		defer c.mu.Unlock()
		if age < 0 {
			return fmt.Errorf("customer %s (%d): age %d is negative", c.name, c.age, age)
		}
		c.age = age
		return nil
	}
	var label string
	var wg sync.WaitGroup
	wg.Go(func() { label = c.String() })
	assert.NoError(t, setAge(37))
	wg.Wait()
	assert.Contains(t, []string{"Ada (36)", "Ada (37)"}, label)
	assert.EqualError(t, setAge(-1), "customer Ada (37): age -1 is negative")
	assert.NoError(t, setAge(38))
	assert.EqualError(t, setAge(-2), "customer Ada (38): age -2 is negative")
}
