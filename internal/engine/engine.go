package engine

import (
	"context"
	"crypto/sha256"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/standing"
)

// Options say how the engine runs go test.
type Options struct {
	// NoRace runs without the race detector, as when cgo is unavailable.
	NoRace bool
	// Timeout bounds each test binary's run: the fallback that catches a
	// hang in a koan without the hang guard. 0 means DefaultTimeout,
	// NoTimeout none; a concept's catalog may ask for more.
	Timeout time.Duration
	// Waiting is called when go test is silent for a while (building),
	// saying whether it builds with the race detector.
	Waiting func(race bool)
	// Tags are build tags for go test (the runner's fixtures need one).
	Tags string
	// OverlayDir is where the koan helper's TestMain for a package without
	// one is written (see helperOverlay); "" means a directory of the
	// system's temporary directory named after the course's root.
	OverlayDir string
	// Go runs go test; nil means run.Go. Tests replace it to replay
	// recorded streams.
	Go GoFunc
}

// A GoFunc runs go test over the packages, as run.Go does.
type GoFunc func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error)

// NoTimeout, as Options.Timeout, runs the test binaries with no deadline,
// as when a koan is paused in a debugger.
const NoTimeout time.Duration = -1

// DefaultTimeout is the test binary's deadline: well above a koan package's
// run time (well under a second), well below go test's ten minutes.
const DefaultTimeout = 4 * time.Second

// An Engine runs the koans of one tree of a course, loaded once. It may
// run several selections at once.
type Engine struct {
	Course *course.Course
	opt    Options

	mu     sync.Mutex // guards noRace and the overlay's files
	noRace bool       // go test refused -race, or Options.NoRace
}

// New is the engine of a loaded course.
func New(c *course.Course, opt Options) *Engine {
	if opt.Timeout == 0 {
		opt.Timeout = DefaultTimeout
	}
	if opt.Go == nil {
		opt.Go = run.Go
	}
	if opt.OverlayDir == "" { // one per course: two courses' overlays differ
		sum := sha256.Sum256([]byte(c.Root))
		opt.OverlayDir = filepath.Join(os.TempDir(), fmt.Sprintf("koans-overlay-%x", sum[:6]))
	}
	return &Engine{Course: c, opt: opt, noRace: opt.NoRace}
}

// Load loads the tree of the course at root and returns its engine.
func Load(root, tree string, opt Options) (*Engine, error) {
	c, err := course.Load(root, tree)
	if err != nil {
		return nil, err
	}
	return New(c, opt), nil
}

// Race reports whether the engine runs with the race detector: false when
// asked to run without it, or when go test refused it (no cgo).
func (e *Engine) Race() bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	return !e.noRace
}

// A Selection is what one Run judges.
type Selection struct {
	// Concepts are the concepts to run, in the order Run returns them.
	Concepts []*course.Concept
	// Run and Skip are go test's -run and -skip patterns ("": every test).
	Run, Skip string
	// Fresh runs the tests again (-count=1) rather than take go test's
	// cached result of a passing package.
	Fresh bool
	// Each gives every selected koan a verdict of its own: a koan that
	// ends its test binary (a deadlock, a panic, a fatal error) keeps the
	// koans after it from running, so they run again, without the koans
	// already judged. Without Each they stay not run: the first failure
	// is what a walk wants.
	Each bool
}

// Run runs the selection and judges it: one result per selected concept,
// in the selection's order. The first go test call runs every package of
// the selection; the re-runs (see recheck) run only what it could not judge.
func (e *Engine) Run(ctx context.Context, sel Selection) ([]standing.ConceptResult, error) {
	results := make([]standing.ConceptResult, len(sel.Concepts))
	var runnable []*standing.ConceptResult
	for i, c := range sel.Concepts {
		if c.BadCatalog != "" { // stops the run here, by its line
			return nil, BadCatalog(c)
		}
		cr := &results[i]
		cr.Concept, cr.Outcomes = c, standing.NotRun(c)
		if c.NoneRunnable() { // this Go leaves out every file: go test would find no koan in it
			continue
		}
		if f := diagnose.Unrunnable(c); f != nil {
			cr.Ran = true
			cr.Outcomes[0].State, cr.Outcomes[0].Failure = diagnose.Failed, f
			continue
		}
		runnable = append(runnable, cr)
	}
	if len(runnable) == 0 {
		return results, nil
	}
	pkgs, err := e.goTest(ctx, concepts(runnable), call{run: sel.Run, skip: sel.Skip, fresh: sel.Fresh})
	if err != nil {
		return nil, err
	}
	for _, cr := range runnable {
		cr.Ran = true
		cr.Outcomes = diagnose.Judge(cr.Concept, pkgs[cr.Concept], e.Course.Root)
		if cr.Concept.Main == course.OwnMain && cr.Concept.Catalog == nil {
			noLeakCheck(cr.Outcomes)
		}
	}
	if err := e.recheck(ctx, sel, runnable, pkgs); err != nil {
		return nil, err
	}
	if !e.Race() {
		for _, cr := range runnable {
			diagnose.MarkRaceUnjudged(cr.Outcomes)
		}
	}
	return results, nil
}

