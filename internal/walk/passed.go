package walk

import (
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
)

// justPassed lists the koans of the path from where the last walk stopped
// up to where this one stopped that passed.
func justPassed(st *standing.Standing, last position) []*course.Koan {
	if last.Koan == "" {
		return nil
	}
	var out []*course.Koan
	on := false
	for _, cr := range st.Concepts {
		for i := range cr.Outcomes {
			o := &cr.Outcomes[i]
			if o == st.Current {
				return out
			}
			on = on || o.Koan.Name == last.Koan && cr.Concept.Name == last.Concept
			if on && o.State == diagnose.Passed && !o.Unjudged {
				out = append(out, o.Koan)
			}
		}
	}
	return out
}

// blameBuildOn puts a build failure of concept ci that is outside every
// koan (an unused import, a type of the file's own) on the koan the
// learner stands at, when it is in that concept, rather than on the koan
// the failure's line is nearest to, which may have passed long ago.
func (w *walker) blameBuildOn(ci int, name string) {
	cr := &w.st.Concepts[ci]
	at := -1
	for i, o := range cr.Outcomes {
		if o.Koan.Name == name {
			at = i
		}
	}
	if at < 0 {
		return
	}
	for i, o := range cr.Outcomes {
		f := o.Failure
		if i == at || o.State != diagnose.Failed || f == nil || f.Kind != kind.Compile && f.Kind != kind.Vet ||
			f.File == "" || cr.Concept.KoanAt(f.File, f.Line) != nil || cr.Outcomes[at].State != diagnose.NotRun {
			continue
		}
		cr.Outcomes[at].State, cr.Outcomes[at].Failure = diagnose.Failed, f
		cr.Outcomes[i].State, cr.Outcomes[i].Failure = diagnose.NotRun, &diagnose.Failure{Kind: f.Kind, Headline: lang.Msgf("not run: the package does not build")}
		return
	}
}
