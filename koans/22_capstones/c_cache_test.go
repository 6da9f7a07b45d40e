package capstones

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"testing/synctest"
	"time"

	"github.com/stretchr/testify/assert"
	"golang.org/x/sync/singleflight"
)

// Capstone 3: a cache in front of a slow loader, with
// golang.org/x/sync/singleflight.

// cache keeps what its loader returned, under its lock. A miss calls fill,
// which loads the value and keeps it.
type cache struct {
	mu    sync.Mutex
	vals  map[string]string
	group singleflight.Group
	load  func(ctx context.Context, key string) (string, error)
	loads atomic.Int64 // how many times load was called
}

func newCache(load func(ctx context.Context, key string) (string, error)) *cache {
	return &cache{vals: map[string]string{}, load: load}
}

// cached returns the value kept for key, if any.
func (c *cache) cached(key string) (string, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	v, ok := c.vals[key]
	return v, ok
}

// callEachTime calls fn, as if nobody else ever asked for the same key.
func callEachTime(key string, fn func() (any, error)) (v any, err error, shared bool) {
	v, err = fn()
	return v, err, false
}

type tokenKey struct{}

// slowLoad needs a token from its context. It takes a second, or gives up
// when its context is done.
func slowLoad(ctx context.Context, key string) (string, error) {
	if ctx.Value(tokenKey{}) == nil {
		return "", errors.New("no token")
	}
	select {
	case <-time.After(time.Second):
		return "value of " + key, nil
	case <-ctx.Done():
		return "", ctx.Err()
	}
}

// Group.Do makes sure "only one execution is in-flight for a given key at a
// time. If a duplicate comes in, the duplicate caller waits for the original
// to complete and receives the same results"; shared "indicates whether v
// was given to multiple callers" (https://pkg.go.dev/golang.org/x/sync/singleflight#Group.Do).
// Only in flight: Do keeps nothing once the call has returned, and the next
// Do calls the function again. Keeping the value is the cache's own work.
func TestConcurrentMissesShareOneLoadAndTheCacheKeepsItsResult(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := newCache(slowLoad)
		authorized := context.WithValue(context.Background(), tokenKey{}, "s3cret")
		get := func(key string) (string, bool) { // and whether it was shared
			if v, ok := c.cached(key); ok {
				return v, false
			}
			fill := func() (any, error) {
				c.loads.Add(1)
				v, err := c.load(authorized, key)
				if err == nil {
					c.mu.Lock()
					// __ (one statement is missing here: what will the next miss find?)
					c.mu.Unlock()
				}
				return v, err
			}
			v, _, shared := callEachTime(key, fill) // __ : how many fills may run for one key at once?
			return v.(string), shared
		}

		var wg sync.WaitGroup
		var sharedBy atomic.Int64
		for range 5 {
			wg.Go(func() {
				if v, shared := get("gopher"); v == "value of gopher" && shared {
					sharedBy.Add(1)
				}
			})
		}
		wg.Wait()
		assert.Equal(t, __, int(sharedBy.Load()), "callers told their value was shared")
		time.Sleep(time.Minute)
		v, _ := get("gopher") // a minute later
		assert.Equal(t, "value of gopher", v)
		assert.Equal(t, int64(1), c.loads.Load(), "calls to load")
	})
}

// DoChan is Do with a channel, which lets a caller stop waiting: it selects
// on the result and on its own ctx.Done(). But the load itself runs once for
// every caller: if it ran with the first caller's ctx, that caller's cancel
// would fail them all. context.WithoutCancel(ctx) "is not canceled when
// parent is canceled" (https://pkg.go.dev/context#WithoutCancel) and keeps
// its values. (The channel DoChan returns "will not be closed"; in the
// current implementation it has room for the result, so nobody is stranded.)
func TestOneCallersCancelDoesNotFailTheOthersWaitingForTheSameLoad(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		c := newCache(slowLoad)
		get := func(ctx context.Context, key string) (string, error) {
			if v, ok := c.cached(key); ok {
				return v, nil
			}
			loadCtx := ctx // __ : should one caller's cancel end the load that every caller waits for?
			results := c.group.DoChan(key, func() (any, error) {
				c.loads.Add(1)
				return c.load(loadCtx, key)
			})
			select {
			case r := <-results:
				return r.Val.(string), r.Err
				// __ (a case is missing here: what if this caller
				// __ stops waiting before the load is done?)
			}
		}

		type answer struct {
			val   string
			err   error
			after time.Duration
		}
		start := time.Now()
		ask := func(ctx context.Context, to *answer) func() {
			return func() {
				to.val, to.err = get(ctx, "gopher")
				to.after = time.Since(start)
			}
		}
		var wg sync.WaitGroup
		var first, second answer
		authorized := context.WithValue(t.Context(), tokenKey{}, "s3cret")
		ctx, cancel := context.WithCancel(authorized)
		wg.Go(ask(ctx, &first)) // the first caller: its call runs the load
		synctest.Wait()
		wg.Go(ask(authorized, &second))
		time.Sleep(100 * time.Millisecond)
		cancel() // the first caller gives up
		wg.Wait()
		assert.Equal(t, answer{"", context.Canceled, 100 * time.Millisecond}, first)
		assert.Equal(t, answer{"value of gopher", nil, time.Second}, second)
		assert.Equal(t, int64(1), c.loads.Load(), "calls to load")
	})
}
