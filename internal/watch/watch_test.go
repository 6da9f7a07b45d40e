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
func TestABurstOfSavesRunsOnce(t *testing.T) {
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
	require.NoError(t, os.Chmod(file, 0o600))
	require.Eventually(t, func() bool { return runs.Load() == 2 }, 5*time.Second, 10*time.Millisecond)
	time.Sleep(300 * time.Millisecond) // nothing more comes
	assert.Equal(t, int32(2), runs.Load())
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
