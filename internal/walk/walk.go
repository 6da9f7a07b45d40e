package walk

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"sync"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/state"
)

// Options say how to walk.
type Options struct {
	Root string // repository root
	Tree string // "koans" (default) or "solutions"
	// NoRace walks without the race detector, as when cgo is unavailable.
	NoRace bool
	// Timeout bounds each test binary's run (engine.Options.Timeout); 0
	// means KOANS_TIMEOUT, else engine.DefaultTimeout.
	Timeout time.Duration
	// Waiting is called when go test is silent for a while (building),
	// saying whether it builds with the race detector.
	Waiting func(race bool)
	// Tags are build tags for go test (the runner's fixtures need one).
	Tags string
	// Go runs go test; nil means run.Go. Tests replace it to replay
	// recorded streams.
	Go engine.GoFunc
	// LeaveOutBroken leaves out of All the concepts whose catalogs do not
	// parse, rather than stop there (grade: their koans earn nothing, the
	// others keep their points).
	LeaveOutBroken bool
}

// NoTimeout, as Options.Timeout, runs the test binaries with no deadline
// (KOANS_TIMEOUT=off), as when a koan is paused in a debugger.
const NoTimeout = engine.NoTimeout

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

// load loads opt's tree of the course, once, as the engine that runs it.
func (opt Options) load() (*engine.Engine, error) {
	if opt.Tree == "" {
		opt.Tree = "koans"
	}
	return engine.Load(opt.Root, opt.Tree, opt.engineOptions())
}

// engineOptions are the engine's options for the learner: the deadline
// KOANS_TIMEOUT sets, the helper's overlay under .koans/.
func (opt Options) engineOptions() engine.Options {
	if opt.Timeout == 0 {
		opt.Timeout = TimeoutFromEnv()
	}
	return engine.Options{
		NoRace: opt.NoRace, Timeout: opt.Timeout, Waiting: opt.Waiting, Tags: opt.Tags,
		OverlayDir: state.Of(opt.Root).Overlay(), Go: opt.Go,
	}
}

// keeps reports whether the walk of the tree keeps the learner's place in
// .koans/: the koans' tree does; the solutions' is walked afresh each time.
func keeps(e *engine.Engine) bool { return e.Course.Tree == "koans" }

// Walk walks the learner's path: it resumes where the learner's last walk
// stopped (the koans before it run in one go test call, from go test's
// cache, or not at all when nothing they build from changed), runs each
// concept beyond it in turn up to the first failing koan, and keeps where
// the learner stands, what the walk judged and the journal's line.
func Walk(ctx context.Context, opt Options) (*standing.Standing, error) {
	e, err := opt.load()
	if err != nil {
		return nil, err
	}
	began := time.Now()
	st := standing.New(e.Course, e.Course.Concepts)
	w := &walker{opt: opt, e: e, st: st}
	next := 0
	var last position
	if keeps(e) {
		last = state.Of(opt.Root).Position(e.Course.Tree)
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
		if err := w.run(ctx, next, next+1, engine.Selection{Fresh: last.Concept != ""}); err != nil {
			return nil, err
		}
		next++
	}
	if err := ctx.Err(); err != nil {
		return nil, err // interrupted: a run cut short proves nothing
	}
	st.RaceUnavailable = w.raceUnavailable()
	if keeps(e) {
		var now position
		if st.Current != nil {
			now = position{Concept: st.CurrentConcept.Name, Koan: st.Current.Koan.Name, Verified: began,
				Go: goJudging(), Race: e.Race()}
		}
		state.Of(opt.Root).SetPosition(e.Course.Tree, now)
		st.NotSaved = save(opt.Root, st, began, e.Race())
		st.JustPassed = justPassed(st, last)
		record(opt.Root, last, st)
	}
	return st, nil
}

// All judges every concept of the tree in one go test call, wherever the
// learner stands (for the map of the path, and for graders), and keeps
// what it judged for the map; it moves no place and writes no journal.
func All(ctx context.Context, opt Options) (*standing.Standing, error) {
	e, err := opt.load()
	if err != nil {
		return nil, err
	}
	began := time.Now()
	concepts := e.Course.Concepts
	if opt.LeaveOutBroken {
		concepts = slices.DeleteFunc(slices.Clone(concepts), func(c *course.Concept) bool { return c.BadCatalog != "" })
	}
	st := standing.New(e.Course, concepts)
	w := &walker{opt: opt, e: e, st: st}
	if err := w.run(ctx, 0, len(st.Concepts), engine.Selection{}); err != nil {
		return nil, err
	}
	st.RaceUnavailable = w.raceUnavailable()
	st.Settle()
	if keeps(e) && ctx.Err() == nil {
		st.NotSaved = save(opt.Root, st, began, e.Race())
	}
	return st, nil
}

