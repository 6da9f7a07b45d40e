package walk

import (
	"os"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/state"
)

// save keeps what the learner's walk judged in .koans/standing.json, for
// the map of the path (Saved). It returns the error of a file that could
// not be written.
func save(root string, st *standing.Standing, began time.Time, race bool) error {
	s := state.Standing{Judged: began, Race: race, Koans: map[string]state.Judged{}}
	if st.Current != nil {
		s.Current = st.Current.Koan.Name
	}
	for _, cr := range st.Concepts {
		if !cr.Ran {
			continue
		}
		for _, o := range cr.Outcomes {
			j := state.Judged{Concept: cr.Concept.Name}
			switch {
			case o.Unjudged:
				j.State = "not judged"
			case o.State == diagnose.Passed:
				j.State = "passed"
			case o.State == diagnose.Failed:
				j.State = "failed"
				if o.Failure != nil {
					j.Kind = string(o.Failure.Kind)
				}
			default:
				continue
			}
			s.Koans[o.Koan.Name] = j
		}
	}
	return state.Of(root).SetStanding(st.Course.Tree, s)
}

// Saved is the standing the learner's last walk of the tree judged, read
// from .koans/ without running a koan: a koan it did not reach, or one
// added since, is not run. ok is false when no walk was saved; the
// standing then holds every koan, none run.
func Saved(root, tree string) (st *standing.Standing, judged time.Time, ok bool, err error) {
	if tree == "" {
		tree = "koans"
	}
	c, err := course.Load(root, tree)
	if err != nil {
		return nil, time.Time{}, false, err
	}
	st, judged, ok = savedIn(c)
	return st, judged, ok, nil
}

// savedIn is Saved of a course already loaded.
func savedIn(c *course.Course) (st *standing.Standing, judged time.Time, ok bool) {
	root, tree := c.Root, c.Tree
	saved, ok := state.Of(root).Standing(tree)
	st = &standing.Standing{Course: c, Total: c.Total(), RaceUnavailable: ok && !saved.Race, NeedNewerGo: c.NeedNewerGo()}
	st.Total -= len(st.NeedNewerGo)
	for _, cc := range c.Concepts {
		cr := standing.ConceptResult{Concept: cc, Outcomes: standing.NotRun(cc)}
		for i := range cr.Outcomes {
			o := &cr.Outcomes[i]
			j, found := saved.Koans[o.Koan.Name]
			if !found || j.Concept != cc.Name || !o.Koan.Runnable() {
				continue
			}
			cr.Ran = true
			switch j.State {
			case "passed":
				o.State = diagnose.Passed
				st.Passed++
			case "not judged":
				o.Unjudged = true
			case "failed":
				o.State = diagnose.Failed
				o.Failure = &diagnose.Failure{Kind: kind.Kind(j.Kind)}
			}
			if o.Koan.Name == saved.Current && st.Current == nil {
				st.Current, st.CurrentConcept = o, cc
			}
		}
		st.Concepts = append(st.Concepts, cr)
	}
	return st, saved.Judged, ok
}

// goFailed is the error of a go test that failed before running any koan,
// naming what in the learner's environment go took its flags from.
func goFailed(stderr string) error {
	if flags := os.Getenv("GOFLAGS"); flags != "" {
		return lang.Errorf("go test failed before running any koan:\n%s\nGOFLAGS=%s is set in your environment, and go test took its flags from it: unset it (or drop what does not suit this course) and run again.", stderr, flags)
	}
	return lang.Errorf("go test failed before running any koan:\n%s", stderr)
}
