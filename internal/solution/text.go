package solution

import (
	"fmt"
	"io"

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
