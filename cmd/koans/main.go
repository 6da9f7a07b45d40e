package main

import (
	"context"
	"io"
	"os"
	"os/signal"
	"runtime/debug"
	"strings"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/grade"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/state"
	"github.com/gokoans/concurrency/internal/verdict"
	"github.com/gokoans/concurrency/internal/walk"
)

func main() {
	os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr))
}

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
			code = cli.ExitTrouble
		}
	}()
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	a := &app{stdout: stdout, stderr: stderr, color: isTerminal(stdout), lang: l}
	a.cli = &cli.Line{Commands: a.commands(), Lang: l, Stdout: stdout, Stderr: stderr}
	return a.main(ctx, args, reporter)
}

// commands are the runner's commands, in the order its usage lists them.
func (a *app) commands() []cli.Command {
	return []cli.Command{
		{Name: "run", Args: "[KOAN|CONCEPT]", Common: true, Run: a.runCmd,
			Say: lang.Msgf("run the path, stop at the first failing koan, explain it (the default)")},
		{Name: "hint", Args: "[KOAN]", Common: true, Run: a.hintCmd,
			Say: lang.Msgf("a hint for the current koan; ask again for a stronger one")},
		{Name: "watch", Args: "[-runs N]", Run: a.watchCmd,
			Say: lang.Msgf("run again on every save; keys h hint, l list, r run, q quit")},
		{Name: "list", Args: "[-run] [-json]", Run: a.listCmd,
			Say: lang.Msgf("the map of the path: every koan, passed, current or not yet")},
		{Name: "stats", Args: "[-json]", Common: true, Run: a.statsCmd,
			Say: lang.Msgf("your journal summed up: time per concept, the hardest koans, the commonest ways to fail")},
		{Name: "solution", Args: "[KOAN]", Run: a.solutionCmd,
			Say: lang.Msgf("a passed koan's reference solution against your own (the last koan passed if none is named)")},
		{Name: "reset", Args: "[-y] KOAN|FILE", Run: a.resetCmd,
			Say: lang.Msgf("restore a koan's file as shipped, keeping yours in .koans/backups")},
		{Name: "lang", Args: "[-y] zh|en", Run: a.langCmd,
			Say: lang.Msgf("put the comments of your koan files (lessons, prompts) in Chinese, or back in English; code untouched")},
		{Name: "trace", Args: "[-koan NAME] [-html FILE]", Run: a.traceCmd,
			Say: lang.Msgf("run the current koan once with the runtime trace on and draw its goroutines over time")},
		{Name: "prove", Args: "[-koan NAME|CONCEPT] [-n N] [-cpu LIST]", Run: a.proveCmd,
			Say: lang.Msgf("run a koan many times at -cpu 1,2,4,8 under -race: one green run proves little")},
		{Name: "grade", Args: "[-shipped DIR|TAR.GZ] [-result FILE] [-markdown]", Run: a.gradeCmd,
			Say: lang.Msgf("for instructors: grade this copy, one point per koan passed within the rules, concept by concept")},
		{Name: "class", Args: "[-html FILE] [-csv FILE] [-json FILE] [-anonymize] PATH...", Run: a.classCmd,
			Say: lang.Msgf("for instructors: where the learners get stuck, from their result.json files, journals or clones")},
		{Name: "verify", Args: "[-concepts A,B] [-koan NAME] [-json]", Run: a.verifyCmd,
			Say: lang.Msgf("for instructors: every koan fails for its reason, every solution passes")},
		{Name: "stress", Args: "[-count N] [-cpu LIST] [-koan-runs N] [-concepts A,B]", Run: a.stressCmd,
			Say: lang.Msgf("solutions many times at several -cpu values, koans judged again and again: flakes by koan")},
		{Name: "mutate", Args: "[-runs N] [-concepts A,B]", Run: a.mutateCmd,
			Say: lang.Msgf("take each line of synchronisation out of the solutions: the koan must fail")},
		{Name: "adversary", Args: "[-concepts A,B] [-koan NAME] [-gated] [-json] [-parallel N]", Run: a.adversaryCmd,
			Say: lang.Msgf("the wrong answers a learner would try, declared and generic: each must fail in every run")},
	}
}

