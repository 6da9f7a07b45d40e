package walk

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/state"
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
	// Waiting is called when go test is silent for a while (building),
	// saying whether it builds with the race detector.
	Waiting func(race bool)
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

// NoTimeout, as Options.Timeout, runs the test binaries with no deadline
// (KOANS_TIMEOUT=off), as when a koan is paused in a debugger.
const NoTimeout time.Duration = -1

// TimeoutFromEnv reads KOANS_TIMEOUT: a duration such as "30s" for a slow
// machine or a slow koan, "off" (or "0") for none; 0 when it is not set or
// not a duration. Its old name, KOAN_TIMEOUT, is still read when the new
// one is not set (or empty).
func TimeoutFromEnv() time.Duration {
	v := os.Getenv("KOANS_TIMEOUT")
	if v == "" {
		v = os.Getenv("KOAN_TIMEOUT")
	}
	switch v {
	case "":
		return 0
	case "off", "0":
		return NoTimeout
	default:
		if d, err := time.ParseDuration(v); err == nil && d > 0 {
			return d
		}
		return 0
	}
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
	// NotSaved is why the learner's walk could not be kept in .koans/ (a
	// course the learner may not write), nil when it was.
	NotSaved error
	// Ahead names the koan or concept a look ahead judged (Ahead), "" on
	// the walk of the path; Place is then where the learner's last walk
	// stopped, nil if it stopped nowhere.
	Ahead string
	Place *course.Koan
	// JustPassed are the koans this walk saw pass that the last one had not
	// (from where it stopped), or the koan a look ahead saw pass; Ungraded
	// says, of those, the ones that passed outside the rules, and why.
	JustPassed []*course.Koan
	Ungraded   []Ungraded
	// RaceNoted is set when the learner was told already, by an earlier
	// walk, that the race detector is unavailable: it is said once.
	RaceNoted bool
	// PassedBefore is how many koans the learner's last walk saw pass.
	PassedBefore int
	// NeedNewerGo are the koans the go at hand cannot run (their files
	// need a newer Go): passed over, never passed, never current, and not
	// in Total.
	NeedNewerGo []*course.Koan
}

// A ConceptResult is one concept's outcomes; Ran is false for concepts the
// walk did not reach.
type ConceptResult struct {
	Concept  *course.Concept
	Ran      bool
	Outcomes []diagnose.Outcome
}

// learner reports whether the walk is the learner's own: the whole path of
// the koans, not a selection (verify, stress and the solutions tree walk
// selections). Only that walk reads and writes the saved position.
func (opt Options) learner() bool {
	return opt.Tree == "koans" && len(opt.Concepts) == 0 && opt.Run == ""
}

// Walk runs the path and returns where the learner stands.
func Walk(ctx context.Context, opt Options) (*Standing, error) {
	opt = opt.withDefaults()
	began := time.Now()
	st, err := standingAtStart(opt)
	if err != nil {
		return nil, err
	}
	w := &walker{opt: opt, st: st, race: !opt.NoRace}
	if opt.All {
		if err := w.runBatch(ctx, 0, len(st.Concepts)); err != nil {
			return nil, err
		}
		st.Settle()
		if opt.learner() && ctx.Err() == nil {
			st.NotSaved = save(opt, st, began, w.raceOn())
		}
		return st, nil
	}
	next := 0
	var last position
	if opt.learner() { // only the learner's own walk resumes where it stood
		last = state.Of(opt.Root).Position(opt.Tree)
	}
	for i, cr := range st.Concepts {
		if cr.Concept.Name == last.Concept && cr.Concept.Koan(last.Koan) != nil {
			if err := w.runFromCurrent(ctx, i, last); err != nil {
				return nil, err
			}
			next = i + 1
		}
	}
	for !st.Settle() && next < len(st.Concepts) {
		// Beyond where the learner stood, nothing has passed on the path
		// yet: judge afresh.
		if err := w.run(ctx, next, next+1, runOptions{fresh: last.Concept != ""}); err != nil {
			return nil, err
		}
		next++
	}
	if err := ctx.Err(); err != nil {
		return nil, err // interrupted: a run cut short proves nothing
	}
	if opt.learner() {
		var now position
		if st.Current != nil {
			now = position{Concept: st.CurrentConcept.Name, Koan: st.Current.Koan.Name, Verified: began,
				Go: goJudging(), Race: w.raceOn()}
		}
		state.Of(opt.Root).SetPosition(opt.Tree, now)
		st.NotSaved = save(opt, st, began, w.raceOn())
		st.JustPassed = st.justPassed(last)
		record(opt.Root, last, st)
	}
	return st, nil
}

