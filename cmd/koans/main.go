package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"path/filepath"
	"runtime/debug"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/shipped"
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
	testPanic := os.Getenv("KOANS_TEST_PANIC") // for the runner's tests only: main or goroutine
	defer func() {
		if r := recover(); r != nil {
			reporter.Report(r, debug.Stack())
			code = exitTrouble
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := &app{stdout: stdout, stderr: stderr, color: isTerminal(stdout), lang: l}
	fs := app.newFlags("koans")
	fs.BoolVar(&app.json, "json", false, l.Sprintf("print the verdict as one JSON object"))
	fs.BoolVar(&app.noRace, "norace", false, l.Sprintf("run without the race detector (race koans are then not judged)"))
	fs.StringVar(&app.tree, "tree", "koans", l.Sprintf("which tree to walk: koans or solutions"))
	switch err := app.parseFlags(fs, args); {
	case errors.Is(err, errHelp):
		return exitUsage
	case err != nil:
		return exitTrouble
	}
	root, err := course.FindRoot(".")
	if err != nil {
		l.Fprintf(stderr, "koans: %v\n", err)
		return exitTrouble
	}
	app.root = root
	reporter.SetDir(filepath.Join(root, walk.StateDir))
	panicForTest(testPanic)
	cmd, rest := "", fs.Args()
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	switch cmd {
	case "", "run", "hint", "list", "stats":
		// These take the common flags after the command too: koans list -json.
		switch err := app.parseFlags(fs, rest); {
		case errors.Is(err, errHelp):
			return exitUsage
		case err != nil:
			return exitTrouble
		}
		if fs.NArg() > 0 {
			l.Fprintf(stderr, "koans: unexpected arguments: %v\n", fs.Args())
			return exitTrouble
		}
	}
	return app.status(ctx, cmd, app.command(ctx, cmd, rest, fs))
}

// errInterrupted ends a command whose run Ctrl-C cut short: exit status
// 130, and not a word more.
var errInterrupted = errors.New("interrupted")

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

// errTrouble ends a command whose trouble was already told: exit status 2.
var errTrouble = errors.New("trouble told")

// command runs one of the runner's commands; fs is the runner's flag set,
// for the usage after an unknown command.
func (a *app) command(ctx context.Context, cmd string, rest []string, fs *flag.FlagSet) error {
	switch cmd {
	case "", "run":
		return a.run(ctx)
	case "hint":
		return a.hint(ctx)
	case "list":
		return a.listCmd(ctx)
	case "watch":
		return a.watchCmd(ctx, rest, os.Stdin)
	case "reset":
		return a.resetCmd(rest, os.Stdin)
	case "verify":
		return a.verifyCmd(ctx, rest)
	case "stress":
		return a.stressCmd(ctx, rest)
	case "mutate":
		return a.mutateCmd(ctx, rest)
	case "stats":
		return a.statsCmd()
	case "solution":
		return a.solutionCmd(ctx, rest)
	}
	a.lang.Fprintf(a.stderr, "koans: unknown command %q\n", cmd)
	usage(a.stderr, fs, a.lang)
	return errTrouble
}

// status is the exit status of a command that returned err, after telling
// the runner's trouble, if any.
func (a *app) status(ctx context.Context, cmd string, err error) int {
	if ctx.Err() != nil && cmd != "watch" || errors.Is(err, errInterrupted) {
		// Ctrl-C: the learner knows why the run stopped, and a run cut
		// short says nothing about the koans. (watch takes Ctrl-C between
		// runs as q, and says errInterrupted when it cut a run short.)
		return exitInterrupted
	}
	var failing errFailing
	switch {
	case errors.Is(err, errHelp):
		return exitUsage
	case errors.As(err, &failing):
		return exitFailing
	case errors.Is(err, errTrouble):
		return exitTrouble
	case err != nil:
		a.lang.Fprintf(a.stderr, "koans: %v\n", err)
		return exitTrouble
	}
	return exitEnlightened
}

// errFailing is the error of a walk that found a failing koan: not a
// trouble of the runner, only a non-zero exit.
type errFailing struct{}

func (errFailing) Error() string { return "a koan fails" }

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

func (a *app) walk(ctx context.Context) (*walk.Standing, error) {
	a.warm(ctx)
	st, err := walk.Walk(ctx, walk.Options{
		Root: a.root, Tree: a.tree, NoRace: a.noRace,
		Waiting: a.waiting,
	})
	if err == nil {
		placeMissing(a.root, st)
	}
	return st, err
}

// placeMissing names the file a deleted current koan was in, as shipped,
// so the advice restores that file and no other. Only a missing koan pays
// for the git look-up.
func placeMissing(root string, st *walk.Standing) {
	o := st.Current
	if o == nil || o.Failure == nil || o.Failure.Kind != "missing" || o.Koan.File != "" || !strings.HasPrefix(st.CurrentConcept.Dir, "koans/") {
		return
	}
	v, err := shipped.Find(root)
	if err != nil {
		return
	}
	if file, err := v.Locate(st.CurrentConcept.Dir, o.Koan.Name); err == nil {
		o.Failure = diagnose.Missing(st.CurrentConcept, o.Koan, file)
	}
}

// warm builds what the koans need with the race detector, with a progress
// line, the first time the runner runs in this clone (a new machine: over a
// minute on two cores). Later runs skip the check.
func (a *app) warm(ctx context.Context) {
	if _, err := os.Stat(filepath.Join(a.root, walk.StateDir, "walk.json")); err == nil {
		return
	}
	c, err := course.Load(a.root, a.tree)
	if err != nil || len(c.Concepts) == 0 {
		return
	}
	var pkgs []string
	for _, cc := range c.Concepts {
		pkgs = append(pkgs, "./"+cc.Dir)
	}
	tty := isTerminal(a.stderr)
	last := -1
	_ = run.Warm(ctx, a.root, !a.noRace, pkgs, func(done, total int, race bool) {
		pct := 100 * done / total
		switch {
		case done == 0 && race:
			a.lang.Fprintf(a.stderr, "First run here: building Go's standard library and the koans' dependencies with the race detector (%d packages; a minute or two on a small machine).\n", total)
		case done == 0:
			a.lang.Fprintf(a.stderr, "First run here: building Go's standard library and the koans' dependencies (%d packages; a minute or two on a small machine).\n", total)
		case tty:
			a.lang.Fprintf(a.stderr, "\r  built %d of %d packages (%d%%)", done, total, pct)
			if done == total {
				fmt.Fprintln(a.stderr)
			}
		case pct/10 != last/10 || done == total: // a line per tenth when not a terminal
			a.lang.Fprintf(a.stderr, "  built %d of %d packages (%d%%)\n", done, total, pct)
		}
		last = pct
	})
}

// waiting tells the learner why nothing shows yet: the first run on a new
// machine builds the standard library with the race detector, when there
// is one (it needs cgo).
func (a *app) waiting(race bool) {
	if race {
		a.lang.Fprintf(a.stderr, "Building the koans with the race detector...\n")
	} else {
		a.lang.Fprintf(a.stderr, "Building the koans...\n")
	}
}

func (a *app) run(ctx context.Context) error {
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
		return errFailing{}
	}
	return nil
}
