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
