// Package koan is the small machinery behind every koan: the blank a learner
// fills in, the two guards that make a concurrency mistake fail fast and say
// where it is, and a way to stage an interleaving.
//
// A koan package holds one file of set-up beside its koans:
//
//	// __ is the blank to fill in. It equals nothing a koan can compute.
//	var __ = koan.Blank{}
//
//	func TestMain(m *testing.M) { koan.Main(m) }
//
// With that, every koan in the package is checked for
//
//   - leaked goroutines: after the koans have run, goroutines still alive are
//     reported with where each one waits and which koan started it
//     (go.uber.org/goleak decides what counts as a leak);
//   - hangs: a koan that makes no progress for a moment (a deadlock on a
//     channel, a mutex or a WaitGroup, or a loop that never ends) ends the
//     test binary at once with every goroutine of that koan and the line it
//     waits on, instead of waiting for go test's ten-minute timeout.
//
// Some koans must make one interleaving happen on every run: WaitUntilBlocked
// waits, by reading the goroutines' stacks, until another goroutine is
// blocked where the koan wants it, without synchronizing with it.
//
// Under go test the runtime's own "all goroutines are asleep" check never
// fires (the test framework's timer keeps the program alive), which is why
// the hang guard exists. Inside a testing/synctest bubble a deadlock is
// caught even sooner, by synctest itself.
package koan
