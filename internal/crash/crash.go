package crash

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"sync"
	"time"

	"github.com/gokoans/concurrency/internal/lang"
)

// ExitStatus is the status of a runner that crashed: the runner's trouble.
const ExitStatus = 2

// LogName is the crash log's name in the runner's state directory.
const LogName = "crash.log"

// A Reporter says where and how a crash is told.
type Reporter struct {
	Args   []string  // the runner's arguments, for the log
	Lang   lang.Lang // the learner's language, for the paragraph
	Stderr io.Writer // where the paragraph goes
	// Exit ends the process after a goroutine's crash (os.Exit if nil).
	Exit func(code int)

	mu       sync.Mutex
	dir      string   // the state directory; "" until the course is found
	restores []func() // undo what changed the terminal, newest first
}

var (
	installed   *Reporter
	installedMu sync.Mutex
)

// Install makes r the process's reporter, for Report and for the
// goroutines started through Go and Guard.
func Install(r *Reporter) {
	installedMu.Lock()
	defer installedMu.Unlock()
	installed = r
}

func current() *Reporter {
	installedMu.Lock()
	defer installedMu.Unlock()
	return installed
}

// SetDir names the state directory (the course's .koans) the log goes in.
// Until it is known, the log goes in the system's temporary directory.
func (r *Reporter) SetDir(dir string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.dir = dir
}

// OnCrash registers undo, run before the paragraph is printed if the runner
// crashes (watch puts the terminal back out of raw mode). The returned
// function takes it back, for when the change is undone normally.
func OnCrash(undo func()) (remove func()) {
	r := current()
	if r == nil {
		return func() {}
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	r.restores = append(r.restores, undo)
	n := len(r.restores) - 1
	return func() {
		r.mu.Lock()
		defer r.mu.Unlock()
		r.restores[n] = nil
	}
}

// Go runs f in a new goroutine; a panic in f is reported and ends the
// process with ExitStatus.
func Go(f func()) { go Guard(f)() }

// Guard returns f wrapped so that a panic in it is reported and ends the
// process with ExitStatus: for goroutines started by a library
// (wg.Go(crash.Guard(f))).
func Guard(f func()) func() {
	return func() {
		defer func() {
			if v := recover(); v != nil {
				r := current()
				if r == nil {
					panic(v) // no reporter: Go's own report is better than none
				}
				r.Report(v, debug.Stack())
				exit := r.Exit
				if exit == nil {
					exit = os.Exit
				}
				exit(ExitStatus)
			}
		}()
		f()
	}
}

// Report tells the crash of value v, recovered with stack (debug.Stack() in
// the deferred function that recovered it): it writes the log, restores the
// terminal, and prints the paragraph. It returns the log's path ("" if it
// could not be written). Only the first crash is told.
func (r *Reporter) Report(v any, stack []byte) string {
	r.mu.Lock()
	defer r.mu.Unlock()
	for i := len(r.restores) - 1; i >= 0; i-- {
		if undo := r.restores[i]; undo != nil {
			undo()
		}
	}
	r.restores = nil
	path, err := r.writeLog(v, stack)
	if err != nil {
		r.Lang.Fprintf(r.Stderr, "koans: the runner itself failed (%v), and could not write its crash log (%v). Your files are untouched. Please report this, with what follows:\n%s\n", v, err, stack)
		return ""
	}
	r.Lang.Fprintf(r.Stderr, "koans: the runner itself failed (%v). Your files are untouched. What went wrong is written in %s: please report it at https://github.com/gokoans/concurrency/issues with that file.\n", v, path)
	return path
}

func (r *Reporter) writeLog(v any, stack []byte) (string, error) {
	dir := r.dir
	if dir == "" {
		dir = filepath.Join(os.TempDir(), "koans")
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, LogName)
	f, err := os.Create(path)
	if err != nil {
		return "", err
	}
	// The log is for the course's maintainers: it stays in English.
	fmt.Fprintf(f, "koans crashed at %s\n", time.Now().Format(time.RFC3339))
	fmt.Fprintf(f, "panic: %v\n", v)
	fmt.Fprintf(f, "args: %q\n", r.Args)
	fmt.Fprintf(f, "go: %s %s/%s\n", runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if bi, ok := debug.ReadBuildInfo(); ok {
		fmt.Fprintf(f, "module: %s %s\n", bi.Main.Path, bi.Main.Version)
	}
	fmt.Fprintf(f, "\n%s", stack)
	if err := f.Close(); err != nil {
		return "", err
	}
	if wd, err := os.Getwd(); err == nil {
		if rel, err := filepath.Rel(wd, path); err == nil && filepath.IsLocal(rel) {
			path = rel // the learner's own view of it: .koans/crash.log
		}
	}
	return path, nil
}