func (opt Options) withDefaults() Options {
	if opt.Tree == "" {
		opt.Tree = "koans"
	}
	if opt.Timeout == 0 {
		opt.Timeout = TimeoutFromEnv()
	}
	if opt.Timeout == 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Go == nil {
		opt.Go = run.Go
	}
	return opt
}

// standingAtStart loads the course and lists its selected concepts, none of
// them run yet. A catalog that does not parse stops the walk at its line
// when the walk reaches its concept (batch).
func standingAtStart(opt Options) (*Standing, error) {
	c, err := course.Load(opt.Root, opt.Tree)
	if err != nil {
		return nil, err
	}
	concepts, err := c.Select(opt.Concepts)
	if err != nil {
		return nil, err
	}
	st := &Standing{Course: c, Total: c.Total(), NeedNewerGo: c.NeedNewerGo()}
	st.Total -= len(st.NeedNewerGo)
	for _, cc := range concepts {
		st.Concepts = append(st.Concepts, ConceptResult{Concept: cc, Outcomes: notRun(cc)})
	}
	return st, nil
}

// runFromCurrent is the walk of a learner who has just saved the koan the
// last walk stopped at: the concepts before it are checked in one go test
// call (cached, since they pass) while, beside it, the current concept runs
// only up to that koan, and the next one when it fails fast. A later koan
// that deadlocks or leaks would cost a second or more of the learner's wait
// for nothing. Only when all of those pass does the rest of the package run:
// every test but those, not only the later koans, since a test that is not a
// koan (an Example, a peer's extra test) fails the package too.
func (w *walker) runFromCurrent(ctx context.Context, ci int, last position) error {
	c := w.st.Concepts[ci].Concept
	koan := last.Koan
	var names []string
	cut := 0
	for i, k := range c.Koans {
		names = append(names, k.Name)
		if k.Name == koan {
			cut = i + 1
		}
	}
	if cut < len(c.Koans) && failsFast(c.Koans[cut].Kind) {
		cut++
	}
	first := names[:cut]
	var earlier error
	var wg sync.WaitGroup
	switch {
	case ci == 0:
	case !w.changedSince(ci, last):
		// Every koan before passed when the last walk stopped here, and no
		// file they build from has changed since: asking go test again
		// (even from its cache) would cost the learner's wait for nothing.
		for i := range w.st.Concepts[:ci] {
			cr := &w.st.Concepts[i]
			cr.Ran = true
			for j := range cr.Outcomes {
				if k := cr.Outcomes[j].Koan; k.File != "" && k.Runnable() {
					cr.Outcomes[j].State = diagnose.Passed
				}
			}
		}
	default:
		wg.Go(crash.Guard(func() { earlier = w.runBatch(ctx, 0, ci) }))
	}
	err := w.runConcept(ctx, ci, runPattern(first))
	w.blameBuildOn(ci, koan)
	wg.Wait()
	if err := errors.Join(earlier, err); err != nil {
		return err
	}
	if err := w.confirmRace(ctx, ci, koan); err != nil {
		return err
	}
	if w.failedIn(ci) {
		return nil
	}
	keep := w.st.Concepts[ci].Outcomes
	if err := w.run(ctx, ci, ci+1, runOptions{skip: runPattern(first), fresh: true}); err != nil {
		return err
	}
	for i, o := range keep { // the first part's verdicts stand
		if slices.Contains(first, o.Koan.Name) {
			w.st.Concepts[ci].Outcomes[i] = o
		}
	}
	return nil
}

// confirmRace runs a race koan that has just turned green once more, on
// its own: the race detector sees only the races of the interleaving that
// happened, so one clean run of a solution that still races (in five runs
// of eight, say) proves little. A race in the second run stands.
func (w *walker) confirmRace(ctx context.Context, ci int, name string) error {
	c := w.st.Concepts[ci].Concept
	k := c.Koan(name)
	if k == nil || k.Kind != kind.Race || !w.raceOn() {
		return nil
	}
	idx := -1
	for i, o := range w.st.Concepts[ci].Outcomes {
		if o.Koan == k && o.State == diagnose.Passed {
			idx = i
		}
	}
	if idx < 0 {
		return nil
	}
	keep := w.st.Concepts[ci].Outcomes
	if err := w.run(ctx, ci, ci+1, runOptions{pattern: runPattern([]string{name}), fresh: true}); err != nil {
		return err
	}
	again := w.st.Concepts[ci].Outcomes
	w.st.Concepts[ci].Outcomes = keep
	for _, o := range again {
		if o.Koan == k && o.State == diagnose.Failed {
			keep[idx] = o
		}
	}
	return nil
}

