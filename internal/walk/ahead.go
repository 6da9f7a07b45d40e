package walk

import (
	"context"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/lang"
)

// Ahead judges one koan, or one concept's koans up to the first failing
// one, wherever they are on the path: a look ahead, which never moves the
// learner's place nor writes the journal. name is a koan's test name or a
// concept's folder (05_waitgroup, or koans/05_waitgroup).
//
// The standing it returns holds that concept alone; Current is the koan
// looked at when it fails (or what stopped it from running), nil when it
// passes. Passed and Total are the learner's path as the last walk judged
// it (Saved), and Place the koan that walk stopped at.
func Ahead(ctx context.Context, opt Options, name string) (*Standing, error) {
	opt = opt.withDefaults()
	c, err := course.Load(opt.Root, opt.Tree)
	if err != nil {
		return nil, err
	}
	name = strings.TrimPrefix(strings.TrimSuffix(name, "/"), opt.Tree+"/")
	opt.All = false
	var k *course.Koan
	if k = c.Find(name); k != nil {
		opt.Concepts, opt.Run = []string{k.Concept.Name}, "^"+k.Name+"$"
	} else if cc := c.Concept(name); cc != nil {
		opt.Concepts = []string{cc.Name}
	} else {
		return nil, lang.Errorf("no koan or concept %q in %s/: name a koan as its test function is named (TestName), or a concept as its folder (05_waitgroup)", name, opt.Tree)
	}
	if err := cannotRun(k, c.Concept(opt.Concepts[0])); err != nil {
		return nil, err
	}
	st, err := Walk(ctx, opt)
	if err != nil {
		return nil, err
	}
	st.Ahead = name
	if k != nil {
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
	saved, _, ok, err := Saved(opt.Root, opt.Tree)
	if err == nil && ok {
		st.Passed, st.Total = saved.Passed, saved.Total
		if saved.Current != nil {
			st.Place = saved.Current.Koan
		}
	} else {
		st.Passed = 0
	}
	return st, nil
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