type walker struct {
	opt Options
	e   *engine.Engine
	st  *standing.Standing
}

// raceUnavailable: go test refused -race, though the learner did not ask
// to walk without it.
func (w *walker) raceUnavailable() bool { return !w.opt.NoRace && !w.e.Race() }

// run judges the concepts [from, to) of the walk in one engine run.
func (w *walker) run(ctx context.Context, from, to int, sel engine.Selection) error {
	for _, cr := range w.st.Concepts[from:to] {
		sel.Concepts = append(sel.Concepts, cr.Concept)
	}
	results, err := w.e.Run(ctx, sel)
	if gf := (*engine.GoFailedError)(nil); errors.As(err, &gf) {
		return goFailed(gf.Stderr)
	}
	if err != nil {
		return err
	}
	copy(w.st.Concepts[from:to], results)
	return nil
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
	var names []string
	cut := 0
	for i, k := range c.Koans {
		names = append(names, k.Name)
		if k.Name == last.Koan {
			cut = i + 1
		}
	}
	if cut < len(c.Koans) && c.Koans[cut].Kind.FailsFast() {
		cut++
	}
	first := engine.Pattern(names[:cut])
	var earlier error
	var wg sync.WaitGroup
	switch {
	case ci == 0:
	case !w.changedSince(ci, last):
		w.passedAsBefore(ci)
	default:
		wg.Go(crash.Guard(func() { earlier = w.run(ctx, 0, ci, engine.Selection{}) }))
	}
	err := w.run(ctx, ci, ci+1, engine.Selection{Run: first, Fresh: true})
	w.blameBuildOn(ci, last.Koan)
	wg.Wait()
	if err := errors.Join(earlier, err); err != nil {
		return err
	}
	if err := w.confirmRace(ctx, ci, last.Koan); err != nil {
		return err
	}
	if w.st.Concepts[ci].Failed() {
		return nil
	}
	keep := w.st.Concepts[ci].Outcomes
	if err := w.run(ctx, ci, ci+1, engine.Selection{Skip: first, Fresh: true}); err != nil {
		return err
	}
	for i, o := range keep { // the first part's verdicts stand
		if slices.Contains(names[:cut], o.Koan.Name) {
			w.st.Concepts[ci].Outcomes[i] = o
		}
	}
	return nil
}

// passedAsBefore: every koan before concept ci passed when the last walk
// stopped there, and no file they build from has changed since: asking go
// test again (even from its cache) would cost the learner's wait for
// nothing.
func (w *walker) passedAsBefore(ci int) {
	for i := range w.st.Concepts[:ci] {
		cr := &w.st.Concepts[i]
		cr.Ran = true
		for j := range cr.Outcomes {
			if k := cr.Outcomes[j].Koan; k.File != "" && k.Runnable() {
				cr.Outcomes[j].State = diagnose.Passed
			}
		}
	}
}

// confirmRace runs a race koan that has just turned green once more, on
// its own: the race detector sees only the races of the interleaving that
// happened, so one clean run of a solution that still races (in five runs
// of eight, say) proves little. A race in the second run stands.
func (w *walker) confirmRace(ctx context.Context, ci int, name string) error {
	c := w.st.Concepts[ci].Concept
	k := c.Koan(name)
	if k == nil || k.Kind != kind.Race || !w.e.Race() {
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
	if err := w.run(ctx, ci, ci+1, engine.Selection{Run: engine.Pattern([]string{name}), Fresh: true}); err != nil {
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

// A position is where a walk stopped: the first failing koan (kept in
// .koans/walk.json by package state).
type position = state.Position

// changedSince reports whether a file the concepts before ci build from
// (their own files, the koan helper, go.mod, go.sum) is newer than t, or
// t is unknown.
func (w *walker) changedSince(ci int, last position) bool {
	t := last.Verified
	if t.IsZero() || last.Go != goJudging() || last.Race != w.e.Race() {
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

// goJudging is the Go that runs the koans: the go command's version (it
// follows GOTOOLCHAIN, and a koan gated on a newer Go runs once it
// changes), else the runner's own.
func goJudging() string {
	if v := course.GoAtHand(); v != "" {
		return v
	}
	return runtime.Version()
}
