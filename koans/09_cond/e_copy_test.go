package cond

import (
	"sync"
	"testing"
	"testing/synctest"

	"github.com/stretchr/testify/assert"
)

// mailbox holds letters for whoever waits for one.
type mailbox struct {
	arrived sync.Cond // arrived.L guards letters
	letters []string
}

func newMailbox() *mailbox {
	return &mailbox{arrived: sync.Cond{L: new(sync.Mutex)}}
}

func (b *mailbox) take() string {
	b.arrived.L.Lock()
	defer b.arrived.L.Unlock()
	for len(b.letters) == 0 {
		b.arrived.Wait()
	}
	letter := b.letters[0]
	b.letters = b.letters[1:]
	return letter
}

// "A Cond must not be copied after first use" (https://pkg.go.dev/sync#Cond):
// a copy has a list of waiters of its own, so a Signal on the copy wakes
// nobody who waits on the original. A parameter is a copy of its argument
// (https://go.dev/ref/spec#Calls), Cond included. go vet's copylocks check reports
// such a copy before the program runs; at run time, the Cond's own check
// would panic with "sync.Cond is copied" (an implementation detail).
func TestACondIsSharedByPointer(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		box := newMailbox()
		post := func(b mailbox, letter string) { // __ : which mailbox does post change?
			b.arrived.L.Lock()
			defer b.arrived.L.Unlock()
			b.letters = append(b.letters, letter)
			b.arrived.Signal()
		}
		var got string
		var wg sync.WaitGroup
		wg.Go(func() { got = box.take() })
		synctest.Wait() // until the reader waits for a letter

		post(*box, "hello") // __
		wg.Wait()
		assert.Equal(t, "hello", got)
	})
}
