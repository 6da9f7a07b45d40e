package walk

import (
	"context"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/state"
)

// One judges koan k of the koans tree c (loaded by the caller) alone: an
// engine run of one koan, which never moves the learner's place nor writes
// the journal. opt says how to run.
func One(ctx context.Context, opt Options, c *course.Course, k *course.Koan) (diagnose.Outcome, error) {
	e := engine.New(c, opt.engineOptions())
	st := standing.New(c, []*course.Concept{k.Concept})
	w := &walker{opt: opt, e: e, st: st}
	if err := w.run(ctx, 0, 1, engine.Selection{Run: "^" + k.Name + "$"}); err != nil {
		return diagnose.Outcome{}, err
	}
	for _, o := range st.Concepts[0].Outcomes {
		if o.Koan.Name == k.Name {
			return o, nil
		}
	}
	return diagnose.Outcome{}, lang.Errorf("%s did not run", k.Name)
}

// PlaceMissing names the file a deleted current koan was in, as shipped
// (package shipped), so the advice restores that file and no other. Only
// a missing koan pays for the git look-up.
func PlaceMissing(st *standing.Standing, root string) {
	o := st.Current
	if o == nil || o.Failure == nil || o.Failure.Kind != kind.Missing || o.Koan.File != "" || !strings.HasPrefix(st.CurrentConcept.Dir, "koans/") {
		return
	}
	v, err := shipped.Find(root)
	if err != nil {
		return
	}
	if file, err := v.Locate(st.CurrentConcept.Dir, o.Koan.Name); err == nil {
		o.Failure = diagnose.Missing(st.CurrentConcept, o.Koan, file)
	}
}

// Warm builds what the koans of opt's tree need, ahead of the first walk
// in this clone (a new machine: over a minute on two cores), telling
// progress how far along it is (see run.Warm). Once a walk was saved here
// it returns at once.
func Warm(ctx context.Context, opt Options, progress func(done, total int, race bool, std int)) {
	if state.Of(opt.Root).Walked() {
		return
	}
	if opt.Tree == "" {
		opt.Tree = "koans"
	}
	c, err := course.Load(opt.Root, opt.Tree)
	if err != nil || len(c.Concepts) == 0 {
		return
	}
	var pkgs []string
	for _, cc := range c.Concepts {
		pkgs = append(pkgs, "./"+cc.Dir)
	}
	_ = run.Warm(ctx, opt.Root, !opt.NoRace, pkgs, progress)
}
