package main

import (
	"context"
	"encoding/json"
	"fmt"
	"maps"
	"strings"

	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/grade"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/walk"
)

// listCmd prints the map of the path: every concept, its koans marked
// passed, current or not yet, and counts. It runs every concept.
func (a *app) listCmd(ctx context.Context) error {
	st, err := walk.Walk(ctx, walk.Options{Root: a.root, Tree: a.tree, NoRace: a.noRace, All: true, Waiting: a.waiting})
	if err != nil {
		return err
	}
	m := mapOf(st, a.grades(st))
	if a.json {
		data, err := json.Marshal(m)
		if err != nil {
			return err
		}
		fmt.Fprintln(a.stdout, string(data))
		return nil
	}

	for _, c := range m.Concepts {
		mark := "  "
		if c.Passed == c.Total {
			mark = "✓ "
		}
		fmt.Fprintf(a.stdout, "%s%-24s %s %d/%d\n", mark, c.Name, pad(a.lang.Pick(c.Title, c.TitleZh), 28), c.Passed, c.Total)
		for _, k := range c.Koans {
			switch {
			case k.State == "passed" && !k.Graded && m.Shipped != "":
				a.lang.Fprintf(a.stdout, "    ✓ %s (not graded: %s)\n", k.Sentence, k.Why)
			case k.State == "passed":
				fmt.Fprintf(a.stdout, "    ✓ %s\n", k.Sentence)
			case k.State == "current":
				fmt.Fprintf(a.stdout, "    → %s\n", k.Sentence)
			default:
				fmt.Fprintf(a.stdout, "    · %s\n", k.Sentence)
			}
		}
	}
	a.lang.Fprintf(a.stdout, "\n%d of %d koans pass.\n", m.Passed, m.Total)

	return nil
}

// pathMap is list -json's output: a stable shape for graders, like the
// verdict.
type pathMap struct {
	Concepts []conceptMap `json:"concepts"`
	Passed   int          `json:"passed"`
	Total    int          `json:"total"`
	// Current is the first failing koan's name, "" when every koan passes.
	Current string `json:"current"`
	// Graded counts the koans passed within the rules (see koanMap.Graded).
	Graded int `json:"graded"`
	// Shipped names the version of the koans the grading compared with,
	// "" when none was found (then no koan is graded, and each says why).
	Shipped string `json:"shipped"`
}

type conceptMap struct {
	Name  string `json:"name"`
	Title string `json:"title"`
	// TitleZh is the Chinese title, when the catalog has one.
	TitleZh string    `json:"title_zh,omitempty"`
	Passed  int       `json:"passed"`
	Total   int       `json:"total"`
	Koans   []koanMap `json:"koans"`
	// Graded counts the concept's koans passed within the rules.
	Graded int `json:"graded"`
}

type koanMap struct {
	Name     string `json:"name"`
	Sentence string `json:"sentence"`
	// State is "passed", "current" (the first failing koan), "failing" (a
	// later koan that fails too), "not judged" (a race koan without -race)
	// or "not yet" (not run: an earlier koan ended its package's run).
	State string    `json:"state"`
	Kind  kind.Kind `json:"kind,omitempty"` // how it fails now, if it does
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

// grading is what internal/grade says of each koan, and the shipped
// version it compared with.
type grading struct {
	shipped string
	results map[string]grade.Result
}

// grades compares every koan of the koans tree with its shipped version.
// Without one, every koan says why it cannot be graded.
func (a *app) grades(st *walk.Standing) grading {
	g := grading{results: map[string]grade.Result{}}
	v, err := shipped.Find(a.root)
	for _, cr := range st.Concepts {
		c := cr.Concept
		switch {
		case !strings.HasPrefix(c.Dir, "koans/"):
			for _, k := range c.Koans {
				g.results[k.Name] = grade.Result{Why: a.lang.Sprintf("only the koans/ tree is graded, not %s", c.Dir)}
			}
		case err != nil:
			for _, k := range c.Koans {
				g.results[k.Name] = grade.Result{Why: a.lang.Sprintf("not compared with the koans as shipped: %v", err)}
			}
		default:
			maps.Copy(g.results, grade.Concept(a.root, v, c))
		}
	}
	if err == nil {
		g.shipped = v.Name
	}
	return g
}

func mapOf(st *walk.Standing, g grading) pathMap {
	m := pathMap{Passed: st.Passed, Total: st.Total, Shipped: g.shipped}
	for _, cr := range st.Concepts {
		cm := conceptMap{Name: cr.Concept.Name, Title: cr.Concept.Title, TitleZh: cr.Concept.TitleZh}
		for i := range cr.Outcomes {
			o := &cr.Outcomes[i]
			km := koanMap{Name: o.Koan.Name, Sentence: o.Koan.Sentence(), State: "not yet"}
			switch {
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
			if r, ok := g.results[o.Koan.Name]; ok {
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
