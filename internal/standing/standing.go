package standing

import (
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
)

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
	// Ahead names the koan or concept a look ahead judged, "" on the walk
	// of the path; Place is then where the learner's last walk stopped,
	// nil if it stopped nowhere.
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

// An Ungraded koan passed, but not within the rules (package grade): the
// learner changed more than its blanks.
type Ungraded struct {
	Koan       *course.Koan
	Why, Where string
}

// New is the standing of the course's concepts given, none of them run.
func New(c *course.Course, concepts []*course.Concept) *Standing {
	st := &Standing{Course: c, Total: c.Total(), NeedNewerGo: c.NeedNewerGo()}
	st.Total -= len(st.NeedNewerGo)
	for _, cc := range concepts {
		st.Concepts = append(st.Concepts, ConceptResult{Concept: cc, Outcomes: NotRun(cc)})
	}
	return st
}

// NotRun is the outcome of each koan of c's path, none run.
func NotRun(c *course.Concept) []diagnose.Outcome {
	var outs []diagnose.Outcome
	for _, k := range c.Path() {
		outs = append(outs, diagnose.Outcome{Koan: k})
	}
	return outs
}

// Failed reports whether a koan of the concept failed.
func (cr *ConceptResult) Failed() bool {
	for _, o := range cr.Outcomes {
		if o.State == diagnose.Failed {
			return true
		}
	}
	return false
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
