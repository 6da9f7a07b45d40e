package run

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"sync"

	"github.com/gokoans/concurrency/internal/lang"
)

// Warm builds the dependencies of pkgs with the race detector (the standard
// library among them) ahead of go test, counting them as they are built, so
// that a first run on a new machine can say how far along it is instead of
// going silent for a minute or two. Without cgo there is no race detector:
// it builds without it, as go test will. It returns at once when nothing is
// stale. progress is called once for each count, with the number built so
// far, the total, and whether the build uses the race detector.
func Warm(ctx context.Context, dir string, race bool, pkgs []string, progress func(done, total int, race bool, std int)) error {
	out, err := staleDeps(ctx, dir, race, pkgs)
	if race && errors.Is(err, ErrNoRace) {
		race = false
		out, err = staleDeps(ctx, dir, race, pkgs)
	}
	if err != nil {
		return nil // go test will say what is wrong, better than we can
	}
	var stale []string
	std := 0
	for _, line := range strings.Split(string(out), "\n") {
		p, standard, _ := strings.Cut(strings.TrimSpace(line), " ")
		// Test variants ("p [p.test]") and test mains build with go test.
		if p != "" && !strings.HasSuffix(standard, "]") && !strings.HasSuffix(p, ".test") {
			stale = append(stale, p)
			if standard == "true" {
				std++
			}
		}
	}
	if len(stale) == 0 {
		return nil
	}
	build := []string{"build", "-v"}
	if race {
		build = append(build, "-race")
	}
	cmd := exec.CommandContext(ctx, "go", append(build, stale...)...)
	cmd.Dir = dir
	cmd.Env = os.Environ()
	stderr, err := cmd.StderrPipe()
	if err != nil {
		return err
	}
	if err := cmd.Start(); err != nil {
		return err
	}
	done := 0
	progress(0, len(stale), race, std)
	sc := bufio.NewScanner(stderr)
	for sc.Scan() { // go build -v names each package as it builds it
		// It names more than were stale (test variants, its own helpers):
		// the count stops at the total, and each count is told once.
		if !strings.HasPrefix(sc.Text(), "#") && done < len(stale) {
			done++
			progress(done, len(stale), race, std)
		}
	}
	_ = cmd.Wait() // a failure shows again, explained, in go test
	return nil
}

// staleDeps lists the packages that building pkgs' tests would build,
// or ErrNoRace when race is set and cgo is off.
func staleDeps(ctx context.Context, dir string, race bool, pkgs []string) ([]byte, error) {
	list := []string{"list", "-deps", "-test", "-f", "{{if .Stale}}{{.ImportPath}} {{.Standard}}{{end}}"}
	if race {
		list = append(list, "-race")
	}
	cmd := exec.CommandContext(ctx, "go", append(list, pkgs...)...)
	cmd.Dir = dir
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if race && strings.Contains(stderr.String(), "-race requires cgo") {
		return nil, ErrNoRace
	}
	return out, err
}

// Progress is a progress function for Warm that tells the learner on w, in
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
