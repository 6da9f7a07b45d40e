package walk

import (
	"context"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/state"
)

// One judges koan k of the koans tree alone: a selected walk, which never
// moves the learner's place nor writes the journal. opt gives the root and
// how to run; its tree and selection are One's.
func One(ctx context.Context, opt Options, k *course.Koan) (diagnose.Outcome, error) {
	opt.Tree, opt.All = "koans", false
	opt.Concepts, opt.Run = []string{k.Concept.Name}, "^"+k.Name+"$"
	st, err := Walk(ctx, opt)
	if err != nil {
		return diagnose.Outcome{}, err
	}
	for _, cr := range st.Concepts {
		for _, o := range cr.Outcomes {
			if o.Koan.Name == k.Name {
				return o, nil
			}
		}
	}
	return diagnose.Outcome{}, lang.Errorf("%s did not run", k.Name)
}

// PlaceMissing names the file a deleted current koan was in, as shipped
// (package shipped), so the advice restores that file and no other. Only
// a missing koan pays for the git look-up.
func (st *Standing) PlaceMissing(root string) {
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
