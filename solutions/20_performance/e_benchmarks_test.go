package performance

import (
	"flag"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"unsafe"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// benchmark runs f as go test -bench would with -benchtime=100x (100
// iterations, not a second of them), through testing.Benchmark
// (https://pkg.go.dev/testing#Benchmark), and returns its result.
func benchmark(t *testing.T, f func(b *testing.B)) testing.BenchmarkResult {
	benchtime := flag.Lookup("test.benchtime")
	require.NotNil(t, benchtime, "testing's flags are registered in a test binary")
	was := benchtime.Value.String()
	require.NoError(t, benchtime.Value.Set("100x"))
	defer benchtime.Value.Set(was)
	return testing.Benchmark(f)
}

// A benchmark times a loop: either "for b.Loop() { ... }" (Go 1.24) or a loop
// to b.N, "but not both". A b.N loop's function is called several times, b.N
// growing, its setup each time; b.Loop "runs each benchmark function only
// once per measurement", resets the timer when the loop starts, and keeps
// the loop's results alive so the compiler cannot optimise the work away
// (https://pkg.go.dev/testing#B.Loop). Here the setup is costly; it must run
// once.
func TestBLoopRunsTheBenchmarkFunctionOnce(t *testing.T) {
	setups, found := 0, 0
	result := benchmark(t, func(b *testing.B) {
		setups++
		words := make([]string, 10_000) // the costly setup
		for i := range words {
			words[i] = string(rune('a' + i%26))
		}
		for b.Loop() {
			found = slices.Index(words, "not there")
		}
	})
	assert.Equal(t, -1, found)
	assert.Equal(t, 100, result.N, "iterations measured")
	assert.Equal(t, 1, setups, "times the benchmark function (and its setup) ran")
}

// b.RunParallel times work done by many goroutines at once: it starts
// GOMAXPROCS goroutines (times b.SetParallelism's factor) and shares the b.N
// iterations among them; each goroutine takes its share from pb.Next until
// it returns false (https://pkg.go.dev/testing#B.RunParallel). go test's -cpu
// flag sets GOMAXPROCS for each run. Here a cache is read by every goroutine:
// b.N reads in all, not b.N per goroutine.
func TestRunParallelSharesTheIterationsAmongItsGoroutines(t *testing.T) {
	cache := map[string]int{"home": 1}
	var mu sync.RWMutex
	var reads, goroutines atomic.Int64
	result := benchmark(t, func(b *testing.B) {
		reads.Store(0)
		goroutines.Store(0)
		b.SetParallelism(2) // two goroutines per processor, at least two
		b.RunParallel(func(pb *testing.PB) {
			goroutines.Add(1)
			for pb.Next() {
				mu.RLock()
				_ = cache["home"]
				mu.RUnlock()
				reads.Add(1)
			}
		})
	})
	assert.Equal(t, 100, result.N, "iterations measured (0 when the benchmark failed)")
	assert.GreaterOrEqual(t, goroutines.Load(), int64(2), "goroutines that ran the body")
	assert.Equal(t, int64(result.N), reads.Load(), "reads done by all the goroutines together")
}

// cacheLine is the size of a cache line on amd64 and most arm64 CPUs (the
// Go runtime pads its own hot data to 128 bytes on arm64, for the CPUs whose
// lines are that long).
const cacheLine = 64

// False sharing: a core writes memory a cache line at a time, and two
// counters on one line, written by two cores, make the line travel between
// them on every write, though no variable is shared (100 Go Mistakes, #92).
// Whether it shows in a benchmark depends on the machine and its load; a
// layout does not: unsafe.Offsetof and unsafe.Sizeof give it, the same on
// every run (https://pkg.go.dev/unsafe#Sizeof). Give every worker's counter
// a cache line of its own, and no more than it needs.
func TestEachHotCounterNeedsACacheLineOfItsOwn(t *testing.T) {
	type shard struct { // one worker's counter; shards sit side by side
		hits atomic.Int64
		_    [cacheLine - 8]byte
	}
	var shards [4]shard
	var wg sync.WaitGroup
	for w := range shards {
		wg.Go(func() {
			for range 1000 {
				shards[w].hits.Add(1)
			}
		})
	}
	wg.Wait()
	total := int64(0)
	for i := range shards {
		total += shards[i].hits.Load()
	}
	assert.Equal(t, int64(4000), total)
	apart := uintptr(unsafe.Pointer(&shards[1].hits)) - uintptr(unsafe.Pointer(&shards[0].hits))
	assert.GreaterOrEqual(t, apart, uintptr(cacheLine), "bytes from one worker's counter to the next")
	assert.LessOrEqual(t, unsafe.Sizeof(shard{}), uintptr(2*cacheLine), "a shard should not waste more than a line")
}