// failsFast: a koan that fails this way costs its concept's run little,
// and lets the run go on to the leak check at its end (a panic or a fatal
// error would end the run before it).
func failsFast(k kind.Kind) bool { return k.FailsFast() }

func runPattern(names []string) string { return "^(" + strings.Join(names, "|") + ")$" }

func (w *walker) failedIn(ci int) bool {
	for _, o := range w.st.Concepts[ci].Outcomes {
		if o.State == diagnose.Failed {
			return true
		}
	}
	return false
}

type walker struct {
	opt  Options
	st   *Standing
	mu   sync.Mutex // guards race and RaceUnavailable: concepts may run side by side
	race bool
}

// runOptions narrows one go test call to some of a package's tests.
type runOptions struct {
	pattern string // -run; "" means Options.Run
	skip    string // -skip
	// fresh runs the tests again (-count=1) rather than take go test's
	// cached result: a koan not yet passed on the learner's path must be
	// judged, not remembered (a race found in one run of two would else
	// stay passed for good once a lucky run was cached).
	fresh bool
}

func (w *walker) runOptions(ro runOptions) run.Options {
	if ro.pattern == "" {
		ro.pattern = w.opt.Run
	}
	race := w.raceOn()
	var waiting func()
	if w.opt.Waiting != nil {
		waiting = func() { w.opt.Waiting(race) }
	}
	count := 0
	if ro.fresh {
		count = 1
	}
	return run.Options{Dir: w.opt.Root, Race: race, Timeout: w.opt.Timeout, Waiting: waiting, Tags: w.opt.Tags, Run: ro.pattern, Skip: ro.skip, Count: count}
}

func (w *walker) raceOn() bool {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.race
}

// runConcept runs one concept's koans that match pattern, afresh.
func (w *walker) runConcept(ctx context.Context, ci int, pattern string) error {
	return w.run(ctx, ci, ci+1, runOptions{pattern: pattern, fresh: true})
}

// runBatch runs the concepts [from, to) in one go test call.
func (w *walker) runBatch(ctx context.Context, from, to int) error {
	return w.run(ctx, from, to, runOptions{})
}

// run runs the concepts [from, to) in one go test call and judges them.
func (w *walker) run(ctx context.Context, from, to int, ro runOptions) error {
	b, err := w.batch(from, to)
	if err != nil || len(b.pkgs) == 0 {
		return err
	}
	options := func() run.Options { // again after -race turns out unavailable
		opt := w.runOptions(ro)
		opt.Timeout, opt.Overlay = b.timeout, b.overlay
		return opt
	}
	res, err := w.opt.Go(ctx, options(), b.pkgs...)
	if errors.Is(err, run.ErrNoRace) {
		w.mu.Lock()
		w.race = false
		w.st.RaceUnavailable = true
		w.mu.Unlock()
		res, err = w.opt.Go(ctx, options(), b.pkgs...)
	}
	if err == nil {
		err = ctx.Err() // go test was killed: its output judges nothing
	}
	if err != nil {
		return err
	}
	if len(res.Packages) == 0 && res.ExitCode != 0 {
		return goFailed(res)
	}
	for _, i := range b.concepts {
		if err := w.judge(ctx, &w.st.Concepts[i], res, ro); err != nil {
			return err
		}
	}
	return nil
}

// A batch is what one go test call runs: the packages, the deadline the
// slowest of them allows, and the overlay that gives plain packages the
// koan helper's TestMain.
type batch struct {
	concepts []int // the indexes of the concepts it runs
	pkgs     []string
	timeout  time.Duration
	overlay  string
}

// batch gathers the concepts [from, to) that can run; one that cannot (its
// directory or its helper file is gone) is failed here, by name.
func (w *walker) batch(from, to int) (batch, error) {
	b := batch{timeout: w.opt.Timeout}
	var plain []*course.Concept
	for i := range w.st.Concepts[from:to] {
		cr := &w.st.Concepts[from+i]
		c := cr.Concept
		if c.BadCatalog != "" { // stops the walk here, not before it reaches it
			return b, badCatalog(c)
		}
		if c.NoneRunnable() { // go test would find no koan in it: this Go leaves out every file
			continue
		}
		if f := diagnose.Unrunnable(c); f != nil {
			cr.Ran = true
			cr.Outcomes = notRun(c)
			cr.Outcomes[0].State, cr.Outcomes[0].Failure = diagnose.Failed, f
			continue
		}
		if c.Catalog == nil && c.Main == course.NoMain {
			plain = append(plain, c)
		}
		if c.Timeout > b.timeout && b.timeout != NoTimeout {
			b.timeout = c.Timeout
		}
		b.concepts = append(b.concepts, from+i)
		b.pkgs = append(b.pkgs, "./"+c.Dir)
	}
	if len(plain) > 0 {
		ov, err := helperOverlay(w.opt.Root, plain)
		if err != nil {
			return b, err
		}
		b.overlay = ov
	}
	return b, nil
}

