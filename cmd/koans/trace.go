package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/prove"
	"github.com/gokoans/concurrency/internal/state"
	"github.com/gokoans/concurrency/internal/trace"
)

// traceTimeout bounds the traced run of a koan: its hang guard ends a
// stuck koan much sooner.
const traceTimeout = 2 * time.Minute

// traceCmd runs one koan with the runtime trace on and draws its
// goroutines over time (package trace), in the terminal and, with -html,
// as a page.
func (a *app) traceCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("trace")
	name := fs.String("koan", "", a.lang.Sprintf("the koan to draw (its test name); the current koan if none"))
	page := fs.String("html", "", a.lang.Sprintf("also write the picture as one self-contained HTML page to this file"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	k, err := a.koanNamed(ctx, *name, fs.Args())
	if err != nil {
		return err
	}
	dir := state.Of(a.root).Path()
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rec, err := trace.Record(ctx, a.root, k.Concept.Dir, k.Name, filepath.Join(dir, "trace.out"), traceTimeout)
	if err != nil {
		return err
	}
	if rec.Trace == "" {
		a.lang.Fprintf(a.stderr, "koans: %s did not run, so there is no trace to draw: `%s` says why.\n", k.Name, a.command("koans", "run", ""))
		return cli.ErrTrouble
	}
	kn := trace.KoanIn(a.root, modulePath(a.root), k.Concept.Dir, k.Name)
	f, err := os.Open(rec.Trace)
	if err != nil {
		return err
	}
	defer f.Close()
	run, err := trace.Read(f, kn)
	if err != nil {
		a.lang.Fprintf(a.stderr, "koans: cannot draw %s: %v\n", k.Name, err)
		return cli.ErrTrouble
	}
	trace.Annotate(run, rec.Output, kn)
	trace.Text(a.stdout, run, trace.Style{Color: a.style().Color, Lang: a.lang})
	if rec.Passed {
		a.lang.Fprintf(a.stdout, "\nThe koan passed in this run.\n")
	} else {
		a.lang.Fprintf(a.stdout, "\nThe koan failed in this run: `%s` says why.\n", a.command("koans", "run", ""))
	}
	if *page != "" {
		return a.writePage(*page, run)
	}
	return nil
}

func (a *app) writePage(file string, run *trace.Run) error {
	f, err := os.Create(file)
	if err != nil {
		return err
	}
	if err := trace.HTML(f, run, a.lang, filepath.ToSlash(a.root)); err != nil {
		f.Close()
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	a.lang.Fprintf(a.stdout, "The picture is in %s too: open it in a browser.\n", file)
	return nil
}

// command is how the learner runs a command of the runner: make TARGET
// under make, go tool koans CMD otherwise.
func (a *app) command(target, cmd, arg string) string {
	if viaMake() {
		if arg != "" {
			return "make " + target + " KOAN=" + arg
		}
		return "make " + target
	}
	return strings.TrimSpace("go tool koans " + cmd + " " + arg)
}

// koanNamed finds the koan named by -koan or the one operand, or, with
// neither, the current koan: where the learner's last walk stopped, or
// where a walk now stops.
func (a *app) koanNamed(ctx context.Context, flagName string, operands []string) (*course.Koan, error) {
	name := flagName
	if len(operands) > 1 || (name != "" && len(operands) == 1) {
		return nil, lang.Errorf("unexpected arguments: %v", operands)
	}
	if len(operands) == 1 {
		name = operands[0]
	}
	if name == "" {
		name = a.currentKoan(ctx)
		if name == "" {
			return nil, lang.Errorf("every koan passes: name one with -koan TestName")
		}
	}
	c, err := course.Load(a.root, a.tree)
	if err != nil {
		return nil, err
	}
	k := c.Find(name)
	if k == nil {
		return nil, lang.Errorf("no koan %s in %s/ (name it as its test function is named)", name, a.tree)
	}
	return k, nil
}

// currentKoan is the first failing koan: the saved walk's, or a new walk's.
func (a *app) currentKoan(ctx context.Context) string {
	if st, ok := state.Of(a.root).Standing(a.tree); ok && st.Current != "" {
		return st.Current
	}
	st, err := a.walk(ctx)
	if err != nil || st.Current == nil || st.Current.Koan == nil {
		return ""
	}
	return st.Current.Koan.Name
}

// modulePath is the module path in root's go.mod, "" if it has none.
func modulePath(root string) string {
	data, err := os.ReadFile(filepath.Join(root, "go.mod"))
	if err != nil {
		return ""
	}
	return modfile.ModulePath(data)
}

// proveCmd runs a koan, or a concept's koans, many times at several -cpu
// settings under -race, and counts the passes (package prove).
func (a *app) proveCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("prove")
	name := fs.String("koan", "", a.lang.Sprintf("the koan (its test name) or the concept (05_waitgroup) to prove; the last koan passed if none"))
	n := fs.Int("n", 20, a.lang.Sprintf("runs at each -cpu setting"))
	cpus := fs.String("cpu", "1,2,4,8", a.lang.Sprintf("the -cpu settings, comma-separated"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	opt, label, err := a.proveOptions(ctx, *name, fs.Args(), *n, *cpus)
	if err != nil {
		return err
	}
	a.lang.Fprintf(a.stdout, "%s: %d runs at each -cpu setting, under the race detector, each run a process of its own.\n", label, opt.N)
	if isTerminal(a.stderr) {
		opt.Progress = func(done, total int) { fmt.Fprintf(a.stderr, "\r  %d/%d ", done, total) }
	}
	res, err := prove.Prove(ctx, opt)
	if opt.Progress != nil {
		fmt.Fprint(a.stderr, "\r          \r")
	}
	if err != nil {
		return err
	}
	return a.showProof(res, opt)
}

// proveOptions reads what to prove: a koan, a concept, or the last koan
// passed (the current one if none passed yet).
func (a *app) proveOptions(ctx context.Context, name string, operands []string, n int, cpus string) (prove.Options, string, error) {
	opt := prove.Options{Root: a.root, N: n, Timeout: traceTimeout}
	if n < 1 {
		return opt, "", lang.Errorf("-n must be at least 1")
	}
	for _, s := range strings.Split(cpus, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || c < 1 {
			return opt, "", lang.Errorf("-cpu wants numbers, as in 1,2,4,8: %q", cpus)
		}
		opt.CPUs = append(opt.CPUs, c)
	}
	if name == "" && len(operands) == 0 {
		name = journal.LastPassed(a.root)
	}
	c, err := course.Load(a.root, a.tree)
	if err != nil {
		return opt, "", err
	}
	if cn := strings.TrimPrefix(name, a.tree+"/"); name != "" && c.Concept(cn) != nil {
		con := c.Concept(cn)
		opt.Dir = con.Dir
		for _, k := range con.Koans {
			opt.Tests = append(opt.Tests, k.Name)
		}
		return opt, con.Name, nil
	}
	k, err := a.koanNamed(ctx, name, operands)
	if err != nil {
		return opt, "", err
	}
	opt.Dir, opt.Tests = k.Concept.Dir, []string{k.Name}
	return opt, k.Name, nil
}
