package main

import (
	"context"
	"errors"
	"io"
	"os"
	"os/signal"
	"runtime/debug"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/state"
	"github.com/gokoans/concurrency/internal/walk"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}

// exit codes
const (
	exitEnlightened = 0
	exitFailing     = 1
	exitTrouble     = 2
	exitInterrupted = 130 // 128 + SIGINT, as shells report it
	exitUsage       = 0   // the usage, asked for with -h
)

// Main runs the command with args and returns its exit status. A bug of
// the runner's own, in any of its goroutines, ends in one plain paragraph
// that names .koans/crash.log, where the stack is (package crash).
func Main(args []string, stdout, stderr io.Writer) (code int) {
	l := lang.FromEnv(os.Getenv) // once: every word after this is in l
	reporter := &crash.Reporter{Args: args, Lang: l, Stderr: stderr}
	crash.Install(reporter)
	defer func() {
		if r := recover(); r != nil {
			reporter.Report(r, debug.Stack())
			code = exitTrouble
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	a := &app{stdout: stdout, stderr: stderr, color: isTerminal(stdout), lang: l}
	return a.main(ctx, args, reporter)
}

// main parses the runner's flags, finds the course and runs the command
// args name, from the table of commands.
func (a *app) main(ctx context.Context, args []string, reporter *crash.Reporter) int {
	testPanic := os.Getenv("KOANS_TEST_PANIC") // for the runner's tests only: main or goroutine
	fs := a.newFlags("koans")
	fs.BoolVar(&a.json, "json", false, a.lang.Sprintf("print the verdict as one JSON object"))
	fs.BoolVar(&a.noRace, "norace", false, a.lang.Sprintf("run without the race detector (race koans are then not judged)"))
	fs.StringVar(&a.tree, "tree", "koans", a.lang.Sprintf("which tree to walk: koans or solutions"))
	if err := a.parseFlags(fs, args); err != nil {
		return flagStatus(err)
	}
	root, err := course.FindRoot(".")
	if err != nil {
		a.lang.Fprintf(a.stderr, "koans: %v\n", err)
		return exitTrouble
	}
	a.root = root
	reporter.SetDir(state.Of(root).Path())
	panicForTest(testPanic)
	name, rest := "run", fs.Args()
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	c := lookup(name)
	if c == nil {
		a.lang.Fprintf(a.stderr, "koans: unknown command %q\n", name)
		usage(a.stderr, fs, a.lang)
		return exitTrouble
	}
	if c.common { // the runner's flags after the command too: koans list -json
		if err := a.parseFlags(fs, rest); err != nil {
			return flagStatus(err)
		}
		if fs.NArg() > 0 {
			a.lang.Fprintf(a.stderr, "koans: unexpected arguments: %v\n", fs.Args())
			return exitTrouble
		}
	}
	return a.status(ctx, name, c.run(a, ctx, rest))
}

// panicForTest makes the runner crash as a test asks (KOANS_TEST_PANIC):
// "main" panics in Main's goroutine, "goroutine" in a goroutine the runner
// starts, so that the scripts see the crash report of both.
func panicForTest(where string) {
	switch where {
	case "main":
		panic("KOANS_TEST_PANIC=main")
	case "goroutine":
		crash.Go(func() { panic("KOANS_TEST_PANIC=goroutine") })
		select {} // the crash ends the process
	}
}

var (
	// errInterrupted ends a command whose run Ctrl-C cut short: exit
	// status 130, and not a word more.
	errInterrupted = errors.New("interrupted")
	// errTrouble ends a command whose trouble was already told: exit
	// status 2.
	errTrouble = errors.New("trouble told")
	// errFailing ends a walk that found a failing koan: not a trouble of
	// the runner, only exit status 1.
	errFailing = errors.New("a koan fails")
)

// status is the exit status of command cmd that returned err, after
// telling the runner's trouble, if any.
func (a *app) status(ctx context.Context, cmd string, err error) int {
	if ctx.Err() != nil && cmd != "watch" || errors.Is(err, errInterrupted) {
		// Ctrl-C: the learner knows why the run stopped, and a run cut
		// short says nothing about the koans. (watch takes Ctrl-C between
		// runs as q, and says errInterrupted when it cut a run short.)
		return exitInterrupted
	}
	switch {
	case errors.Is(err, errHelp):
		return exitUsage
	case errors.Is(err, errFailing):
		return exitFailing
	case errors.Is(err, errTrouble):
		return exitTrouble
	case err != nil:
		a.lang.Fprintf(a.stderr, "koans: %v\n", err)
		return exitTrouble
	}
	return exitEnlightened
}

// flagStatus is the exit status after the runner's own flags failed to
// parse: the usage was asked for, or the flag package named the mistake.
func flagStatus(err error) int {
	if errors.Is(err, errHelp) {
		return exitUsage
	}
	return exitTrouble
}

type app struct {
	root   string
	tree   string
	json   bool
	noRace bool
	color  bool // stdout is a terminal
	lang   lang.Lang
	stdout io.Writer
	stderr io.Writer
}

func (a *app) style() render.Style {
	color := a.color && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	return render.Style{Color: color, GoTool: !viaMake(), Lang: a.lang}
}

// options are the walk's options for this run of the runner.
func (a *app) options() walk.Options {
	return walk.Options{Root: a.root, Tree: a.tree, NoRace: a.noRace, Waiting: run.Waiting(a.stderr, a.lang)}
}

// walk walks the learner's path, after the first run's build in this clone.
func (a *app) walk(ctx context.Context) (*walk.Standing, error) {
	walk.Warm(ctx, a.options(), run.Progress(a.stderr, isTerminal(a.stderr), a.lang))
	st, err := walk.Walk(ctx, a.options())
	if err == nil {
		st.PlaceMissing(a.root)
	}
	return st, err
}

// runCmd walks the path and prints the verdict.
func (a *app) runCmd(ctx context.Context, _ []string) error {
	st, err := a.walk(ctx)
	if err != nil {
		return err
	}
	if a.json {
		if err := render.JSONIn(a.stdout, st, a.lang); err != nil {
			return err
		}
	} else {
		render.Text(a.stdout, st, a.style())
	}
	if st.Current != nil {
		return errFailing
	}
	return nil
}
