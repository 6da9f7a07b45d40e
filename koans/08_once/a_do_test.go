package once

import (
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/koan"
)

type config struct{ endpoint string }

// Lazy initialisation, "load it the first time someone asks", is a write
// that any caller may make while another caller reads. once.Do(f) runs f on
// the first call only, and "the completion of a single call of f() from
// once.Do(f) is synchronized before the return of any call of once.Do(f)"
// (https://go.dev/ref/mem#once): every caller sees what f wrote. Here the
// callers come one after the other in time, yet nothing orders them.
func TestOnceMakesLazyInitialisationSafe(t *testing.T) {
	loads := 0
	load := func() *config { loads++; return &config{endpoint: "https://example.com"} }
	var lazy struct {
		once sync.Once
		cfg  *config
	}
	get := func() *config {
		if lazy.cfg == nil { // __ : what runs this once, and orders it before every caller's read?
			lazy.cfg = load()
		} // __
		return lazy.cfg
	}
	var got [2]*config
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { got[0] = get(); <-release })
	koan.WaitUntilBlocked("chan receive", "TestOnceMakesLazyInitialisationSafe") // the first caller is done
	got[1] = get()
	close(release)
	wg.Wait()
	assert.Same(t, got[0], got[1])
	assert.Equal(t, 1, loads)
}

// Do already answers "has f run?" on every call, cheaply, and in a way that
// orders f's writes before the caller's reads. A plain flag read in front of
// it, to skip Do once the work is done, answers the same question without
// that order: the read of done races with f's write of it, even when the
// value read happens to be right. This is double-checked locking, and in Go
// it is a data race (https://go.dev/ref/mem#badsync).
func TestAPlainFlagInFrontOfDoIsADataRace(t *testing.T) {
	loads := 0
	load := func() *config { loads++; return &config{endpoint: "https://example.com"} }
	var lazy struct {
		once sync.Once
		done bool // set once cfg is loaded
		cfg  *config
	}
	get := func() *config {
		if lazy.done { // __ : this check takes no lock and no atomic: what orders it after f?
			return lazy.cfg // __
		} // __
		lazy.once.Do(func() {
			lazy.cfg = load()
			lazy.done = true
		})
		return lazy.cfg
	}
	var got [2]*config
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() { got[0] = get(); <-release })
	koan.WaitUntilBlocked("chan receive", "TestAPlainFlagInFrontOfDoIsADataRace") // the first caller is done
	got[1] = get()
	close(release)
	wg.Wait()
	assert.Same(t, got[0], got[1])
	assert.Equal(t, 1, loads)
}

// "No call to Do returns until the one call to f returns"
// (https://pkg.go.dev/sync#Once.Do). A caller that arrives while another
// caller's f is still running does not skip ahead, and does not run its own
// f either: it waits. Here the first caller's f is held up until the second
// caller is inside Do. In what order do the events happen?
func TestEveryDoWaitsUntilTheFunctionHasReturned(t *testing.T) {
	var once sync.Once
	events := make(chan string, 4)
	release := make(chan struct{})
	var wg sync.WaitGroup
	wg.Go(func() {
		once.Do(func() {
			events <- "f starts"
			<-release
			events <- "f returns"
		})
	})
	koan.WaitUntilBlocked("chan receive", "TestEveryDoWaitsUntilTheFunctionHasReturned") // f has started
	wg.Go(func() {
		once.Do(func() { events <- "the second caller's f runs" })
		events <- "the second caller's Do returns"
	})
	koan.WaitUntilBlocked("sync.Mutex.Lock", "sync.(*Once)") // the second caller waits inside Do
	close(release)
	wg.Wait()
	close(events)
	var got []string
	for e := range events {
		got = append(got, e)
	}
	assert.Equal(t, __, got)
}
