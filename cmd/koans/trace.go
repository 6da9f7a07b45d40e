package main

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"time"

	"golang.org/x/mod/modfile"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
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