// main parses the runner's flags, finds the course and runs the command
// args name, from the table of commands.
func (a *app) main(ctx context.Context, args []string, reporter *crash.Reporter) int {
	testPanic := os.Getenv("KOANS_TEST_PANIC") // for the runner's tests only: main or goroutine
	fs := a.cli.NewFlags("koans")
	fs.BoolVar(&a.json, "json", false, a.lang.Sprintf("print the verdict as one JSON object"))
	fs.BoolVar(&a.noRace, "norace", false, a.lang.Sprintf("run without the race detector (race koans are then not judged)"))
	fs.StringVar(&a.tree, "tree", "koans", a.lang.Sprintf("which tree to walk: koans or solutions"))
	if err := a.cli.Parse(fs, args); err != nil {
		return cli.FlagStatus(err)
	}
	root, err := course.FindRoot(".")
	if err != nil {
		a.lang.Fprintf(a.stderr, "koans: %v\n", err)
		return cli.ExitTrouble
	}
	a.root = root
	reporter.SetDir(state.Of(root).Path())
	panicForTest(testPanic)
	name, rest := "run", fs.Args()
	if len(rest) > 0 {
		name, rest = rest[0], rest[1:]
	}
	c := a.cli.Lookup(name)
	if c == nil && looksAhead(name) { // go tool koans TestName: run it
		c, rest = a.cli.Lookup("run"), append([]string{name}, rest...)
	}
	if c == nil {
		a.lang.Fprintf(a.stderr, "koans: unknown command %q\n", name)
		a.cli.Usage(a.stderr, fs)
		return cli.ExitTrouble
	}
	if c.Common { // the runner's flags after the command too: koans hint -json
		// and before or after its one operand, if it takes one: koans TestX -json
		var operands []string
		for {
			if err := a.cli.Parse(fs, rest); err != nil {
				return cli.FlagStatus(err)
			}
			if fs.NArg() == 0 {
				break
			}
			operands, rest = append(operands, fs.Arg(0)), fs.Args()[1:]
		}
		if len(operands) > 0 && (!strings.Contains(c.Args, "KOAN") || len(operands) > 1) {
			a.lang.Fprintf(a.stderr, "koans: unexpected arguments: %v\n", operands)
			return cli.ExitTrouble
		}
		rest = operands
	}
	return a.cli.Status(ctx, name, c.Run(ctx, rest))
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

type app struct {
	cli    *cli.Line
	root   string
	tree   string
	json   bool
	noRace bool
	color  bool // stdout is a terminal
	lang   lang.Lang
	stdout io.Writer
	stderr io.Writer
	// waiting says, once, that go test is building (render.Waiting).
	waiting func(race bool)
}

func (a *app) style() render.Style {
	color := a.color && os.Getenv("NO_COLOR") == "" && os.Getenv("TERM") != "dumb"
	return render.Style{Color: color, GoTool: !viaMake(), Lang: a.lang}
}

// options are the walk's options for this run of the runner.
func (a *app) options() walk.Options {
	if a.waiting == nil { // one for the whole run: it says so once
		a.waiting = render.Waiting(a.stderr, a.lang)
	}
	return walk.Options{Root: a.root, Tree: a.tree, NoRace: a.noRace, Waiting: a.waiting}
}

// walk walks the learner's path, after the first run's build in this clone.
func (a *app) walk(ctx context.Context) (*standing.Standing, error) {
	walk.Warm(ctx, a.options(), render.Progress(a.stderr, isTerminal(a.stderr), a.lang))
	before, walked := state.Of(a.root).Standing(a.tree)
	st, err := walk.Walk(ctx, a.options())
	if err == nil {
		walk.PlaceMissing(st, a.root)
		st.RaceNoted = walked && !before.Race // the last walk said it
		for _, j := range before.Koans {
			if j.State == "passed" {
				st.PassedBefore++
			}
		}
	}
	return st, err
}

// looksAhead reports whether a word where a command goes names a koan
// (TestName) or a concept (05_waitgroup, koans/05_waitgroup): a look ahead.
func looksAhead(name string) bool {
	name = strings.TrimPrefix(name, "koans/")
	return strings.HasPrefix(name, "Test") || len(name) > 3 && name[0] >= '0' && name[0] <= '9' && name[1] >= '0' && name[1] <= '9' && name[2] == '_'
}

// runCmd walks the path and prints the verdict; a koan or concept named
// in args is judged alone (walk.Ahead).
func (a *app) runCmd(ctx context.Context, args []string) error {
	var st *standing.Standing
	var err error
	if len(args) == 1 {
		walk.Warm(ctx, a.options(), render.Progress(a.stderr, isTerminal(a.stderr), a.lang))
		st, err = walk.Ahead(ctx, a.options(), args[0])
	} else {
		st, err = a.walk(ctx)
	}
	if err != nil {
		return err
	}
	a.gradeJustPassed(st)
	if a.json {
		if err := verdict.Write(a.stdout, st, a.lang); err != nil {
			return err
		}
	} else {
		render.Text(a.stdout, st, a.style())
	}
	if st.Current != nil {
		return cli.ErrFailing
	}
	return nil
}

// gradeJustPassed compares the koans the walk has just seen pass with the
// koans as shipped (package grade), so that the verdict says, at the moment
// a koan passes, when it passed outside the rules and is not graded.
func (a *app) gradeJustPassed(st *standing.Standing) {
	if len(st.JustPassed) == 0 {
		return
	}
	v, err := shipped.Find(a.root)
	if err != nil {
		return // list says why nothing can be graded; a pass is no time to
	}
	results := map[*course.Concept]map[string]grade.Result{}
	for _, k := range st.JustPassed {
		if !strings.HasPrefix(k.Concept.Dir, "koans/") {
			continue
		}
		if results[k.Concept] == nil {
			results[k.Concept] = grade.Concept(a.root, v, k.Concept)
		}
		if r, ok := results[k.Concept][k.Name]; ok && !r.Within {
			st.Ungraded = append(st.Ungraded, standing.Ungraded{Koan: k, Why: r.Why, Where: r.Where})
		}
	}
}
