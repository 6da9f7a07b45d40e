package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/term"

	"github.com/gokoans/concurrency/internal/watch"
)

// watchCmd re-runs the path on every save and answers single keys
// (package watch).
func (a *app) watchCmd(ctx context.Context, args []string) error {
	fs := a.newFlags("watch")
	runs := fs.Int("runs", 0, a.lang.Sprintf("stop after this many runs (for scripts and tests)"))
	poll := fs.Bool("poll", false, a.lang.Sprintf("look for saves a few times a second instead of waiting for file events (for shared and network folders)"))
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	tty := isTerminal(a.stdout)
	out, restore := watch.Raw(os.Stdin, a.stdout)
	defer restore()
	a.stdout = out
	err := watch.Learner{
		Dir: filepath.Join(a.root, "koans"), Keys: os.Stdin, Out: out, Tty: tty,
		Lang: a.lang, Dim: a.style().Dim, Poll: *poll, Runs: *runs,
		Run: func(ctx context.Context) error {
			if err := a.runCmd(ctx, nil); !errors.Is(err, errFailing) {
				return err
			}
			return nil
		},
		Hint: func(ctx context.Context) { _ = a.hintCmd(ctx, nil) },
		List: func(ctx context.Context) { _ = a.listCmd(ctx, nil) },
	}.Watch(ctx)
	if errors.Is(err, watch.ErrInterrupted) {
		return errInterrupted
	}
	return err
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
