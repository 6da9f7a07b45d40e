package render

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/grade"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/walk"
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
func MapOf(st *walk.Standing, g grade.Grading) PathMap {
	m := PathMap{Passed: st.Passed, Total: st.Total, Shipped: g.Shipped, NeedNewerGo: len(st.NeedNewerGo), NewerGo: course.Newest(st.NeedNewerGo)}
	for _, cr := range st.Concepts {
		cm := ConceptMap{Name: cr.Concept.Name, Title: cr.Concept.Title, TitleZh: cr.Concept.TitleZh}
		for i := range cr.Outcomes {
			o := &cr.Outcomes[i]
			km := KoanMap{Name: o.Koan.Name, Sentence: o.Koan.Sentence(), State: "not yet", NeedsGo: o.Koan.NeedsGo}
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

// ListJSON writes m as one line of JSON.
func ListJSON(w io.Writer, m PathMap) error {
	data, err := json.Marshal(m)
	if err != nil {
		return err
	}
	_, err = fmt.Fprintln(w, string(data))
	return err
}

// List writes m as the terminal's map of the path: every concept, its
// koans marked passed, current or not yet, and counts.
func List(w io.Writer, m PathMap, s Style) {
	l := s.Lang
	for _, c := range m.Concepts {
		mark := "  "
		if c.Passed == c.Total && c.NeedNewerGo == 0 {
			mark = "✓ "
		}
		fmt.Fprintf(w, "%s%-24s %s %d/%d\n", mark, c.Name, pad(l.Pick(c.Title, c.TitleZh), 28), c.Passed, c.Total)
		for _, k := range c.Koans {
			switch {
			case k.State == "passed" && !k.Graded && m.Shipped != "":
				l.Fprintf(w, "    ✓ %s (not graded: %s)\n", k.Sentence, k.Why)
			case k.State == "passed":
				fmt.Fprintf(w, "    ✓ %s\n", k.Sentence)
			case k.State == "current":
				fmt.Fprintf(w, "    → %s\n", k.Sentence)
			case k.State == "needs go":
				l.Fprintf(w, "    - %s (needs Go %s)\n", k.Sentence, k.NeedsGo)
			case k.State == "not judged":
				l.Fprintf(w, "    ? %s (not judged: the race detector is unavailable here)\n", k.Sentence)
			default:
				fmt.Fprintf(w, "    · %s\n", k.Sentence)
			}
		}
	}
	l.Fprintf(w, "\n%d of %d koans pass.\n", m.Passed, m.Total)
	if m.NeedNewerGo > 0 {
		l.Fprintf(w, "%d more need Go %s, and this is %s.\n", m.NeedNewerGo, m.NewerGo, course.GoAtHand())
	}
}

// pad pads s with spaces to width columns of a terminal, where a Chinese
// character takes two (fmt's %-28s counts characters, not columns).
func pad(s string, width int) string {
	cols := 0
	for _, r := range s {
		cols++
		if wide(r) {
			cols++
		}
	}
	return s + strings.Repeat(" ", max(0, width-cols))
}

// wide reports whether r takes two columns: the CJK ideographs, syllables
// and full-width forms a Chinese title holds.
func wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
		r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6)
}
