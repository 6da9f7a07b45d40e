package deadlocks

import (
	"fmt"
	"runtime"
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// A wait cycle needs no lock: two goroutines that each wait for the other
// before doing what the other waits for are stuck for ever. Here two replicas
// boot, and each may serve only once its peer is up; each announces that it is
// up by closing its ready channel (a close is seen by every receiver, 02_channels).
// The rule: do what others wait for (announce, send, release) before you wait.
// synctest.Test runs f in a bubble with a fake clock (see 04_select).
func TestAnnounceWhatOthersWaitForBeforeYouWait(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		start := time.Now()
		// replica boots, and returns when it starts serving (its peer must be up).
		replica := func(boot time.Duration, mine chan struct{}, peer <-chan struct{}) time.Duration {
			time.Sleep(boot)
			close(mine)
			<-peer
			return time.Since(start)
		}
		readyA, readyB := make(chan struct{}), make(chan struct{})
		var served [2]time.Duration
		var wg sync.WaitGroup
		wg.Go(func() { served[0] = replica(time.Second, readyA, readyB) })
		wg.Go(func() { served[1] = replica(3*time.Second, readyB, readyA) })
		wg.Wait()
		assert.Equal(t, [2]time.Duration{3 * time.Second, 3 * time.Second}, served)
	})
}

// tokenKeeper's issue numbers new tokens under mu, and hands them to the
// keeper goroutine, which records when each one expires, under mu too.
type tokenKeeper struct {
	mu      sync.Mutex
	issued  int
	expires map[string]int
	added   chan string
}

func (k *tokenKeeper) keep() {
	for tok := range k.added {
		k.mu.Lock()
		k.expires[tok] = k.issued + 1000 // valid for the next 1000 tokens
		k.mu.Unlock()
	}
}

// The commonest mixed deadlock of real Go code: a goroutine sends on a
// channel while it holds a lock, and the receiver, before it can receive
// again, needs that lock. The sender waits for the receiver, the receiver for
// the lock. A buffer only moves the deadlock to the send that finds it full.
// The rule: a lock guards state, not communication; release it before you
// send (or receive, or wait) on anything another goroutine must do.
func TestNeverSendWhileHoldingALockTheReceiverNeeds(t *testing.T) {
	k := &tokenKeeper{expires: map[string]int{}, added: make(chan string)}
	issue := func(users []string) []string {
		k.mu.Lock()
		// the lock is released once the tokens are made, below
		toks := make([]string, len(users))
		for i, user := range users {
			k.issued++
			toks[i] = fmt.Sprintf("%s-%d", user, k.issued)
		}
		k.mu.Unlock()
		for _, tok := range toks {
			k.added <- tok
		}
		return toks
	}
	var keeper, issuers sync.WaitGroup
	keeper.Go(k.keep)
	for _, team := range []string{"red", "blue"} {
		issuers.Go(func() {
			users := make([]string, 1000)
			for i := range users {
				users[i] = fmt.Sprintf("%s%d", team, i)
			}
			assert.Len(t, issue(users), 1000)
		})
	}
	issuers.Wait()
	close(k.added)
	keeper.Wait()
	assert.Len(t, k.expires, 2000)
	assert.Equal(t, 2000, k.issued)
}

// stopper runs tasks until it is stopped. A task asks shouldStop, which reads
// stopping under mu, between its steps; stop sets stopping, under mu, and
// waits for every task to return.
type stopper struct {
	mu       sync.Mutex
	stopping bool
	tasks    sync.WaitGroup
}

func (s *stopper) run(task func(shouldStop func() bool)) {
	s.tasks.Go(func() { task(s.shouldStop) })
}

func (s *stopper) shouldStop() bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.stopping
}

// Waiting for goroutines is blocking too. stop waits for the tasks while it
// holds the lock that each task needs to hear that it should stop: the tasks
// wait for stop's lock, stop waits for the tasks. The same rule as for a send:
// change the state under the lock, release it, and only then wait for
// the goroutines that must read it.
func TestReleaseTheLockBeforeWaitingForTheTasks(t *testing.T) {
	s := &stopper{}
	stop := func() {
		s.mu.Lock()
		s.stopping = true
		s.mu.Unlock()
		s.tasks.Wait()
	}
	stopped := make([]bool, 2)
	for i := range stopped {
		s.run(func(shouldStop func() bool) {
			for !shouldStop() {
				runtime.Gosched() // a step of work
			}
			stopped[i] = true
		})
	}
	stop()
	assert.Equal(t, []bool{true, true}, stopped)
	assert.True(t, s.shouldStop())
}
