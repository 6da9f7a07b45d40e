package watch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A burst of saves is one run; a bare touch (a change of mode) is none.
// The events and the clock are the test's: each event is handed over
// (unbuffered, so the loop has dealt with the one before), and a quiet
// period ends only when the test says so. No sleep, no window that a
// loaded machine could miss.
func TestABurstOfSavesRunsOnce(t *testing.T) {
	events := make(chan fsnotify.Event)
	var quiets []chan time.Time // one per quiet period started
	var periods []time.Duration
	ranc := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	go func() {
		done <- loop(ctx, Options{Debounce: 150 * time.Millisecond, Run: func(context.Context) { ranc <- struct{}{} }}, source{
			events: events,
			add:    func(string) error { return nil },
			after: func(d time.Duration) <-chan time.Time {
				c := make(chan time.Time, 1)
				quiets, periods = append(quiets, c), append(periods, d)
				return c
			},
		})
	}()
	<-ranc // the first run, at the start
	save := fsnotify.Event{Name: "/k/a_test.go", Op: fsnotify.Write}
	touch := fsnotify.Event{Name: "/k/a_test.go", Op: fsnotify.Chmod}
	for range 5 {
		events <- save
	}
	events <- touch
	events <- touch // handed over: the loop has dealt with all before it
	require.Len(t, quiets, 5, "each save starts the quiet period again; a touch does not")
	assert.Equal(t, 150*time.Millisecond, periods[0], "the quiet period is the Debounce")
	for _, q := range quiets[:4] {
		q <- time.Time{} // the end of a quiet period a later save cut short
	}
	events <- touch
	assert.Empty(t, ranc, "a quiet period a later save cut short ran the koans")
	quiets[4] <- time.Time{}
	<-ranc // the end of the last one runs them, once
	events <- touch
	assert.Empty(t, ranc, "one burst ran the koans more than once")
	cancel()
	assert.NoError(t, <-done)
}

// The same with real files, real editors' events and the real clock: a
// save runs the koans again. The bounds are generous (a loaded machine may
// deliver the saves slower than the debounce), so only what holds anyway is
// asserted: the save is seen, and five saves never make more than five
// runs.
func TestASaveOnDiskRunsTheKoans(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "a_test.go")
	require.NoError(t, os.WriteFile(file, []byte("package a\n"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var runs atomic.Int32
	started := make(chan struct{})
	done := make(chan error)
	go func() {
		done <- Watch(ctx, Options{Dirs: []string{dir}, Debounce: 100 * time.Millisecond, Run: func(context.Context) {
			if runs.Add(1) == 1 {
				close(started)
			}
		}})
	}()
	<-started
	for i := range 5 {
		require.NoError(t, os.WriteFile(file, []byte(strings.Repeat("\n", i)+"package a\n"), 0o644))
	}
	require.Eventually(t, func() bool { return runs.Load() >= 2 }, 30*time.Second, 10*time.Millisecond)
	assert.LessOrEqual(t, runs.Load(), int32(1+5))
	cancel()
	assert.NoError(t, <-done)
}

// Keys reach the handler; q's false ends the watch; the end of input does
// not.
func TestKeysAreCommands(t *testing.T) {
	var got []rune
	err := Watch(context.Background(), Options{
		Dirs: []string{t.TempDir()},
		Keys: strings.NewReader("hlq"),
		Run:  func(context.Context) {},
		Key: func(r rune) bool {
			got = append(got, r)
			return r != 'q'
		},
	})
	assert.NoError(t, err)
	assert.Equal(t, []rune("hlq"), got)
}

func TestOnlyGoFilesAndCatalogsMatter(t *testing.T) {
	for name, want := range map[string]bool{
		"a_test.go": true, "catalog.toml": true, ".a_test.go.swp": false, "a_test.go~": false, "README.md": false,
	} {
		assert.Equal(t, want, relevant(fsnotify.Event{Name: "/k/" + name, Op: fsnotify.Write}), name)
	}
	assert.False(t, relevant(fsnotify.Event{Name: "/k/a_test.go", Op: fsnotify.Chmod}))
}
