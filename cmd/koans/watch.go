package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"golang.org/x/term"

	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/watch"
)

// watchCmd re-runs the path on every save and answers single keys.
func (a *app) watchCmd(ctx context.Context, args []string, stdin *os.File) error {
	fs := a.newFlags("watch")
	runs := fs.Int("runs", 0, a.lang.Sprintf("stop after this many runs (for scripts and tests)"))
	poll := fs.Bool("poll", false, a.lang.Sprintf("look for saves a few times a second instead of waiting for file events (for shared and network folders)"))
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	tty := isTerminal(a.stdout)
	var keys io.Reader = stdin
	if stdin != nil && term.IsTerminal(int(stdin.Fd())) {
		// Raw mode gives single key presses without Enter; it also stops
		// the terminal from turning "\n" into "\r\n", so we do.
		if old, err := term.MakeRaw(int(stdin.Fd())); err == nil {
			restore := func() { _ = term.Restore(int(stdin.Fd()), old) }
			defer crash.OnCrash(restore)()
			defer restore()
			a.stdout = crlf{a.stdout}
		}
	}
	dir := filepath.Join(a.root, "koans")
	note := "" // how the watch watches, when not by file events
	if fstype, ok := watch.DetectPolling(dir); ok && !*poll {
		*poll = true
		note = a.lang.Sprintf("Watching by polling: %s is on a %s mount, where file events are not reliable.", dir, fstype)
	}
	// show runs the path; Ctrl-C (ctx ended) cuts it short without a word.
	show := func(ctx context.Context) {
		if tty {
			fmt.Fprint(a.stdout, "\x1b[H\x1b[2J") // clear the screen
		}
		err := a.run(ctx)
		if ctx.Err() != nil {
			return // Ctrl-C: not a word more
		}
		if _, failing := err.(errFailing); err != nil && !failing {
			a.lang.Fprintf(a.stdout, "koans: %v\n", err)
		}
		fmt.Fprintln(a.stdout)
		fmt.Fprintln(a.stdout, a.style().Dim(a.lang.Sprintf("Watching koans/ for saves.  h hint · l list · r run again · q quit")))
		if note != "" {
			fmt.Fprintln(a.stdout, a.style().Dim(note))
		}
	}
	err := watch.Watch(ctx, watch.Options{
		Dirs: []string{dir},
		Poll: *poll,
		FellBack: func(err error) {
			note = a.lang.Sprintf("Watching by polling: file events are not available here (%v).", err)
		},
		Keys: keys,
		Runs: *runs,
		Run:  show,
		Key:  a.watchKeys(show),
	})
	if errors.Is(err, watch.ErrInterrupted) {
		return errInterrupted
	}
	if err != nil {
		return lang.Errorf("%w\nWatching does not work here; run `make koans` after each save instead", err)
	}
	return nil
}

// watchKeys answers watch's keys; show runs the path again. Ctrl-C is the
// watch's own.
func (a *app) watchKeys(show func(context.Context)) func(context.Context, rune) bool {
	return func(ctx context.Context, r rune) bool {
		switch r {
		case 'q', 'Q':
			return false
		case 'h', 'H':
			fmt.Fprintln(a.stdout)
			_ = a.hint(ctx)
		case 'l', 'L':
			fmt.Fprintln(a.stdout)
			_ = a.listCmd(ctx)
		case 'r', 'R':
			show(ctx)
		}
		return true
	}
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// crlf writes "\r\n" for "\n", as a terminal in raw mode needs.
type crlf struct{ w io.Writer }

func (c crlf) Write(p []byte) (int, error) {
	_, err := io.WriteString(c.w, strings.ReplaceAll(string(p), "\n", "\r\n"))
	return len(p), err
}
