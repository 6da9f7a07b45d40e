// Command koans is the koan master: it runs the koans of Go Concurrency
// Koans in curriculum order and tells you where you stand on the path.
//
// Run it from anywhere inside the repository, as a tool of the module:
//
//	go tool koans              run the path, stop at the first failing koan, explain it
//	go tool koans -json        the same verdict as one JSON object on the last line
//	go tool koans hint         a hint for the current koan; ask again for a stronger one
//	go tool koans watch        run again on every save; keys h hint, l list, r run, q quit
//	go tool koans list [-json] the map of the path: every koan, passed, current or not yet
//	go tool koans reset [-y] KOAN|FILE
//	                           restore a koan's file as shipped, keeping yours in .koans/backups
//	go tool koans verify       for instructors: every koan fails for its reason, every solution passes
//	go tool koans stress       solutions 50 times at -cpu 1,2,4,8, koans judged 10 times: flakes by koan
//	go tool koans mutate       take each line of synchronisation out of the solutions: the koan must fail
//
// The -json verdict is a stable contract:
//
//	{"status":"failing","concept":"02_channels","koan":"TestAnUnbufferedSendWaitsForAReceiver",
//	 "file":"koans/02_channels/unbuffered_test.go","line":23,"kind":"blank",
//	 "message":"...","passed":12,"total":96, ...}
//
// status is "failing" or "enlightened"; kind is one of blank, assert, race,
// leak, deadlock, panic, fatal, compile, vet, timeout, missing, skipped.
// Fields may be added, never renamed or dropped.
//
// Exit status: 0 when the path is complete, 1 while a koan fails, 2 when
// the runner itself cannot work (not inside the course, go missing, ...).
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

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/run"
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
)

// Main runs the command with args and returns its exit status. A bug of
// the runner's own ends in one plain sentence, not a stack trace.
func Main(args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "koans: the runner itself failed (%v). Your files are untouched; please report this, with the output of `go test -race -json` for the current concept.\n", r)
			code = exitTrouble
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	app := &app{stdout: stdout, stderr: stderr, color: isTerminal(stdout)}
	fs := flag.NewFlagSet("koans", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.BoolVar(&app.json, "json", false, "print the verdict as one JSON object")
	fs.BoolVar(&app.noRace, "norace", false, "run without the race detector (race koans are then not judged)")
	fs.StringVar(&app.tree, "tree", "koans", "which tree to walk: koans or solutions")
	fs.Usage = func() {
		fmt.Fprintln(stderr, "usage: go tool koans [-json] [-norace] [hint | watch | list | reset | verify | stress | mutate]")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return exitTrouble
	}
	root, err := course.FindRoot(".")
	if err != nil {
		fmt.Fprintln(stderr, "koans:", err)
		return exitTrouble
	}
	app.root = root
	cmd, rest := "", fs.Args()
	if len(rest) > 0 {
		cmd, rest = rest[0], rest[1:]
	}
	switch cmd {
	case "", "run", "hint", "list":
		// These take the common flags after the command too: koans list -json.
		if err := fs.Parse(rest); err != nil {
			return exitTrouble
		}
		if fs.NArg() > 0 {
			fmt.Fprintf(stderr, "koans: unexpected arguments: %v\n", fs.Args())
			return exitTrouble
		}
	}
	switch cmd {
	case "", "run":
		err = app.run(ctx)
	case "hint":
		err = app.hint(ctx)
	case "list":
		err = app.listCmd(ctx)
	case "watch":
		err = app.watchCmd(ctx, rest, os.Stdin)
	case "reset":
		err = app.resetCmd(rest, os.Stdin)
	case "verify":
		err = app.verifyCmd(ctx, rest)
	case "stress":
		err = app.stressCmd(ctx, rest)
	case "mutate":
		err = app.mutateCmd(ctx, rest)
	default:
		fmt.Fprintf(stderr, "koans: unknown command %q\n", cmd)
		fs.Usage()
		return exitTrouble
	}
	var failing errFailing
	switch {
	case errors.As(err, &failing):
		return exitFailing
	case err != nil:
		fmt.Fprintln(stderr, "koans:", err)
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
	stdout io.Writer
	stderr io.Writer
}

func (a *app) style() render.Style {
	color := a.color && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	return render.Style{Color: color}
}

func (a *app) walk(ctx context.Context) (*walk.Standing, error) {
	a.warm(ctx)
	return walk.Walk(ctx, walk.Options{
		Root: a.root, Tree: a.tree, NoRace: a.noRace,
		Waiting: a.waiting,
	})
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
	_ = run.Warm(ctx, a.root, !a.noRace, pkgs, func(done, total int) {
		pct := 100 * done / total
		switch {
		case done == 0:
			fmt.Fprintf(a.stderr, "First run here: building Go's standard library and the koans' dependencies with the race detector (%d packages; a minute or two on a small machine).\n", total)
		case tty:
			fmt.Fprintf(a.stderr, "\r  built %d of %d packages (%d%%)", done, total, pct)
			if done == total {
				fmt.Fprintln(a.stderr)
			}
		case pct/10 != last/10 || done == total: // a line per tenth when not a terminal
			fmt.Fprintf(a.stderr, "  built %d of %d packages (%d%%)\n", done, total, pct)
		}
		last = pct
	})
}

// waiting tells the learner why nothing shows yet: the first run on a new
// machine builds the standard library with the race detector.
func (a *app) waiting() {
	fmt.Fprintln(a.stderr, "Building the koans with the race detector...")
}

func (a *app) run(ctx context.Context) error {
	st, err := a.walk(ctx)
	if err != nil {
		return err
	}
	if a.json {
		if err := render.JSON(a.stdout, st); err != nil {
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
