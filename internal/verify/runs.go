package verify

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"path"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"sync"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
)

// runs are what verify's runs of go test and go vet found, each run once
// for all the concepts verified: the shipped koans in one engine run (and
// its re-runs of what a crash cut short), the solutions in one, the blanks
// put back in rounds of one go test call each (blanks.go), go vet once.
type runs struct {
	judged map[*course.Koan]*diagnose.Outcome // each shipped koan's own verdict
	solved map[string][]diagnose.Outcome      // each solved concept's outcomes, by name
	blanks map[blankAt]string                 // the solution with a blank put back: its verdict
	vetted map[string][]vetFinding            // go vet's findings, by package directory
}

// runAll runs the koans, the solutions, the blanks put back and go vet
// for the concepts. The shipped koans' runs wait, mostly, for hang guards
// and deadlines, one round after another; the solutions' and the blanks'
// runs go on beside them.
func (v *verifier) runAll(ctx context.Context, concepts []*course.Concept) error {
	v.opt.Log("running the koans, the solutions and the blanks put back")
	var koansErr, solsErr error
	var wg sync.WaitGroup
	wg.Go(crash.Guard(func() { v.judged, koansErr = judgeKoans(ctx, v.opt, v.koans, concepts) }))
	if solsErr = v.runSolutions(ctx, concepts); solsErr == nil {
		v.blanks, solsErr = v.runBlanks(ctx, concepts)
	}
	wg.Wait()
	if err := errors.Join(koansErr, solsErr); err != nil {
		return err
	}
	v.opt.Log("go vet")
	v.vetAll(ctx, concepts)
	return nil
}

// errNoRace: verify judges race koans, which need the race detector.
var errNoRace = errors.New("verify needs the race detector (cgo and a C compiler)")

// judgeKoans runs the shipped koans of the concepts (only opt.Koan, if
// set) in one engine run, until each has a verdict of its own: a koan that
// ends the test binary keeps the koans after it from running, and one that
// passed in a run that crashed missed the leak check; the engine runs both
// again, without the koans already judged (Selection.Each).
func judgeKoans(ctx context.Context, opt Options, koans *course.Course, concepts []*course.Concept) (map[*course.Koan]*diagnose.Outcome, error) {
	judged := map[*course.Koan]*diagnose.Outcome{}
	var names []string
	for _, c := range concepts {
		for _, k := range c.Koans {
			if opt.Koan == "" || k.Name == opt.Koan {
				names = append(names, k.Name)
			}
		}
	}
	if len(names) == 0 {
		return judged, nil
	}
	e := engine.New(koans, engine.Options{Go: opt.Go})
	results, err := e.Run(ctx, engine.Selection{Concepts: concepts, Run: engine.Pattern(names), Each: true})
	if err != nil {
		return nil, err
	}
	if !e.Race() {
		return nil, errNoRace
	}
	for i := range results {
		for j, o := range results[i].Outcomes {
			if o.State != diagnose.NotRun && (opt.Koan == "" || o.Koan.Name == opt.Koan) {
				judged[o.Koan] = &results[i].Outcomes[j]
			}
		}
	}
	return judged, nil
}

// runSolutions runs the solved concepts (only opt.Koan, if set) in one
// engine run, under -race with the leak check.
func (v *verifier) runSolutions(ctx context.Context, concepts []*course.Concept) error {
	v.solved = map[string][]diagnose.Outcome{}
	var sel engine.Selection
	for _, c := range concepts {
		if sc := v.sols.Concept(c.Name); sc != nil {
			sel.Concepts = append(sel.Concepts, sc)
		}
	}
	if v.opt.Koan != "" {
		sel.Run = "^" + v.opt.Koan + "$"
	}
	if len(sel.Concepts) == 0 {
		return nil
	}
	e := engine.New(v.sols, engine.Options{Go: v.opt.Go})
	results, err := e.Run(ctx, sel)
	if err != nil {
		return err
	}
	if !e.Race() {
		return errNoRace
	}
	for _, cr := range results {
		v.solved[cr.Concept.Name] = cr.Outcomes
	}
	return nil
}

