package main

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"time"

	"golang.org/x/term"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/verdict"

	"github.com/gokoans/concurrency/internal/grade"
	"github.com/gokoans/concurrency/internal/hint"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/reset"
	"github.com/gokoans/concurrency/internal/walk"
	"github.com/gokoans/concurrency/internal/watch"
)

// hintCmd prints the current koan's hints up to one level more than last
// time: a nudge first, stronger ones after, never the answer. A koan named
// in args gets its own, without a walk: a look ahead.
func (a *app) hintCmd(ctx context.Context, args []string) error {
	if len(args) == 1 {
		c, err := course.Load(a.root, a.tree)
		if err != nil {
			return err
		}
		k := c.Find(args[0])
		if k == nil {
			return lang.Errorf("no koan %s in %s/ (name it as its test function is named)", args[0], a.tree)
		}
		hint.ShowKoan(a.stdout, k, hint.Options{Root: a.root, Tree: a.tree, Lang: a.lang, ViaMake: viaMake()})
		return nil
	}
	st, err := a.walk(ctx)
	if err == nil {
		hint.Show(a.stdout, st, hint.Options{Root: a.root, Tree: a.tree, Lang: a.lang, ViaMake: viaMake()})
	}
	return err
}

// listCmd prints the map of the path, graded. It draws it from what the
// learner's last walk judged (.koans/), at once; with -run it runs every
// concept first. list -json runs every concept too: graders read it, and
// must judge the koans, not a file the learner could write.
func (a *app) listCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("list")
	fs.BoolVar(&a.json, "json", a.json, a.lang.Sprintf("print the map as one JSON object (runs every concept)"))
	runAll := fs.Bool("run", false, a.lang.Sprintf("run every concept now, rather than show what the last walk judged"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return lang.Errorf("unexpected arguments: %v", fs.Args())
	}
	if !*runAll && !a.json && a.tree == "koans" {
		return a.savedList()
	}
	st, err := walk.All(ctx, a.options())
	if err != nil {
		return err
	}
	m := verdict.MapOf(st, grade.Path(a.root, st, a.lang))
	if a.json {
		return verdict.WriteMap(a.stdout, m)
	}
	render.List(a.stdout, m, a.style())
	return nil
}

// savedList prints the map of the path as the learner's last walk judged
// it, and when that was.
func (a *app) savedList() error {
	st, judged, ok, err := walk.Saved(a.root, a.tree)
	if err != nil {
		return err
	}
	s := a.style()
	render.List(a.stdout, verdict.MapOf(st, grade.Path(a.root, st, a.lang)), s)
	run := "make list RUN=1"
	if s.GoTool {
		run = "go tool koans list -run"
	}
	if !ok {
		a.lang.Fprintf(a.stdout, "Nothing has been judged here yet: walk the path first, or run `%s` to judge every koan now.\n", run)
		return nil
	}
	a.lang.Fprintf(a.stdout, "As judged %s (%s); a koan that walk did not reach shows ·. `%s` judges every koan now.\n",
		ago(a.lang, time.Since(judged)), judged.Local().Format("2006-01-02 15:04"), run)
	return nil
}

// ago says how long ago, as a person says it: to the minute, the hour or
// the day.
func ago(l lang.Lang, d time.Duration) string {
	switch {
	case d < time.Minute:
		return l.Sprintf("just now")
	case d < time.Hour:
		return l.Sprintf("%d min ago", int(d/time.Minute))
	case d < 48*time.Hour:
		return l.Sprintf("%d h ago", int(d/time.Hour))
	}
	return l.Sprintf("%d days ago", int(d/(24*time.Hour)))
}

// statsCmd sums up the learner's journal. It runs no koan.
func (a *app) statsCmd(context.Context, []string) error {
	return journal.Report(a.stdout, a.stderr, a.root, a.json, a.lang)
}

// resetCmd restores the shipped version of a koan's file, after asking,
// keeping the learner's in a backup (package reset).
func (a *app) resetCmd(_ context.Context, args []string) error {
	fs := a.cli.NewFlags("reset")
	yes := fs.Bool("y", false, a.lang.Sprintf("do not ask for confirmation"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return lang.Errorf("usage: go tool koans reset [-y] KOAN|FILE (a koan's test name, or a file under koans/)")
	}
	if err := reset.Reset(reset.Options{Root: a.root, Arg: fs.Arg(0), Yes: *yes, In: os.Stdin, Out: a.stdout, Lang: a.lang}); err != nil {
		return err
	}
	return a.chineseAgain()
}

// viaMake reports whether the learner ran the runner through make (make
// exports MAKELEVEL to its recipes), so that what the runner says to run
// next is what the learner can run: a make target, or else `go tool koans`.
func viaMake() bool { return os.Getenv("MAKELEVEL") != "" }

// watchCmd re-runs the path on every save and answers single keys
// (package watch).
func (a *app) watchCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("watch")
	runs := fs.Int("runs", 0, a.lang.Sprintf("stop after this many runs (for scripts and tests)"))
	poll := fs.Bool("poll", false, a.lang.Sprintf("look for saves a few times a second instead of waiting for file events (for shared and network folders)"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	tty := isTerminal(a.stdout)
	out, restore := watch.Raw(os.Stdin, a.stdout)
	defer restore()
	a.stdout = out
	err := screen{
		Dir: filepath.Join(a.root, "koans"), Keys: os.Stdin, Out: out, Tty: tty,
		Lang: a.lang, Dim: a.style().Dim, Poll: *poll, Runs: *runs,
		Run: func(ctx context.Context) error {
			if err := a.runCmd(ctx, nil); !errors.Is(err, cli.ErrFailing) {
				return err
			}
			return nil
		},
		Hint: func(ctx context.Context) error { return a.hintCmd(ctx, nil) },
		List: func(ctx context.Context) error { return a.listCmd(ctx, nil) },
	}.Watch(ctx)
	if errors.Is(err, watch.ErrInterrupted) {
		return cli.ErrInterrupted
	}
	return err
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}
