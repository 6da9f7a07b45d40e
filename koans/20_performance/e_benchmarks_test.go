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
		for range b.N { // __ : how many times must this function be called?
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
	cache := map[string]int{"home": 1} // read by all, written by none
	var reads, goroutines atomic.Int64
	result := benchmark(t, func(b *testing.B) {
		reads.Store(0)
		goroutines.Store(0)
		b.SetParallelism(2) // two goroutines per processor, at least two
		b.RunParallel(func(pb *testing.PB) {
			goroutines.Add(1)
			for range b.N { // __ : whose share of the iterations is this?
				reads.Add(int64(cache["home"]))
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
		// __ : how far is this counter from the next worker's?
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

// uTest returns the two-sided p-value of a Mann-Whitney U test of samples a
// and b (no value in both), computed exactly: the chance that two samples of
// one distribution would differ as much, in rank, as these do.
func uTest(a, b []float64) float64 {
	u := 0 // pairs (x in a, y in b) with x above y
	for _, x := range a {
		for _, y := range b {
			if x > y {
				u++
			}
		}
	}
	// ways[m][n][k]: the orderings of m values of a and n of b with k pairs of
	// a above b, built up one value at a time.
	m, n := len(a), len(b)
	ways := make([][][]float64, m+1)
	for i := range ways {
		ways[i] = make([][]float64, n+1)
		for j := range ways[i] {
			ways[i][j] = make([]float64, i*j+1)
			switch {
			case i == 0 || j == 0:
				ways[i][j][0] = 1
			default:
				for k := range ways[i][j] {
					if k >= j {
						ways[i][j][k] += ways[i-1][j][k-j] // a's largest is the largest
					}
					if k <= i*(j-1) {
						ways[i][j][k] += ways[i][j-1][k] // b's largest is
					}
				}
			}
		}
	}
	total, below, above := 0.0, 0.0, 0.0
	for k, w := range ways[m][n] {
		total += w
		if k <= u {
			below += w
		}
		if k >= u {
			above += w
		}
	}
	return min(1, 2*min(below, above)/total)
}

// benchstat compares two sets of benchmark runs, before and after a change,
// with a Mann-Whitney U test, and calls a change significant only when the
// test's p-value is below 0.05; otherwise it prints "~"
// (https://pkg.go.dev/golang.org/x/perf/cmd/benchstat). One run of each is
// an anecdote, whatever its numbers say; its doc asks for at least ten, the
// number chosen before looking. Here are ten runs of a benchmark before and
// after a change, in ns/op: how many must be compared (go test's -count)?
func TestOneRunOfEachIsAnAnecdote(t *testing.T) {
	before := []float64{53.0, 51.8, 52.9, 52.7, 53.4, 52.3, 50.9, 52.8, 51.9, 53.7}
	after := []float64{51.2, 51.3, 52.6, 52.1, 52.0, 52.4, 51.4, 52.2, 51.0, 50.7}
	runs := 1 // __ : how many runs of each must be compared?
	p := uTest(before[:runs], after[:runs])
	t.Logf("%d runs of each: p = %.3f", runs, p)
	assert.Less(t, p, 0.05, "the p-value of the difference between before and after")
	assert.InDelta(t, 0.1, uTest([]float64{3, 2, 1}, []float64{0.3, 0.2, 0.1}), 1e-9, "the smallest p-value of three runs a side")
}