// koansFail checks that each koan fails, with the kind its catalog names.
func (v *verifier) koansFail(c *course.Concept) {
	for _, k := range c.Koans {
		if !v.only(k) {
			continue
		}
		o := v.judged[k]
		where := fmt.Sprintf("%s:%d", k.File, k.Line)
		switch {
		case o == nil:
			v.problem(where, "%s never got a verdict of its own", k.Name)
		case o.State == diagnose.Passed:
			v.problem(where, "%s passes as shipped: a koan must fail until the learner fills its blank", k.Name)
		case o.Failure.Kind != k.Kind:
			v.problem(where, "%s fails as %s, but its catalog says %s: %s", k.Name, o.Failure.Kind, k.Kind, o.Failure.Headline)
		}
	}
}

// solutionsPass: the whole solved concept passes under -race, leak check
// included.
func (v *verifier) solutionsPass(c *course.Concept) {
	for _, o := range v.solved[c.Name] {
		if o.State == diagnose.Passed || !v.only(o.Koan) {
			continue
		}
		where := o.Koan.File
		what := fmt.Sprintf("the solution of %s does not pass (%s)", o.Koan.Name, o.State)
		if f := o.Failure; f != nil {
			if f.File != "" {
				where = fmt.Sprintf("%s:%d", f.File, f.Line)
			}
			what += fmt.Sprintf(": %s: %s %s", f.Kind, f.Headline, strings.Join(lang.All(f.Details, lang.English), "; "))
		}
		v.problem(where, "%s", what)
	}
}

// vet: the solutions are clean under every vet analyzer, the concurrency
// ones included; in the koans (what gopls shows the learner), vet speaks only
// where a koan teaches it: in a vet koan, or "unreachable code" after the
// statement a deadlock koan never gets past.
func (v *verifier) vet(concepts []*course.Concept) {
	for _, c := range concepts {
		if sc := v.sols.Concept(c.Name); sc != nil {
			for _, f := range v.vetted[sc.Dir] {
				v.problem(f.where, "go vet on the solution: %s", f.msg)
			}
		}
		for _, f := range v.vetted[c.Dir] {
			k := c.KoanAt(f.file, f.line)
			switch {
			case k != nil && k.Kind == kind.Vet:
			case k != nil && (k.Kind == kind.Deadlock || k.Kind == kind.Timeout) && strings.Contains(f.msg, "unreachable code"):
			default:
				v.problem(f.where, "go vet on the koan, outside a koan that teaches it: %s", f.msg)
			}
		}
	}
	for _, f := range v.vetted[""] { // go's own words, of no package
		v.problem("go vet", "%s", f.msg)
	}
}

type vetFinding struct {
	where, file, msg string
	line             int
}

var vetLineRE = regexp.MustCompile(`^(\S+\.go):(\d+):(\d+): (.*)$`)

// vetAll runs go vet once over the koans and the solutions of the
// concepts, and files each finding under its package's directory: by its
// file, or, for a line that names none (a package that does not type
// check), by the "# import/path" line go vet wrote before it.
func (v *verifier) vetAll(ctx context.Context, concepts []*course.Concept) {
	v.vetted = map[string][]vetFinding{}
	dirs := map[string]string{} // import path -> directory
	var args []string
	for _, c := range concepts {
		for _, cc := range []*course.Concept{c, v.sols.Concept(c.Name)} {
			if cc != nil {
				dirs[cc.ImportPath(v.koans.Module)] = cc.Dir
				args = append(args, "./"+cc.Dir)
			}
		}
	}
	cmd := exec.CommandContext(ctx, "go", append([]string{"vet"}, args...)...)
	cmd.Dir = v.opt.Root
	out, err := cmd.CombinedOutput()
	if err == nil {
		return
	}
	dir := ""
	for _, l := range strings.Split(string(out), "\n") {
		l = strings.TrimSpace(l)
		if h, ok := strings.CutPrefix(l, "# "); ok {
			dir = dirs[strings.Trim(strings.Fields(h + " ")[0], "[]")]
			continue
		}
		m := vetLineRE.FindStringSubmatch(l)
		if m == nil {
			if l != "" {
				v.vetted[dir] = append(v.vetted[dir], vetFinding{where: dir, msg: l})
			}
			continue
		}
		n, _ := strconv.Atoi(m[2])
		file := filepath.ToSlash(filepath.Clean(m[1]))
		v.vetted[path.Dir(file)] = append(v.vetted[path.Dir(file)], vetFinding{where: fmt.Sprintf("%s:%s", file, m[2]), file: file, line: n, msg: m[4]})
	}
}
