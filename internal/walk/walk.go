// Package walk walks the learner along the path: it runs the concepts in
// curriculum order with go test, judges each koan, and stops at the first
// koan that fails, which is where the learner stands.
//
// Passed packages cost almost nothing on the next walk: go test caches
// passing results, and the walk runs all the concepts up to the one it last
// stopped at in a single go test call.
package walk

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/run"
)

// Options say how to walk.
type Options struct {
	Root string // repository root
	Tree string // "koans" (default) or "solutions"
	// All runs every concept instead of stopping at the first failing one
	// (for the map of the path, and for graders).
	All bool
	// NoRace walks without the race detector, as when cgo is unavailable.
	NoRace bool
	// Timeout bounds each test binary's run: the fallback that catches a
	// hang in a koan without the hang guard.
	Timeout time.Duration
	// Waiting is called when go test is silent for a while (building).
	Waiting func()
	// Concepts, if not empty, limits the walk to these concept names.
	Concepts []string
	// Run limits the koans run to those matching go test's -run pattern.
	Run string
	// Tags are build tags for go test (the runner's fixtures need one).
	Tags string
	// Go runs go test; nil means run.Go. Tests replace it to replay
	// recorded streams.
	Go func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error)
}

// DefaultTimeout is the test binary's deadline: well above a koan package's
// run time (well under a second), well below go test's ten minutes.
const DefaultTimeout = 4 * time.Second

// A Standing is where the learner stands on the path.
type Standing struct {
	Course   *course.Course
	Concepts []ConceptResult // every concept, in order
	// Current is the first failing koan (and its concept), nil when every
	// koan passed.
	Current        *diagnose.Outcome
	CurrentConcept *course.Concept
	Passed, Total  int
	// RaceUnavailable is set when go test could not use -race: the walk went
	// on without it, and race koans are not judged.
	RaceUnavailable bool
}

// A ConceptResult is one concept's outcomes; Ran is false for concepts the
// walk did not reach.
type ConceptResult struct {
	Concept  *course.Concept
	Ran      bool
	Outcomes []diagnose.Outcome
}

// Walk runs the path and returns where the learner stands.
func Walk(ctx context.Context, opt Options) (*Standing, error) {
	if opt.Tree == "" {
		opt.Tree = "koans"
	}
	if opt.Timeout == 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Go == nil {
		opt.Go = run.Go
	}
	c, err := course.Load(opt.Root, opt.Tree)
	if err != nil {
		return nil, err
	}
	concepts := c.Concepts
	if len(opt.Concepts) > 0 {
		concepts = nil
		for _, name := range opt.Concepts {
			cc := c.Concept(name)
			if cc == nil {
				return nil, fmt.Errorf("no concept %q in %s/", name, opt.Tree)
			}
			concepts = append(concepts, cc)
		}
	}
	st := &Standing{Course: c, Total: c.Total()}
	for _, cc := range concepts {
		st.Concepts = append(st.Concepts, ConceptResult{Concept: cc, Outcomes: notRun(cc)})
	}
	w := &walker{opt: opt, st: st, race: !opt.NoRace}
	// Start with every concept up to the one the last walk stopped at: one
	// go test call, cached where they pass.
	next := 0
	batch := 1
	if !opt.All {
		if last := readState(opt.Root, opt.Tree); last != "" {
			for i, cr := range st.Concepts {
				if cr.Concept.Name == last {
					batch = i + 1
				}
			}
		}
	} else {
		batch = len(st.Concepts)
	}
	for next < len(st.Concepts) {
		end := min(next+batch, len(st.Concepts))
		if err := w.runBatch(ctx, next, end); err != nil {
			return nil, err
		}
		if !opt.All && st.Settle() {
			break
		}
		next, batch = end, 1
	}
	st.Settle()
	if !opt.All && opt.Tree == "koans" && len(opt.Concepts) == 0 {
		name := ""
		if st.CurrentConcept != nil {
			name = st.CurrentConcept.Name
		}
		writeState(opt.Root, opt.Tree, name)
	}
	return st, nil
}

type walker struct {
	opt  Options
	st   *Standing
	race bool
}

func (w *walker) runOptions() run.Options {
	return run.Options{Dir: w.opt.Root, Race: w.race, Timeout: w.opt.Timeout, Waiting: w.opt.Waiting, Tags: w.opt.Tags, Run: w.opt.Run}
}