// judge reads one concept's outcomes from go test's result, and runs it
// again where the first run could not say everything: without vet after a
// vet finding, and the koans that passed for the leak check a crash cut off.
func (w *walker) judge(ctx context.Context, cr *ConceptResult, res *run.Result, ro runOptions) error {
	pkg := res.Packages[cr.Concept.ImportPath(w.st.Course.Module)]
	cr.Ran = true
	cr.Outcomes = diagnose.Judge(cr.Concept, pkg, w.opt.Root)
	if cr.Concept.Main == course.OwnMain && cr.Concept.Catalog == nil {
		noLeakCheck(cr.Outcomes)
	}
	if pkg != nil && pkg.FailedBuild && isVet(cr.Outcomes) {
		var err error
		if pkg, err = w.rerunWithoutVet(ctx, cr, ro); err != nil {
			return err
		}
	}
	if helped(cr.Concept) && !diagnose.LeakChecked(pkg) {
		if err := w.confirmPasses(ctx, cr); err != nil {
			return err
		}
	}
	if !w.raceOn() {
		diagnose.MarkRaceUnjudged(cr.Outcomes)
	}
	return nil
}

// helped reports whether the concept's package runs under the koan
// helper's TestMain (its own main_test.go's, or the one the walk adds
// through -overlay), whose leak check follows every koan.
func helped(c *course.Concept) bool {
	return c.Main == course.HelperMain || c.Main == course.NoMain && c.Catalog == nil
}

// noLeakCheck says, on each failure of a package that has a TestMain of its
// own, that the runner could add no leak check and no hang guard to it.
func noLeakCheck(outs []diagnose.Outcome) {
	for _, o := range outs {
		if o.State == diagnose.Failed && o.Failure != nil {
			o.Failure.Details = append(o.Failure.Details, lang.Msgf("This package has a TestMain of its own, so no leak check and no hang guard ran: a goroutine it leaks goes unseen."))
		}
	}
}

// confirmPasses: the package's run ended before the helper's leak check,
// which runs after all of the package's koans (a later koan deadlocked,
// panicked or ended the binary), so the koans that passed in it may yet
// leak: a koan is passed only when the runner saw it pass and saw the leak
// check after it. Run them again, together, without the koans that ended
// the run; any still unconfirmed (that run ended early too), each on its
// own; one that even alone never reaches its leak check is not passed, and
// its verdict says why.
func (w *walker) confirmPasses(ctx context.Context, cr *ConceptResult) error {
	var passed []string
	for _, o := range cr.Outcomes {
		if o.State == diagnose.Passed && o.Koan.File != "" {
			passed = append(passed, o.Koan.Name)
		}
	}
	if len(passed) == 0 {
		return nil
	}
	left, err := w.confirm(ctx, cr, passed)
	if err != nil || len(left) == 0 {
		return err
	}
	for _, name := range left {
		still, err := w.confirm(ctx, cr, []string{name})
		if err != nil {
			return err
		}
		if len(still) == 0 {
			continue
		}
		for i, o := range cr.Outcomes {
			if o.Koan.Name == name && o.State == diagnose.Passed {
				cr.Outcomes[i].State, cr.Outcomes[i].Failure = diagnose.Failed, diagnose.NotLeakChecked(o.Koan)
			}
		}
	}
	return nil
}

// confirm runs the named koans, which passed in a run that ended before its
// leak check, again (without vet, which has had its say), and takes what the
// new run judged: a failure stands for the koan; a pass stands only if that
// run's leak check was done. It returns the koans left unconfirmed.
func (w *walker) confirm(ctx context.Context, cr *ConceptResult, names []string) ([]string, error) {
	opt, err := w.alone(cr.Concept, runOptions{pattern: runPattern(names), fresh: true})
	if err != nil {
		return nil, err
	}
	opt.Vet = "off"
	res, err := w.opt.Go(ctx, opt, "./"+cr.Concept.Dir)
	if err == nil {
		err = ctx.Err()
	}
	if err != nil {
		return nil, err
	}
	pkg := res.Packages[cr.Concept.ImportPath(w.st.Course.Module)]
	checked := diagnose.LeakChecked(pkg)
	again := diagnose.Judge(cr.Concept, pkg, w.opt.Root)
	var left []string
	for i, o := range again[:min(len(again), len(cr.Outcomes))] {
		if cr.Outcomes[i].State != diagnose.Passed || !slices.Contains(names, o.Koan.Name) {
			continue
		}
		switch {
		case o.State == diagnose.Failed:
			cr.Outcomes[i] = o
		case o.State != diagnose.Passed || !checked:
			left = append(left, o.Koan.Name)
		}
	}
	return left, nil
}

