// Package watch re-runs the koans when a koan file is saved, and turns key
// presses into commands. It knows nothing of koans: it calls back.
//
// Editors save in different ways: some write the file in place, some write a
// new file and rename it over the old one (vim, JetBrains), and many save
// several times in a burst. Watching the directories (not the files) sees
// all of them, and a short quiet period (the debounce) turns a burst into
// one run.
package watch

import (
	"bufio"
	"context"
	"io"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/lang"
)

// Options configure a watch.
type Options struct {
	// Dirs are watched with their subdirectories (new ones included).
	Dirs []string
	// Debounce is the quiet time after the last change before a run.
	Debounce time.Duration
	// Keys, if not nil, is read for single-key commands.
	Keys io.Reader
	// Run runs the koans and shows the verdict. It is called once at the
	// start, and after every burst of changes.
	Run func(ctx context.Context)
	// Key handles a key press; it returns false to end the watch.
	Key func(r rune) bool
	// Runs, if > 0, ends the watch after that many runs (for scripts and
	// tests).
	Runs int
}

// Watch runs until ctx ends, a key handler says stop, or Runs runs are done.
func Watch(ctx context.Context, opt Options) error {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return lang.Errorf("cannot watch files here: %w", err)
	}
	defer w.Close()
	for _, d := range opt.Dirs {
		if err := addTree(w, d); err != nil {
			return lang.Errorf("cannot watch %s: %w", d, err)
		}
	}
	if opt.Debounce == 0 {
		opt.Debounce = 150 * time.Millisecond
	}
	keys := readKeys(ctx, opt.Keys)
	runs := 0
	run := func() bool {
		opt.Run(ctx)
		runs++
		return opt.Runs == 0 || runs < opt.Runs
	}
	if !run() {
		return nil
	}
	var quiet <-chan time.Time
	var timer *time.Timer
	for {
		select {
		case <-ctx.Done():
			return nil
		case e, ok := <-w.Events:
			if !ok {
				return nil
			}
			if e.Has(fsnotify.Create) {
				if st, err := os.Stat(e.Name); err == nil && st.IsDir() {
					_ = addTree(w, e.Name)
				}
			}
			if !relevant(e) {
				continue
			}
			if timer != nil {
				timer.Stop()
			}
			timer = time.NewTimer(opt.Debounce)
			quiet = timer.C
		case <-quiet:
			quiet = nil
			if !run() {
				return nil
			}
		case err, ok := <-w.Errors:
			if ok {
				return lang.Errorf("watching failed: %w", err)
			}
		case r, ok := <-keys:
			if !ok {
				keys = nil // stdin ended: go on watching without keys
				continue
			}
			if opt.Key != nil && !opt.Key(r) {
				return nil
			}
		}
	}
}

// relevant: a Go file or a catalog written, created, renamed or removed. A
// change of mode alone (a bare touch) is not a save.
func relevant(e fsnotify.Event) bool {
	if e.Op == fsnotify.Chmod {
		return false
	}
	base := filepath.Base(e.Name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	return strings.HasSuffix(base, ".go") || strings.HasSuffix(base, ".toml")
}

func addTree(w *fsnotify.Watcher, root string) error {
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			if p != root && strings.HasPrefix(d.Name(), ".") {
				return filepath.SkipDir
			}
			return w.Add(p)
		}
		return nil
	})
}

// readKeys delivers the runes read from r, and closes the channel at EOF.
func readKeys(ctx context.Context, r io.Reader) <-chan rune {
	if r == nil {
		return nil
	}
	keys := make(chan rune)
	crash.Go(func() {
		defer close(keys)
		br := bufio.NewReader(r)
		for {
			c, _, err := br.ReadRune()
			if err != nil {
				return
			}
			select {
			case keys <- c:
			case <-ctx.Done():
				return
			}
		}
	})
	return keys
}
