package watch

import (
	"context"
	"io"
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
	changed := make(chan struct{})
	keys := make(chan rune)     // a key is handed over only when the loop has dealt with all before it
	var quiets []chan time.Time // one per quiet period started
	var periods []time.Duration
	ranc := make(chan struct{}, 10)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan error, 1)
	l := &loop{
		opt: Options{Debounce: 150 * time.Millisecond,
			Run: func(context.Context) { ranc <- struct{}{} },
			Key: func(context.Context, rune) bool { return true }},
		n:    fakeNotifier{changed: changed},
		keys: keys,
		after: func(d time.Duration) <-chan time.Time {
			c := make(chan time.Time, 1)
			quiets, periods = append(quiets, c), append(periods, d)
			return c
		},
	}
	go func() { done <- l.run(ctx) }()
	<-ranc // the first run, at the start
	for range 5 {
		changed <- struct{}{}
	}
	keys <- 'x'
	require.Len(t, quiets, 5, "each save starts the quiet period again")
	assert.Equal(t, 150*time.Millisecond, periods[0], "the quiet period is the Debounce")
	for _, q := range quiets[:4] {
		q <- time.Time{} // the end of a quiet period a later save cut short
	}
	keys <- 'x'
	assert.Empty(t, ranc, "a quiet period a later save cut short ran the koans")
	quiets[4] <- time.Time{}
	<-ranc // the end of the last one runs them, once
	keys <- 'x'
	assert.Empty(t, ranc, "one burst ran the koans more than once")
	cancel()
	if err := <-done; err != nil { // cancelled while the last key was handled
		assert.ErrorIs(t, err, ErrInterrupted)
	}
}

// fakeNotifier hands the loop changes by hand.
type fakeNotifier struct{ changed chan struct{} }

func (f fakeNotifier) Changed() <-chan struct{} { return f.changed }
func (f fakeNotifier) Errors() <-chan error     { return nil }
func (f fakeNotifier) Close() error             { return nil }

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
		Key: func(_ context.Context, r rune) bool {
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

// watchInBackground starts Watch and returns the count of runs and the
// channel of its result; the first run has begun when it returns.
func watchInBackground(t *testing.T, ctx context.Context, opt Options) (*atomic.Int32, <-chan error) {
	t.Helper()
	var runs atomic.Int32
	started := make(chan struct{})
	opt.Run = func(context.Context) {
		if runs.Add(1) == 1 {
			close(started)
		}
	}
	done := make(chan error, 1)
	go func() { done <- Watch(ctx, opt) }()
	select {
	case <-started:
	case err := <-done:
		t.Fatalf("watch ended before its first run: %v", err)
	}
	return &runs, done
}

// Polling sees every kind of save: in place (same size: only the time
// tells), by rename, a file added, a file removed; not a file that is no
// Go file nor catalog.
func TestPollingSeesEverySave(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "sub", "a_test.go")
	require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
	require.NoError(t, os.WriteFile(file, []byte("package a\n"), 0o644))
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runs, done := watchInBackground(t, ctx, Options{Dirs: []string{dir}, Poll: true, PollEvery: 20 * time.Millisecond, Debounce: 30 * time.Millisecond})
	saves := []func(){
		func() { // same size, a later time
			later := time.Now().Add(time.Minute)
			require.NoError(t, os.WriteFile(file, []byte("package b\n"), 0o644))
			require.NoError(t, os.Chtimes(file, later, later))
		},
		func() {
			require.NoError(t, os.WriteFile(file+".new", []byte("package a // x\n"), 0o644))
			require.NoError(t, os.Rename(file+".new", file))
		},
		func() { require.NoError(t, os.WriteFile(filepath.Join(dir, "catalog.toml"), nil, 0o644)) },
		func() { require.NoError(t, os.Remove(file)) },
	}
	for i, save := range saves {
		save()
		require.Eventually(t, func() bool { return runs.Load() == int32(i+2) }, 5*time.Second, 10*time.Millisecond, "save %d", i)
	}
	require.NoError(t, os.WriteFile(filepath.Join(dir, "notes.md"), []byte("x"), 0o644))
	require.NoError(t, os.WriteFile(filepath.Join(dir, ".a_test.go.swp"), []byte("x"), 0o644))
	time.Sleep(200 * time.Millisecond)
	assert.Equal(t, int32(len(saves)+1), runs.Load(), "a file that is not watched ran the koans")
	cancel()
	assert.NoError(t, <-done)
}

// Where file events cannot be had, the watch says why and polls.
func TestNoFileEventsFallsBackToPolling(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "koans") // not there yet: inotify cannot watch it
	var why error
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	runs, done := watchInBackground(t, ctx, Options{Dirs: []string{dir}, PollEvery: 20 * time.Millisecond, Debounce: 30 * time.Millisecond,
		FellBack: func(err error) { why = err }})
	require.Error(t, why)
	require.NoError(t, os.MkdirAll(dir, 0o755))
	require.NoError(t, os.WriteFile(filepath.Join(dir, "a_test.go"), []byte("package a\n"), 0o644))
	require.Eventually(t, func() bool { return runs.Load() == 2 }, 5*time.Second, 10*time.Millisecond)
	cancel()
	assert.NoError(t, <-done)
}

// Ctrl-C from the keyboard (a terminal in raw mode) cuts the run short at
// once: its context ends and the watch says it was interrupted. Between
// runs, it ends the watch like q.
func TestCtrlCInterruptsTheRun(t *testing.T) {
	keys, press := io.Pipe()
	defer press.Close()
	done := make(chan error, 1)
	running := make(chan struct{})
	go func() {
		done <- Watch(context.Background(), Options{Dirs: []string{t.TempDir()}, Keys: keys,
			Run: func(ctx context.Context) {
				close(running)
				select {
				case <-ctx.Done():
				case <-time.After(time.Minute):
				}
			},
			Key: func(context.Context, rune) bool { return true },
		})
	}()
	<-running
	_, err := press.Write([]byte{'h', 3})
	require.NoError(t, err)
	select {
	case err := <-done:
		assert.ErrorIs(t, err, ErrInterrupted)
	case <-time.After(2 * time.Second):
		t.Fatal("Ctrl-C did not stop the run")
	}

	keys, press = io.Pipe()
	go func() {
		done <- Watch(context.Background(), Options{Dirs: []string{t.TempDir()}, Keys: keys, Run: func(context.Context) {}})
	}()
	_, err = press.Write([]byte{3})
	require.NoError(t, err)
	assert.NoError(t, <-done, "Ctrl-C between runs is a quit")
}
