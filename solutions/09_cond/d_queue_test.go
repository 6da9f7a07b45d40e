package cond

import (
	"sync"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
)

// queue is a first-in-first-out queue that holds at most size items. Two
// conditions share its lock: "not full", which put waits for, and "not
// empty", which get waits for.
type queue struct {
	mu       sync.Mutex
	notFull  *sync.Cond
	notEmpty *sync.Cond
	items    []string
	size     int
	longest  int // the most items it ever held
}

func newQueue(size int) *queue {
	q := &queue{size: size}
	q.notFull = sync.NewCond(&q.mu)
	q.notEmpty = sync.NewCond(&q.mu)
	return q
}

func (q *queue) put(item string) {
	q.mu.Lock()
	defer q.mu.Unlock()
	for len(q.items) == q.size {
		q.notFull.Wait()
	}
	q.items = append(q.items, item)
	q.longest = max(q.longest, len(q.items))
	q.notEmpty.Signal()
}

// A bounded queue is the textbook use of a Cond: the producer waits while
// the queue is full, the consumer while it is empty. Each side waits on its
// own condition, and each side must announce the change the other side
// waits for. Here the consumer is there first, and then slower than the
// producer, so each side waits in turn.
func TestABoundedQueueAnnouncesBothConditions(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		q := newQueue(2)
		get := func() string {
			q.mu.Lock()
			defer q.mu.Unlock()
			for len(q.items) == 0 {
				q.notEmpty.Wait()
			}
			item := q.items[0]
			q.items = q.items[1:]
			q.notFull.Signal()
			return item
		}
		words := []string{"one", "two", "three", "four", "five"}
		var got []string
		var wg sync.WaitGroup
		wg.Go(func() {
			for range words {
				got = append(got, get())
				time.Sleep(time.Second) // a slow consumer
			}
		})
		synctest.Wait() // the consumer waits: the queue is empty
		for _, w := range words {
			q.put(w)
		}
		wg.Wait()
		assert.Equal(t, words, got)
		assert.Equal(t, 2, q.longest)
	})
}

// A Wait has no timeout of its own and cannot be a case of a select: it
// returns only when another goroutine signals. To give up at a deadline, some
// goroutine must Broadcast then, and wake every waiter (the context package's
// ExampleAfterFunc_cond builds that). A select waits for a channel and a
// clock by itself, and "Broadcast corresponds to closing a channel"
// (https://pkg.go.dev/sync#Cond). Here the client gives up on a server that
// is not up within a second.
func TestACondWaitCannotGiveUpByItselfButASelectCan(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var mu sync.Mutex
		up := make(chan struct{})
		// version is set when the server is up
		version := ""
		start := func(v string) {
			mu.Lock()
			defer mu.Unlock()
			version = v
			close(up)
		}
		waitUp := func(timeout time.Duration) string {
			select {
			case <-up:
			case <-time.After(timeout):
			}
			mu.Lock()
			defer mu.Unlock()
			return version
		}
		begin := time.Now()
		go func() {
			time.Sleep(2 * time.Second) // the server is slow to start
			start("v1")
		}()
		assert.Equal(t, "", waitUp(time.Second)) // gives up
		assert.Equal(t, time.Second, time.Since(begin))
		assert.Equal(t, "v1", waitUp(time.Minute)) // waits until it is up
		assert.Equal(t, 2*time.Second, time.Since(begin))
	})
}
