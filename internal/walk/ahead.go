package walk

import (
	"context"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
)

// Ahead judges one koan, or one concept's koans up to the first failing
// one, wherever they are on the path: a look ahead, an engine run of that
// selection, which never moves the learner's place nor writes the
// journal. name is a koan's test name or a concept's folder (05_waitgroup,
// or koans/05_waitgroup).
//
// The standing it returns holds that concept alone; Current is the koan
// looked at when it fails (or what stopped it from running), nil when it
// passes. Passed and Total are the learner's path as the last walk judged
// it (Saved), and Place the koan that walk stopped at.
func Ahead(ctx context.Context, opt Options, name string) (*standing.Standing, error) {
	e, err := opt.load()
	if err != nil {
		return nil, err
	}
	c := e.Course
	name = strings.TrimPrefix(strings.TrimSuffix(name, "/"), c.Tree+"/")
	var k *course.Koan
	var sel engine.Selection
	if k = c.Find(name); k != nil {
		sel.Run = "^" + k.Name + "$"
	} else if c.Concept(name) == nil {
		return nil, lang.Errorf("no koan or concept %q in %s/: name a koan as its test function is named (TestName), or a concept as its folder (05_waitgroup)", name, c.Tree)
	}
	cc := c.Concept(name)
	if k != nil {
		cc = k.Concept
	}
	if err := cannotRun(k, cc); err != nil {
		return nil, err
	}
	st := standing.New(c, []*course.Concept{cc})
	w := &walker{opt: opt, e: e, st: st}
	if err := w.run(ctx, 0, 1, sel); err != nil {
		return nil, err
	}
	st.RaceUnavailable = w.raceUnavailable()
	st.Settle()
	st.Ahead = name
	if k != nil {
		lookedAt(st, k)
	}
	if saved, _, ok := savedIn(c); ok { // the same course: loaded once
		st.Passed, st.Total = saved.Passed, saved.Total
		if saved.Current != nil {
			st.Place = saved.Current.Koan
		}
	} else {
		st.Passed = 0
	}
	return st, nil
}

// lookedAt makes the koan looked ahead at the standing's Current when it
// failed, and says it passed when it did.
func lookedAt(st *standing.Standing, k *course.Koan) {
	for i := range st.Concepts[0].Outcomes {
		o := &st.Concepts[0].Outcomes[i]
		if o.Koan.Name != k.Name {
			continue
		}
		switch o.State {
		case diagnose.Failed:
			st.Current, st.CurrentConcept = o, st.Concepts[0].Concept
		case diagnose.Passed:
			st.Current, st.CurrentConcept = nil, nil
			st.JustPassed = []*course.Koan{o.Koan}
		}
		// Not run: what stopped it (Settle's Current) explains it.
	}
}

// cannotRun is the error of a look ahead at a koan, or a concept, that the
// go at hand cannot run: its file (each of its files) needs a newer Go.
func cannotRun(k *course.Koan, cc *course.Concept) error {
	var gated []*course.Koan
	name := cc.Name
	switch {
	case k != nil && !k.Runnable():
		gated, name = []*course.Koan{k}, k.Name
	case k == nil && cc.NoneRunnable():
		gated = cc.Koans
	default:
		return nil
	}
	v := course.Newest(gated)
	return lang.Errorf("%s needs Go %s, and this is %s, which leaves its file out: it cannot run here.\nInstall Go %s or newer, or run it with GOTOOLCHAIN=go%s.0 (the go command then fetches that release).", name, v, course.GoAtHand(), v, v)
}
