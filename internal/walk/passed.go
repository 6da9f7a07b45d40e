package walk

import (
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
)

// An Ungraded koan passed, but not within the rules (package grade): the
// learner changed more than its blanks.
type Ungraded struct {
	Koan       *course.Koan
	Why, Where string
}

// justPassed lists the koans of the path from where the last walk stopped
// up to where this one stopped that passed.
func (st *Standing) justPassed(last position) []*course.Koan {
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
