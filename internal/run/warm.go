package run

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"strings"
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
