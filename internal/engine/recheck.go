package engine

import (
	"context"
	"regexp"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/standing"
)

// recheck runs again what the first run could not judge. A vet finding
// stops go test from running its package at all: those packages run again,
// together, without vet. A package whose run ended before the helper's
// leak check (a koan deadlocked, panicked or ended the binary) has passes
// that are not yet passes: a koan is passed only when the runner saw it
// pass and saw the leak check after it; with Selection.Each, the koans the
// crash kept from running need a run too. Those run again, all packages
// in one go test call, without the koans already judged, until a round
// judges nothing new; what is left then runs on its own, koan by koan. A
// koan that passes even alone but never reaches its leak check is not
// passed, and its verdict says why.
func (e *Engine) recheck(ctx context.Context, sel Selection, crs []*standing.ConceptResult, pkgs map[*course.Concept]*run.Package) error {
	if err := e.rerunWithoutVet(ctx, sel, crs, pkgs); err != nil {
		return err
	}
	selected, err := selector(sel)
	if err != nil {
		return err
	}
	left := map[*standing.ConceptResult][]string{}
	for _, cr := range crs {
		if names := unjudged(cr, pkgs[cr.Concept], sel.Each, selected); len(names) > 0 {
			left[cr] = names
		}
	}
	for len(left) > 0 {
		next, err := e.round(ctx, crs, left)
		if err != nil {
			return err
		}
		if count(next) == count(left) {
			break // no progress: each on its own
		}
		left = next
	}
	for _, cr := range crs {
		for _, name := range left[cr] {
			still, err := e.round(ctx, crs, map[*standing.ConceptResult][]string{cr: {name}})
			if err != nil {
				return err
			}
			if len(still) > 0 {
				notLeakChecked(cr, name)
			}
		}
	}
	return nil
}

func count(left map[*standing.ConceptResult][]string) int {
	n := 0
	for _, names := range left {
		n += len(names)
	}
	return n
}

// notLeakChecked fails the koan named, if it passed: even alone, its run
// never reached the leak check.
func notLeakChecked(cr *standing.ConceptResult, name string) {
	for i, o := range cr.Outcomes {
		if o.Koan.Name == name && o.State == diagnose.Passed {
			cr.Outcomes[i].State, cr.Outcomes[i].Failure = diagnose.Failed, diagnose.NotLeakChecked(o.Koan)
		}
	}
}

// unjudged are the koans of cr that its run (pkg) could not judge: the
// passes a helped package's run never leak-checked, and with each, the
// selected koans a crash kept from running.
func unjudged(cr *standing.ConceptResult, pkg *run.Package, each bool, selected func(string) bool) []string {
	unchecked := helped(cr.Concept) && !diagnose.LeakChecked(pkg)
	notRun := each && pkg != nil && !pkg.FailedBuild && diagnose.EndedEarly(cr.Outcomes)
	var names []string
	for _, o := range cr.Outcomes {
		if o.Koan.File == "" {
			continue
		}
		if o.State == diagnose.Passed && unchecked || o.State == diagnose.NotRun && notRun && selected(o.Koan.Name) {
			names = append(names, o.Koan.Name)
		}
	}
	return names
}

// selector reports whether a test name is one go test's -run and -skip
// of the selection run.
func selector(sel Selection) (func(string) bool, error) {
	var runRE, skipRE *regexp.Regexp
	var err error
	if sel.Run != "" {
		if runRE, err = regexp.Compile(sel.Run); err != nil {
			return nil, err
		}
	}
	if sel.Skip != "" {
		if skipRE, err = regexp.Compile(sel.Skip); err != nil {
			return nil, err
		}
	}
	return func(name string) bool {
		return (runRE == nil || runRE.MatchString(name)) && (skipRE == nil || !skipRE.MatchString(name))
	}, nil
}

// round runs the koans named of each concept again, all in one go test
// call, afresh and without vet (it has had its say), and takes what it
// judged: a failure stands; a pass stands if that run's leak check was
// done (or the package has none). It returns the koans left unjudged.
func (e *Engine) round(ctx context.Context, crs []*standing.ConceptResult, left map[*standing.ConceptResult][]string) (map[*standing.ConceptResult][]string, error) {
	var cs []*course.Concept
	var names []string
	for _, cr := range crs { // in the selection's order
		if len(left[cr]) > 0 {
			cs = append(cs, cr.Concept)
			names = append(names, left[cr]...)
		}
	}
	pkgs, err := e.goTest(ctx, cs, call{run: Pattern(names), fresh: true, noVet: true})
	if err != nil {
		return nil, err
	}
	next := map[*standing.ConceptResult][]string{}
	for _, cr := range crs {
		if len(left[cr]) == 0 {
			continue
		}
		pkg := pkgs[cr.Concept]
		confirmed := !helped(cr.Concept) || diagnose.LeakChecked(pkg)
		again := diagnose.Judge(cr.Concept, pkg, e.Course.Root)
		for i, o := range again[:min(len(again), len(cr.Outcomes))] {
			if !slices.Contains(left[cr], o.Koan.Name) || cr.Outcomes[i].Koan != o.Koan {
				continue
			}
			switch {
			case o.State == diagnose.Failed || o.State == diagnose.Passed && confirmed:
				cr.Outcomes[i] = o
			default:
				next[cr] = append(next[cr], o.Koan.Name)
			}
		}
	}
	return next, nil
}

// Pattern is go test's -run pattern for exactly the tests named.
func Pattern(names []string) string { return "^(" + strings.Join(names, "|") + ")$" }

// helped reports whether the concept's package runs under the koan
// helper's TestMain (its own main_test.go's, or the one the engine adds
// through -overlay), whose leak check follows every koan.
func helped(c *course.Concept) bool {
	return c.Main == course.HelperMain || c.Main == course.NoMain && c.Catalog == nil
}

// rerunWithoutVet: a vet finding stops go test from running the package at
// all. Run those packages again without vet, so that the koans before the
// one vet blames are judged too, then put vet's finding on its koan.
func (e *Engine) rerunWithoutVet(ctx context.Context, sel Selection, crs []*standing.ConceptResult, pkgs map[*course.Concept]*run.Package) error {
	vets := map[*standing.ConceptResult]diagnose.Outcome{}
	var cs []*course.Concept
	for _, cr := range crs {
		if pkg := pkgs[cr.Concept]; pkg != nil && pkg.FailedBuild {
			if o, ok := vetFinding(cr.Outcomes); ok {
				vets[cr] = o
				cs = append(cs, cr.Concept)
			}
		}
	}
	if len(cs) == 0 {
		return nil
	}
	again, err := e.goTest(ctx, cs, call{run: sel.Run, skip: sel.Skip, fresh: sel.Fresh, noVet: true})
	if err != nil {
		return err
	}
	for cr, vet := range vets {
		pkgs[cr.Concept] = again[cr.Concept]
		outs := diagnose.Judge(cr.Concept, again[cr.Concept], e.Course.Root)
		for i := range outs {
			if outs[i].Koan == vet.Koan {
				outs[i].State, outs[i].Failure = diagnose.Failed, vet.Failure
			}
		}
		cr.Outcomes = outs
	}
	return nil
}

// vetFinding is the last koan of outs that vet failed.
func vetFinding(outs []diagnose.Outcome) (diagnose.Outcome, bool) {
	var vet diagnose.Outcome
	found := false
	for _, o := range outs {
		if o.Failure != nil && o.State == diagnose.Failed && o.Failure.Kind == kind.Vet {
			vet, found = o, true
		}
	}
	return vet, found
}
