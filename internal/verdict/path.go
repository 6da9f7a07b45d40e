package verdict

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/grade"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/standing"
)

// PathMap is list's map of the path, and list -json's output: a stable
// shape for graders, like the verdict. Add fields, never rename or drop one.
type PathMap struct {
	Concepts []ConceptMap `json:"concepts"`
	Passed   int          `json:"passed"`
	Total    int          `json:"total"`
	// Current is the first failing koan's name, "" when every koan passes.
	Current string `json:"current"`
	// Graded counts the koans passed within the rules (see KoanMap.Graded).
	Graded int `json:"graded"`
	// Shipped names the version of the koans the grading compared with,
	// "" when none was found (then no koan is graded, and each says why).
	Shipped string `json:"shipped"`
	// NeedNewerGo counts the koans the go at hand cannot run (their files
	// need a newer Go): not in Total; NewerGo is the release that runs
	// them all.
	NeedNewerGo int    `json:"need_newer_go"`
	NewerGo     string `json:"newer_go,omitempty"`
}

// A ConceptMap is one concept of the PathMap.
type ConceptMap struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	// TitleZh is the Chinese title, when the catalog has one.
	TitleZh string    `json:"title_zh,omitempty"`
	Passed  int       `json:"passed"`
	Total   int       `json:"total"`
	Koans   []KoanMap `json:"koans"`
	// Graded counts the concept's koans passed within the rules.
	Graded int `json:"graded"`
	// NeedNewerGo counts its koans the go at hand cannot run (not in
	// Total).
	NeedNewerGo int `json:"need_newer_go,omitempty"`
}

// A KoanMap is one koan of a ConceptMap.
type KoanMap struct {
	Name     string `json:"name"`
	Sentence string `json:"sentence"`
	// TitleZh is the koan's Chinese title, when the catalog has one.
	TitleZh string `json:"title_zh,omitempty"`
	// State is "passed", "current" (the first failing koan), "failing" (a
	// later koan that fails too), "not judged" (a race koan without -race),
	// "not yet" (not run: an earlier koan ended its package's run) or
	// "needs go" (its file needs a newer Go than the one at hand: NeedsGo).
	State string `json:"state"`
	// NeedsGo is the Go release the koan's file needs ("1.27"), if any.
	NeedsGo string    `json:"needs_go,omitempty"`
	Kind    kind.Kind `json:"kind,omitempty"` // how it fails now, if it does
	// Graded is true when the koan passed within the rules: nothing but
	// its blanks changed from the koan as shipped (internal/grade). Only
	// graded koans earn points.
	Graded bool `json:"graded"`
	// Why says what changed outside a blank, and Where the learner's
	// file:line, when the koan is not within the rules (or why it could
	// not be compared).
	Why   string `json:"why,omitempty"`
	Where string `json:"where,omitempty"`
}

// MapOf is the map of a walk of every concept, graded as g says.
func MapOf(st *standing.Standing, g grade.Grading) PathMap {
	m := PathMap{Passed: st.Passed, Total: st.Total, Shipped: g.Shipped, NeedNewerGo: len(st.NeedNewerGo), NewerGo: course.Newest(st.NeedNewerGo)}
	for _, cr := range st.Concepts {
		cm := ConceptMap{Name: cr.Concept.Name, Title: cr.Concept.Title, TitleZh: cr.Concept.TitleZh}
		for i := range cr.Outcomes {
			o := &cr.Outcomes[i]
			km := KoanMap{Name: o.Koan.Name, Sentence: o.Koan.Sentence(), TitleZh: o.Koan.Twin.TitleZh, State: "not yet", NeedsGo: o.Koan.NeedsGo}
			switch {
			case !o.Koan.Runnable():
				km.State = "needs go"
				cm.NeedNewerGo++
				cm.Koans = append(cm.Koans, km)
				continue // not in the concept's total: this Go cannot run it
			case o.Unjudged:
				km.State = "not judged"
			case o == st.Current:
				km.State = "current"
			case o.State == diagnose.Passed:
				km.State = "passed"
				cm.Passed++
			case o.State == diagnose.Failed:
				km.State = "failing"
			}
			if o.State == diagnose.Failed && o.Failure != nil {
				km.Kind = o.Failure.Kind
			}
			if r, ok := g.Results[o.Koan.Name]; ok {
				km.Graded = r.Within && km.State == "passed"
				km.Why, km.Where = r.Why, r.Where
			}
			if km.Graded {
				cm.Graded++
				m.Graded++
			}
			cm.Koans = append(cm.Koans, km)
			cm.Total++
		}
		m.Concepts = append(m.Concepts, cm)
	}
	if st.Current != nil {
		m.Current = st.Current.Koan.Name
	}
	return m
}

// WriteMap writes m as one line of JSON (list -json).
func WriteMap(w io.Writer, m PathMap) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(data))
	return err
}
