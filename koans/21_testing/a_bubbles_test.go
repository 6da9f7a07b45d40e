package testingconcurrency

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// chanLock is a lock made of a channel with room for one token: Lock puts
// the token in (and waits while it is there), Unlock takes it out. A buffer
// bounds how many goroutines are inside (see 03_buffered_channels).
type chanLock chan struct{}

func (l chanLock) Lock()   { l <- struct{}{} }
func (l chanLock) Unlock() { <-l }

// A printer prints one job at a time; each page takes a (fake) second.
type printer struct {
	busy    sync.Locker
	printed []string
}

func (p *printer) print(doc string, pages int) {
	p.busy.Lock()
	defer p.busy.Unlock()
	time.Sleep(time.Duration(pages) * time.Second)
	p.printed = append(p.printed, doc)
}

// A bubble's clock moves only when every goroutine in it is "durably
// blocked": blocked on something only the bubble can end. Channels made in
// the bubble, WaitGroup.Wait and time.Sleep are; "locking a sync.Mutex or
// sync.RWMutex" is not (https://pkg.go.dev/testing/synctest). While the
// report sleeps holding the lock, the memo waits in Lock, and the bubble
// takes it for a goroutine still at work: the clock never moves.
func TestAGoroutineWaitingForAMutexHoldsBackTheFakeClock(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		p := &printer{busy: new(sync.Mutex)} // __ : can the bubble see a goroutine that waits for this lock?
		start := time.Now()
		var wg sync.WaitGroup
		wg.Go(func() { p.print("report", 3) })
		synctest.Wait() // the report holds the lock, asleep on the fake clock
		wg.Go(func() { p.print("memo", 1) })
		wg.Wait()
		assert.Equal(t, []string{"report", "memo"}, p.printed)
		assert.Equal(t, 4*time.Second, time.Since(start))
	})
}

// A mailbox delivers each letter after a delay, from a goroutine of its own.
type mailbox struct{ letters chan string }

func newMailbox() *mailbox { return &mailbox{letters: make(chan string)} }

func (m *mailbox) post(letter string, after time.Duration) {
	go func() {
		time.Sleep(after)
		m.letters <- letter
	}()
}

// Only "a blocking send or receive on a channel created within the bubble"
// blocks durably (https://pkg.go.dev/testing/synctest). A channel made
// outside, before synctest.Test, can be woken from outside: while the test
// waits on it, the bubble cannot advance its clock, and the letter, due in
// a (fake) week, never comes. The stack of a durable wait says so: it reads
// [chan receive (durable), synctest bubble 1]. Build what a bubble tests in it.
func TestAWaitOnAChannelMadeOutsideTheBubbleIsNotDurable(t *testing.T) {
	box := newMailbox()
	box.post("hello", time.Millisecond) // outside a bubble: a real millisecond
	assert.Equal(t, "hello", <-box.letters)
	var letter string
	var took time.Duration
	synctest.Test(t, func(t *testing.T) {
		// __ (one statement is missing here: whose channel does box hold?)
		start := time.Now()
		box.post("see you in a week", 7*24*time.Hour)
		letter = <-box.letters
		took = time.Since(start)
	})
	assert.Equal(t, "see you in a week", letter)
	assert.Equal(t, 7*24*time.Hour, took)
}

// The *testing.T that a bubble gives f must not call T.Run
// (https://pkg.go.dev/testing/synctest#Test): a subtest's goroutine would
// belong to the bubble, and the testing package panics instead. A table of
// cases that need fake time turns the nesting inside out: a subtest for
// each case, and a bubble of its own inside each subtest.
func TestEachSubtestRunsInABubbleOfItsOwn(t *testing.T) {
	cases := []struct {
		name  string
		after time.Duration
	}{{"by air", 2 * 24 * time.Hour}, {"by sea", 30 * 24 * time.Hour}}
	var names []string
	for _, tc := range cases {
		synctest.Test(t, func(t *testing.T) { // __ : can the bubble's t run a subtest?
			t.Run(tc.name, func(t *testing.T) { // __ : which of the two must come first?
				names = append(names, t.Name())
				start := time.Now()
				box := newMailbox()
				box.post(tc.name, tc.after)
				assert.Equal(t, tc.name, <-box.letters)
				assert.Equal(t, tc.after, time.Since(start))
			})
		})
	}
	assert.Equal(t, []string{"TestEachSubtestRunsInABubbleOfItsOwn/by_air",
		"TestEachSubtestRunsInABubbleOfItsOwn/by_sea"}, names)
}
