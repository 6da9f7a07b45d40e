package solution

import (
	"fmt"
	"io"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/lang"
)

// Repository is where the reference solutions are when a learner's copy
// of the course does not ship solutions/.
const Repository = "https://github.com/gokoans/concurrency"

// Write writes c in l: the koan's sentence and lesson, then the learner's
// function against the solution's, line by line.
func Write(w io.Writer, c *Comparison, l lang.Lang) {
	l.Fprintf(w, "Solution: %s\n", c.Sentence)
	if c.Lesson != "" {
		fmt.Fprintf(w, "  %s\n", c.Lesson)
	}
	l.Fprintf(w, "\n--- yours     %s:%d\n", c.Yours.File, c.Yours.Line)
	l.Fprintf(w, "+++ solution  %s:%d\n\n", c.Solution.File, c.Solution.Line)
	for _, d := range c.Diff {
		fmt.Fprintf(w, "%c %s\n", d.Op, d.Text)
	}
	if c.Same() {
		l.Fprintf(w, "\nYours is the solution, line for line.\n")
	}
}

// Show writes koan k's solution against the learner's own on w, in l, when
// outcome o, the koan's judgement now, passed it; else it says on w why the
// solution stays hidden, and shown is false. ErrNoSolutions: the
// repository has none.
func Show(w io.Writer, root string, k *course.Koan, o diagnose.Outcome, l lang.Lang) (shown bool, err error) {
	switch {
	case o.Unjudged:
		l.Fprintf(w, "%s cannot be judged without the race detector, so its solution stays hidden.\n", k.Name)
		return false, nil
	case o.State != diagnose.Passed:
		l.Fprintf(w, "%s has not passed yet, so its solution stays hidden. `make koans` says why it fails, and `make hint` gives a nudge.\n", k.Name)
		return false, nil
	}
	c, err := Compare(root, k)
	if err != nil {
		return false, err
	}
	Write(w, c, l)
	return true, nil
}
