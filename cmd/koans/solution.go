package main

import (
	"context"
	"errors"
	"fmt"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/solution"
	"github.com/gokoans/concurrency/internal/walk"
)

// courseRepository is where the reference solutions are when a learner's
// copy of the course does not ship solutions/.
const courseRepository = "https://github.com/gokoans/concurrency"

// solutionCmd shows a passed koan's reference solution against the
// learner's own: the koan named, else the last one the journal saw pass.
// It runs the koan first: a koan that does not pass now keeps its solution.
func (a *app) solutionCmd(ctx context.Context, args []string) error {
	fs := a.newFlags("solution")
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 1 {
		return lang.Errorf("usage: go tool koans solution [KOAN] (a koan's test name; the last koan passed if none)")
	}
	c, err := course.Load(a.root, "koans")
	if err != nil {
		return err
	}
	name := fs.Arg(0)
	if name == "" {
		if name = lastPassed(a.root); name == "" {
			a.lang.Fprintf(a.stderr, "koans: no koan has passed since %s began: name one, as in `go tool koans solution TestName`.\n", journal.File)
			return errTrouble
		}
	}
	k := c.Find(name)
	if k == nil {
		return lang.Errorf("no koan %s in koans/ (name it as its test function is named)", name)
	}
	o, err := a.judgeOne(ctx, k)
	if err != nil {
		return err
	}
	switch {
	case o.Unjudged:
		a.lang.Fprintf(a.stdout, "%s cannot be judged without the race detector, so its solution stays hidden.\n", k.Name)
		return errFailing{}
	case o.State != diagnose.Passed:
		a.lang.Fprintf(a.stdout, "%s has not passed yet, so its solution stays hidden. `make koans` says why it fails, and `make hint` gives a nudge.\n", k.Name)
		return errFailing{}
	}
	cmp, err := solution.Compare(a.root, k)
	if errors.Is(err, solution.ErrNoSolutions) {
		a.lang.Fprintf(a.stderr, "koans: this repository has no solutions/ (a classroom copy may leave it out). The reference solution is in the course's repository, %s, in %s.\n", courseRepository, solution.SolutionFile(k))
		return errTrouble
	}
	if err != nil {
		return err
	}
	writeComparison(a, cmp)
	return nil
}

// judgeOne runs koan k alone: a selected walk, which never moves the
// learner's place nor writes the journal.
func (a *app) judgeOne(ctx context.Context, k *course.Koan) (diagnose.Outcome, error) {
	st, err := walk.Walk(ctx, walk.Options{
		Root: a.root, Tree: "koans", NoRace: a.noRace, Waiting: a.waiting,
		Concepts: []string{k.Concept.Name}, Run: "^" + k.Name + "$",
	})
	if err != nil {
		return diagnose.Outcome{}, err
	}
	for _, cr := range st.Concepts {
		for _, o := range cr.Outcomes {
			if o.Koan.Name == k.Name {
				return o, nil
			}
		}
	}
	return diagnose.Outcome{}, lang.Errorf("%s did not run", k.Name)
}

// lastPassed is the koan the journal last saw pass, "" if none.
func lastPassed(root string) string {
	events, _, _ := journal.Read(root)
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Event == journal.Passed {
			return events[i].Koan
		}
	}
	return ""
}

func writeComparison(a *app, c *solution.Comparison) {
	w := a.stdout
	a.lang.Fprintf(w, "Solution: %s\n", c.Sentence)
	if c.Lesson != "" {
		fmt.Fprintf(w, "  %s\n", c.Lesson)
	}
	a.lang.Fprintf(w, "\n--- yours     %s:%d\n", c.Yours.File, c.Yours.Line)
	a.lang.Fprintf(w, "+++ solution  %s:%d\n\n", c.Solution.File, c.Solution.Line)
	for _, l := range c.Diff {
		fmt.Fprintf(w, "%c %s\n", l.Op, l.Text)
	}
	if c.Same() {
		a.lang.Fprintf(w, "\nYours is the solution, line for line.\n")
	}
}
