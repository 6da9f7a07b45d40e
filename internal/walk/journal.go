package walk

import (
	"time"

	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/standing"
)

// record writes the learner's walk to the journal (.koans/journal.jsonl):
// what passed since the last walk, where this one stopped and how it
// failed. The journal is the learner's notebook, not the runner's memory:
// a journal that cannot be written costs the learner nothing.
func record(root string, last position, st *standing.Standing) {
	w := journal.Walk{Time: time.Now(), Stood: journal.Koan{Concept: last.Concept, Name: last.Koan}}
	for _, cr := range st.Concepts {
		for _, o := range cr.Outcomes {
			k := journal.Koan{Concept: cr.Concept.Name, Name: o.Koan.Name}
			w.Path = append(w.Path, journal.Step{Koan: k, Passed: o.State == diagnose.Passed && !o.Unjudged})
		}
	}
	if st.Current != nil {
		w.Current = journal.Koan{Concept: st.CurrentConcept.Name, Name: st.Current.Koan.Name}
		if f := st.Current.Failure; f != nil {
			w.Kind = string(f.Kind)
		}
	}
	_ = journal.Record(root, w)
}
