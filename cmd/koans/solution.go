package main

import (
	"context"
	"errors"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/solution"
	"github.com/gokoans/concurrency/internal/walk"
)

// solutionCmd shows a passed koan's reference solution against the
// learner's own: the koan named, else the last one the journal saw pass.
// It runs the koan first: a koan that does not pass now keeps its solution.
func (a *app) solutionCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("solution")
	if err := a.cli.Parse(fs, args); err != nil {
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
			return cli.ErrTrouble
		}
	}
	k := c.Find(name)
	if k == nil {
		return lang.Errorf("no koan %s in koans/ (name it as its test function is named)", name)
	}
	o, err := walk.One(ctx, a.options(), c, k)
	if err != nil {
		return err
	}
	shown, err := solution.Show(a.stdout, a.root, k, o, a.lang)
	if errors.Is(err, solution.ErrNoSolutions) {
		a.lang.Fprintf(a.stderr, "koans: this repository has no solutions/ (a classroom copy may leave it out). The reference solution is in the course's repository, %s, in %s.\n", solution.Repository, solution.SolutionFile(k))
		return cli.ErrTrouble
	}
	if err == nil && !shown {
		return cli.ErrFailing
	}
	return err
}
