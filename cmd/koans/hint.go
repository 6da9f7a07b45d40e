package main

import (
	"context"
	"os"

	"github.com/gokoans/concurrency/internal/hint"
)

// hint prints the current koan's hints up to one level more than last time.
func (a *app) hint(ctx context.Context) error {
	st, err := a.walk(ctx)
	if err == nil {
		hint.Show(a.stdout, st, hint.Options{Root: a.root, Tree: a.tree, Lang: a.lang, ViaMake: viaMake()})
	}
	return err
}

// viaMake reports whether the learner ran the runner through make (make
// exports MAKELEVEL to its recipes), so that what the runner says to run
// next is what the learner can run: a make target, or else `go tool koans`.
func viaMake() bool { return os.Getenv("MAKELEVEL") != "" }
