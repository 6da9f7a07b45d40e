package main

import (
	"context"
	"errors"
	"fmt"
	"io"

	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/watch"
)

// screen is the learner's watch screen, the runner's `watch`: the path run
// again on every save under Dir (package watch watches), and single keys
// answered between runs (h hint, l list, r run again, q quit).
type screen struct {
	Dir  string    // the koans tree, watched with its subdirectories
	Keys io.Reader // the learner's key presses (see Raw)
	Out  io.Writer // where the runs print
	Tty  bool      // Out is a terminal: the screen is cleared before each run
	Lang lang.Lang
	Dim  func(string) string // faint text, for the status lines
	Poll bool                // poll for saves instead of waiting for file events
	Runs int                 // if > 0, stop after that many runs (for scripts and tests)
	// Run runs the path and prints its verdict on Out; its error is the
	// runner's own trouble, never a failing koan. Hint and List print the
	// current koan's hint and the map of the path; their errors are said on
	// Out too, and the watch goes on.
	Run, Hint, List func(ctx context.Context) error
}

// Watch watches until the learner quits, Runs runs are done or ctx ends.
// It returns ErrInterrupted when Ctrl-C cut a run short, and an error that
// says what to do instead when watching does not work here.
func (p screen) Watch(ctx context.Context) error {
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	note := "" // how the watch watches, when not by file events
	if fstype, ok := watch.DetectPolling(p.Dir); ok && !p.Poll {
		p.Poll = true
		note = p.Lang.Sprintf("Watching by polling: %s is on a %s mount, where file events are not reliable.", p.Dir, fstype)
	}
	// show runs the path; Ctrl-C (ctx ended) cuts it short without a word.
	show := func(ctx context.Context) {
		if p.Tty {
			fmt.Fprint(p.Out, "\x1b[H\x1b[2J") // clear the screen
		}
		if !p.said(ctx, p.Run(ctx)) {
			return // Ctrl-C: not a word more
		}
		fmt.Fprintln(p.Out)
		fmt.Fprintln(p.Out, p.Dim(p.Lang.Sprintf("Watching koans/ for saves.  h hint · l list · r run again · q quit")))
		if note != "" {
			fmt.Fprintln(p.Out, p.Dim(note))
		}
	}
	err := watch.Watch(ctx, watch.Options{
		Dirs: []string{p.Dir},
		Poll: p.Poll,
		FellBack: func(err error) {
			note = p.Lang.Sprintf("Watching by polling: file events are not available here (%v).", err)
		},
		Keys: p.Keys,
		Runs: p.Runs,
		Run:  show,
		Key:  p.keys(show),
	})
	if err != nil && !errors.Is(err, watch.ErrInterrupted) {
		return lang.Errorf("%w\nWatching does not work here; run `make koans` after each save instead", err)
	}
	return err
}

// keys answers the learner's keys; show runs the path again. Ctrl-C is
// the watch's own.
func (p screen) keys(show func(context.Context)) func(context.Context, rune) bool {
	return func(ctx context.Context, r rune) bool {
		switch r {
		case 'q', 'Q':
			return false
		case 'h', 'H':
			fmt.Fprintln(p.Out)
			p.said(ctx, p.Hint(ctx))
		case 'l', 'L':
			fmt.Fprintln(p.Out)
			p.said(ctx, p.List(ctx))
		case 'r', 'R':
			show(ctx)
		}
		return true
	}
}

// said says err, the runner's own trouble, on Out; false when ctx ended
// (Ctrl-C), which cuts a command short without a word.
func (p screen) said(ctx context.Context, err error) bool {
	if ctx.Err() != nil {
		return false
	}
	if err != nil {
		p.Lang.Fprintf(p.Out, "koans: %v\n", err)
	}
	return true
}