func concepts(crs []*standing.ConceptResult) []*course.Concept {
	out := make([]*course.Concept, len(crs))
	for i, cr := range crs {
		out[i] = cr.Concept
	}
	return out
}

// A call narrows one go test call to some of the packages' tests.
type call struct {
	run, skip string
	fresh     bool
	noVet     bool // vet has had its say
}

// goTest runs the concepts' packages in one go test call, and returns
// each concept's package (nil when go test said nothing of it). Packages
// whose deadlines differ (a catalog's timeout) run in calls of their own,
// side by side: a deadline is part of a koan's verdict (the hang guard
// reports a koan still running just before it), so each package keeps its
// own.
func (e *Engine) goTest(ctx context.Context, cs []*course.Concept, cl call) (map[*course.Concept]*run.Package, error) {
	groups := map[time.Duration][]*course.Concept{}
	var order []time.Duration
	for _, c := range cs {
		d := e.timeout(c)
		if groups[d] == nil {
			order = append(order, d)
		}
		groups[d] = append(groups[d], c)
	}
	if len(order) == 1 {
		return e.goTestOnce(ctx, cs, cl)
	}
	outs := make([]map[*course.Concept]*run.Package, len(order))
	errs := make([]error, len(order))
	var wg sync.WaitGroup
	for i, d := range order {
		wg.Go(crash.Guard(func() { outs[i], errs[i] = e.goTestOnce(ctx, groups[d], cl) }))
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	all := map[*course.Concept]*run.Package{}
	for _, out := range outs {
		maps.Copy(all, out)
	}
	return all, nil
}

// timeout is the deadline of the concept's test binary: the engine's, or
// the longer one its catalog asks for.
func (e *Engine) timeout(c *course.Concept) time.Duration {
	if e.opt.Timeout == NoTimeout {
		return NoTimeout
	}
	return max(e.opt.Timeout, c.Timeout)
}

// goTestOnce runs the concepts' packages in one go test call. A go test
// that refuses -race is asked again without it, and so is every later call.
func (e *Engine) goTestOnce(ctx context.Context, cs []*course.Concept, cl call) (map[*course.Concept]*run.Package, error) {
	var pkgs []string
	for _, c := range cs {
		pkgs = append(pkgs, "./"+c.Dir)
	}
	opt, err := e.options(cs, cl)
	if err != nil {
		return nil, err
	}
	res, err := e.opt.Go(ctx, opt, pkgs...)
	if errors.Is(err, run.ErrNoRace) {
		e.mu.Lock()
		e.noRace = true
		e.mu.Unlock()
		if opt, err = e.options(cs, cl); err != nil { // without -race, and saying so
			return nil, err
		}
		res, err = e.opt.Go(ctx, opt, pkgs...)
	}
	if err == nil {
		err = ctx.Err() // go test was killed: its output judges nothing
	}
	if err != nil {
		return nil, err
	}
	if len(res.Packages) == 0 && res.ExitCode != 0 {
		return nil, &GoFailedError{Stderr: res.Stderr}
	}
	out := map[*course.Concept]*run.Package{}
	for _, c := range cs {
		out[c] = res.Packages[c.ImportPath(e.Course.Module)]
	}
	return out, nil
}

// options are go test's options for the concepts' packages: the deadline
// the slowest of them allows, and the overlay that gives a plain package
// the koan helper's TestMain.
func (e *Engine) options(cs []*course.Concept, cl call) (run.Options, error) {
	race := e.Race()
	opt := run.Options{Dir: e.Course.Root, Race: race, Timeout: e.opt.Timeout, Tags: e.opt.Tags, Run: cl.run, Skip: cl.skip}
	if e.opt.Waiting != nil {
		opt.Waiting = func() { e.opt.Waiting(race) }
	}
	if cl.fresh {
		opt.Count = 1
	}
	if cl.noVet {
		opt.Vet = "off"
	}
	var plain []*course.Concept
	for _, c := range cs {
		opt.Timeout = e.timeout(c) // the same for all (goTest)
		if c.Catalog == nil && c.Main == course.NoMain {
			plain = append(plain, c)
		}
	}
	if len(plain) > 0 {
		e.mu.Lock()
		defer e.mu.Unlock()
		ov, err := helperOverlay(e.Course.Root, e.opt.OverlayDir, plain)
		if err != nil {
			return opt, err
		}
		opt.Overlay = ov
	}
	return opt, nil
}

// A GoFailedError is a go test that failed before running any koan (a bad
// flag, a broken go.mod): Stderr is what go said.
type GoFailedError struct{ Stderr string }

func (e *GoFailedError) Error() string {
	return lang.Errorf("go test failed before running any koan:\n%s", e.Stderr).Error()
}

// BadCatalog is the error of a concept whose catalog does not parse: a run
// stops there, at its line.
func BadCatalog(cc *course.Concept) error {
	return lang.Errorf("%s\nA concept's catalog says how each koan fails and holds its hints; the runner cannot judge %s without it.\nMend that line, or bring the file back as shipped: git checkout -- %s/%s", cc.BadCatalog, cc.Dir, cc.Dir, course.CatalogFile)
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
