package render

import (
	"fmt"
	"io"
	"sync"

	"github.com/gokoans/concurrency/internal/lang"
)

// Progress is a progress function for run.Warm that tells the learner on w, in
// l, what the first run builds and how far along it is: a line redrawn in
// place on a terminal (tty), else a line per tenth. A new clone on a
// machine that has built the course before builds only the course's own
// packages (its path is new to the build cache), and says so.
func Progress(w io.Writer, tty bool, l lang.Lang) func(done, total int, race bool, std int) {
	last := -1
	return func(done, total int, race bool, std int) {
		pct := 100 * done / total
		switch {
		case done == 0 && std == 0 && race:
			l.Fprintf(w, "First run in this folder: building the course's own packages with the race detector (%d packages; Go's standard library is built already; under a minute).\n", total)
		case done == 0 && std == 0:
			l.Fprintf(w, "First run in this folder: building the course's own packages (%d packages; Go's standard library is built already; under a minute).\n", total)
		case done == 0 && race:
			l.Fprintf(w, "First run here: building Go's standard library and the koans' dependencies with the race detector (%d packages; a few minutes on a small machine, once).\n", total)
		case done == 0:
			l.Fprintf(w, "First run here: building Go's standard library and the koans' dependencies (%d packages; a few minutes on a small machine, once).\n", total)
		case tty:
			l.Fprintf(w, "\r  built %d of %d packages (%d%%)", done, total, pct)
			if done == total {
				fmt.Fprintln(w)
			}
		case pct/10 != last/10 || done == total: // a line per tenth when not a terminal
			l.Fprintf(w, "  built %d of %d packages (%d%%)\n", done, total, pct)
		}
		last = pct
	}
}

// Waiting is a function that tells the learner on w, in l, why nothing
// shows yet: the first run on a new machine builds the standard library
// with the race detector, when there is one (it needs cgo). It says so
// once, however many go test calls a walk makes and fall silent.
func Waiting(w io.Writer, l lang.Lang) func(race bool) {
	var once sync.Once
	return func(race bool) {
		once.Do(func() {
			if race {
				l.Fprintf(w, "Building the koans with the race detector...\n")
			} else {
				l.Fprintf(w, "Building the koans...\n")
			}
		})
	}
}