// alone is how to run one concept's package on its own, as its batch would:
// its deadline, and the helper's TestMain through -overlay for a plain
// package.
func (w *walker) alone(c *course.Concept, ro runOptions) (run.Options, error) {
	opt := w.runOptions(ro)
	if c.Timeout > opt.Timeout && opt.Timeout != NoTimeout {
		opt.Timeout = c.Timeout
	}
	if c.Catalog == nil && c.Main == course.NoMain {
		ov, err := helperOverlay(w.opt.Root, []*course.Concept{c})
		if err != nil {
			return opt, err
		}
		opt.Overlay = ov
	}
	return opt, nil
}

func isVet(outs []diagnose.Outcome) bool {
	for _, o := range outs {
		if o.Failure != nil && o.Failure.Kind == kind.Vet && o.State == diagnose.Failed {
			return true
		}
	}
	return false
}

// rerunWithoutVet: a vet finding stops go test from running the package at
// all. Run it again without vet, so that the koans before the one vet
// blames are judged too, then put vet's finding on its koan.
func (w *walker) rerunWithoutVet(ctx context.Context, cr *ConceptResult, ro runOptions) (*run.Package, error) {
	var vet diagnose.Outcome
	for _, o := range cr.Outcomes {
		if o.Failure != nil && o.State == diagnose.Failed && o.Failure.Kind == kind.Vet {
			vet = o
		}
	}
	opt, err := w.alone(cr.Concept, ro)
	if err != nil {
		return nil, err
	}
	opt.Vet = "off"
	res, err := w.opt.Go(ctx, opt, "./"+cr.Concept.Dir)
	if err != nil {
		return nil, err
	}
	pkg := res.Packages[cr.Concept.ImportPath(w.st.Course.Module)]
	outs := diagnose.Judge(cr.Concept, pkg, w.opt.Root)
	for i := range outs {
		if outs[i].Koan == vet.Koan {
			outs[i].State, outs[i].Failure = diagnose.Failed, vet.Failure
		}
	}
	cr.Outcomes = outs
	return pkg, nil
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
				if !o.Koan.Runnable() {
					continue // this Go leaves its file out: neither passed nor failing
				}
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
	if o := st.Current; o != nil && (o.Failure == nil || o.Failure.Kind == "") {
		o.Failure = diagnose.Unexplained(o.Failure) // a verdict always has a kind
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

// goJudging is the Go that runs the koans: the go command's version (it
// follows GOTOOLCHAIN, and a koan gated on a newer Go runs once it
// changes), else the runner's own.
func goJudging() string {
	if v := course.GoAtHand(); v != "" {
		return v
	}
	return runtime.Version()
}

// A position is where a walk stopped: the first failing koan (kept in
// .koans/walk.json by package state).
type position = state.Position

// changedSince reports whether a file the concepts before ci build from
// (their own files, the koan helper, go.mod, go.sum) is newer than t, or
// t is unknown.
func (w *walker) changedSince(ci int, last position) bool {
	t := last.Verified
	if t.IsZero() || last.Go != goJudging() || last.Race != w.raceOn() {
		return true
	}
	root := w.opt.Root
	// The files of the course, and the runner's own: a runner that judges
	// differently (after a git pull) judges every concept again.
	paths := []string{filepath.Join(root, "go.mod"), filepath.Join(root, "go.sum"), filepath.Join(root, "koan"),
		filepath.Join(root, "internal"), filepath.Join(root, "cmd")}
	for _, cr := range w.st.Concepts[:ci] {
		if len(cr.Concept.Missing) > 0 || diagnose.Unrunnable(cr.Concept) != nil {
			return true
		}
		paths = append(paths, filepath.Join(root, cr.Concept.Dir))
	}
	for _, p := range paths {
		if _, err := os.Stat(p); errors.Is(err, os.ErrNotExist) {
			continue
		}
		changed := false
		_ = filepath.WalkDir(p, func(_ string, d os.DirEntry, err error) error {
			if err != nil {
				changed = true
				return filepath.SkipAll
			}
			if info, err := d.Info(); err != nil || !info.ModTime().Before(t) {
				changed = true
				return filepath.SkipAll
			}
			return nil
		})
		if changed {
			return true
		}
	}
	return false
}