func (w *walker) runBatch(ctx context.Context, from, to int) error {
	var pkgs []string
	for _, cr := range w.st.Concepts[from:to] {
		pkgs = append(pkgs, "./"+cr.Concept.Dir)
	}
	res, err := w.opt.Go(ctx, w.runOptions(), pkgs...)
	if errors.Is(err, run.ErrNoRace) {
		w.race = false
		w.st.RaceUnavailable = true
		res, err = w.opt.Go(ctx, w.runOptions(), pkgs...)
	}
	if err != nil {
		return err
	}
	if len(res.Packages) == 0 && res.ExitCode != 0 {
		return fmt.Errorf("go test failed before running any koan:\n%s", res.Stderr)
	}
	for i := from; i < to; i++ {
		cr := &w.st.Concepts[i]
		pkg := res.Packages[cr.Concept.ImportPath(w.st.Course.Module)]
		cr.Ran = true
		cr.Outcomes = diagnose.Judge(cr.Concept, pkg, w.opt.Root)
		if pkg != nil && pkg.FailedBuild && isVet(cr.Outcomes) {
			if err := w.rerunWithoutVet(ctx, cr); err != nil {
				return err
			}
		}
		if !w.race {
			diagnose.MarkRaceUnjudged(cr.Outcomes)
		}
	}
	return nil
}

func isVet(outs []diagnose.Outcome) bool {
	for _, o := range outs {
		if o.Failure != nil && o.Failure.Kind == "vet" && o.State == diagnose.Failed {
			return true
		}
	}
	return false
}

// rerunWithoutVet: a vet finding stops go test from running the package at
// all. Run it again without vet, so that the koans before the one vet
// blames are judged too, then put vet's finding on its koan.
func (w *walker) rerunWithoutVet(ctx context.Context, cr *ConceptResult) error {
	var vet diagnose.Outcome
	for _, o := range cr.Outcomes {
		if o.Failure != nil && o.State == diagnose.Failed && o.Failure.Kind == "vet" {
			vet = o
		}
	}
	opt := w.runOptions()
	opt.Vet = "off"
	res, err := w.opt.Go(ctx, opt, "./"+cr.Concept.Dir)
	if err != nil {
		return err
	}
	outs := diagnose.Judge(cr.Concept, res.Packages[cr.Concept.ImportPath(w.st.Course.Module)], w.opt.Root)
	for i := range outs {
		if outs[i].Koan == vet.Koan {
			outs[i].State, outs[i].Failure = diagnose.Failed, vet.Failure
		}
	}
	cr.Outcomes = outs
	return nil
}

// Settle finds the first failing koan and counts the passed ones, and
// reports whether a koan fails.
func (st *Standing) Settle() bool {
	st.Current, st.CurrentConcept, st.Passed = nil, nil, 0
	// The first failed koan; failing that, the first koan of a package that
	// ran that did not run itself (nothing else explains it).
	for pass := 0; pass < 2 && st.Current == nil; pass++ {
		for _, cr := range st.Concepts {
			for i := range cr.Outcomes {
				o := &cr.Outcomes[i]
				if pass == 0 && o.State == diagnose.Passed && !o.Unjudged {
					st.Passed++
				}
				failing := o.State == diagnose.Failed
				if pass == 1 {
					failing = cr.Ran && o.State == diagnose.NotRun && !o.Unjudged
				}
				if failing && st.Current == nil {
					st.Current, st.CurrentConcept = o, cr.Concept
				}
			}
		}
	}
	return st.Current != nil
}

func notRun(c *course.Concept) []diagnose.Outcome {
	var outs []diagnose.Outcome
	for _, k := range c.Path() {
		outs = append(outs, diagnose.Outcome{Koan: k})
	}
	return outs
}

// StateDir holds the runner's small memory (where the learner stood, which
// hints were shown, backups). Git ignores it.
const StateDir = ".koans"

type state struct {
	Current map[string]string `json:"current"` // tree -> concept
}

func statePath(root string) string { return filepath.Join(root, StateDir, "walk.json") }

func readState(root, tree string) string {
	var s state
	data, err := os.ReadFile(statePath(root))
	if err != nil || json.Unmarshal(data, &s) != nil {
		return ""
	}
	return s.Current[tree]
}

func writeState(root, tree, concept string) {
	s := state{Current: map[string]string{}}
	if data, err := os.ReadFile(statePath(root)); err == nil {
		_ = json.Unmarshal(data, &s)
		if s.Current == nil {
			s.Current = map[string]string{}
		}
	}
	s.Current[tree] = concept
	data, _ := json.MarshalIndent(s, "", "  ")
	if os.MkdirAll(filepath.Dir(statePath(root)), 0o755) == nil {
		_ = os.WriteFile(statePath(root), append(data, '\n'), 0o644)
	}
}
