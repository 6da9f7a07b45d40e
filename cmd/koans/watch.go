package main

import (
	"context"
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
	show := func(ctx context.Context) {
		if tty {
			fmt.Fprint(a.stdout, "\x1b[H\x1b[2J") // clear the screen
		}
		if err := a.run(ctx); err != nil && ctx.Err() == nil {
			if _, failing := err.(errFailing); !failing {
				a.lang.Fprintf(a.stdout, "koans: %v\n", err)
			}
		}
		fmt.Fprintln(a.stdout)
		fmt.Fprintln(a.stdout, a.style().Dim(a.lang.Sprintf("Watching koans/ for saves.  h hint · l list · r run again · q quit")))
	}
	err := watch.Watch(ctx, watch.Options{
		Dirs: []string{filepath.Join(a.root, "koans")},
		Keys: keys,
		Runs: *runs,
		Run:  show,
		Key: func(r rune) bool {
			switch r {
			case 'q', 'Q', 3: // 3 is Ctrl-C in raw mode
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
		},
	})
	if err != nil {
		return lang.Errorf("%w\nWatching does not work here; run `make koans` after each save instead", err)
	}
	return nil
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
