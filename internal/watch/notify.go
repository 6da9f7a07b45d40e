package watch

import (
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/fsnotify/fsnotify"

	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/lang"
)

// A notifier tells of changes to the Go files and catalogs under some
// directories, by file events or by polling: the rest of Watch does not
// care which.
type notifier interface {
	// Changed receives after one or more relevant changes; changes made
	// while nobody receives are folded into one.
	Changed() <-chan struct{}
	// Errors receives what makes the notifier stop working.
	Errors() <-chan error
	Close() error
}

// signal tells of a change without blocking: one pending is enough.
func signal(c chan struct{}) {
	select {
	case c <- struct{}{}:
	default:
	}
}

// events is the notifier that listens to the operating system's file events
// (inotify, kqueue, ...).
type events struct {
	w       *fsnotify.Watcher
	changed chan struct{}
	errs    chan error
	done    chan struct{}
}

// newEvents watches dirs and their subdirectories; it fails where the
// system gives no file events (inotify's limits reached, for one).
func newEvents(dirs []string) (*events, error) {
	w, err := fsnotify.NewWatcher()
	if err != nil {
		return nil, lang.Errorf("cannot watch files here: %w", err)
	}
	for _, d := range dirs {
		if err := addTree(w, d); err != nil {
			w.Close()
			return nil, lang.Errorf("cannot watch %s: %w", d, err)
		}
	}
	e := &events{w: w, changed: make(chan struct{}, 1), errs: make(chan error, 1), done: make(chan struct{})}
	crash.Go(e.loop)
	return e, nil
}

func (e *events) loop() {
	defer close(e.done)
	for {
		select {
		case ev, ok := <-e.w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				if st, err := os.Stat(ev.Name); err == nil && st.IsDir() {
					_ = addTree(e.w, ev.Name)
				}
			}
			if relevant(ev) {
				signal(e.changed)
			}
		case err, ok := <-e.w.Errors:
			if !ok {
				return
			}
			select {
			case e.errs <- lang.Errorf("watching failed: %w", err):
			default:
			}
		}
	}
}

func (e *events) Changed() <-chan struct{} { return e.changed }
func (e *events) Errors() <-chan error     { return e.errs }

func (e *events) Close() error {
	err := e.w.Close()
	<-e.done
	return err
}

// relevant: a Go file or a catalog written, created, renamed or removed. A
// change of mode alone (a bare touch) is not a save.
func relevant(e fsnotify.Event) bool {
	if e.Op == fsnotify.Chmod {
		return false
	}
	return watched(e.Name)
}

// watched: the files whose saves matter, Go files and catalogs; not an
// editor's hidden swap files nor its backups.
func watched(name string) bool {
	base := filepath.Base(name)
	if strings.HasPrefix(base, ".") || strings.HasSuffix(base, "~") {
		return false
	}
	return strings.HasSuffix(base, ".go") || strings.HasSuffix(base, ".toml")
}

func addTree(w *fsnotify.Watcher, root string) error {
	return walkTree(root, func(p string, d os.DirEntry) error {
		if d.IsDir() {
			return w.Add(p)
		}
		return nil
	})
}

// walkTree calls fn for root and everything under it but hidden
// directories (.git, .koans, an editor's own).
func walkTree(root string, fn func(p string, d os.DirEntry) error) error {
	return filepath.WalkDir(root, func(p string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && p != root && strings.HasPrefix(d.Name(), ".") {
			return filepath.SkipDir
		}
		return fn(p, d)
	})
}

// defaultPollEvery is the time between two looks when polling: short
// enough that a save feels seen, long enough to cost nothing.
const defaultPollEvery = 400 * time.Millisecond
