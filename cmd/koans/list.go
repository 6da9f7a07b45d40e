package main

import (
	"context"
	"encoding/json"
	"fmt"

	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/walk"
)

// listCmd prints the map of the path: every concept, its koans marked
// passed, current or not yet, and counts. It runs every concept.
func (a *app) listCmd(ctx context.Context) error {
	st, err := walk.Walk(ctx, walk.Options{Root: a.root, Tree: a.tree, NoRace: a.noRace, All: true, Waiting: a.waiting})
	if err != nil {
		return err
	}
	m := mapOf(st)
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
		fmt.Fprintf(a.stdout, "%s%-24s %-28s %d/%d\n", mark, c.Name, c.Title, c.Passed, c.Total)
		for _, k := range c.Koans {
			switch k.State {
			case "passed":
				fmt.Fprintf(a.stdout, "    ✓ %s\n", k.Sentence)
			case "current":
				fmt.Fprintf(a.stdout, "    → %s\n", k.Sentence)
			default:
				fmt.Fprintf(a.stdout, "    · %s\n", k.Sentence)
			}
		}
	}
	fmt.Fprintf(a.stdout, "\n%d of %d koans pass.\n", m.Passed, m.Total)

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
}

type conceptMap struct {
	Name   string    `json:"name"`
	Title  string    `json:"title"`
	Passed int       `json:"passed"`
	Total  int       `json:"total"`
	Koans  []koanMap `json:"koans"`
}

type koanMap struct {
	Name     string `json:"name"`
	Sentence string `json:"sentence"`
	// State is "passed", "current" (the first failing koan), "failing" (a
	// later koan that fails too), "not judged" (a race koan without -race)
	// or "not yet" (not run: an earlier koan ended its package's run).
	State string `json:"state"`
	Kind  string `json:"kind,omitempty"` // how it fails now, if it does
}

func mapOf(st *walk.Standing) pathMap {
	m := pathMap{Passed: st.Passed, Total: st.Total}
	for _, cr := range st.Concepts {
		cm := conceptMap{Name: cr.Concept.Name, Title: cr.Concept.Title}
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
