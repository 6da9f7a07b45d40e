package main

import (
	"context"
	"errors"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/solution"
	"github.com/gokoans/concurrency/internal/walk"
)

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
		if name = journal.LastPassed(a.root); name == "" {
			a.lang.Fprintf(a.stderr, "koans: no koan has passed since %s began: name one, as in `go tool koans solution TestName`.\n", journal.File)
			return errTrouble
		}
	}
	k := c.Find(name)
	if k == nil {
		return lang.Errorf("no koan %s in koans/ (name it as its test function is named)", name)
	}
	o, err := walk.One(ctx, a.options(), k)
	switch {
	case err != nil:
		return err
	case o.Unjudged:
		a.lang.Fprintf(a.stdout, "%s cannot be judged without the race detector, so its solution stays hidden.\n", k.Name)
		return errFailing
	case o.State != diagnose.Passed:
		a.lang.Fprintf(a.stdout, "%s has not passed yet, so its solution stays hidden. `make koans` says why it fails, and `make hint` gives a nudge.\n", k.Name)
		return errFailing
	}
	cmp, err := solution.Compare(a.root, k)
	if errors.Is(err, solution.ErrNoSolutions) {
		a.lang.Fprintf(a.stderr, "koans: this repository has no solutions/ (a classroom copy may leave it out). The reference solution is in the course's repository, %s, in %s.\n", solution.Repository, solution.SolutionFile(k))
		return errTrouble
	}
	if err == nil {
		solution.Write(a.stdout, cmp, a.lang)
	}
	return err
}
