package run

import (
	"bufio"
	"context"
	"os"
	"os/exec"
	"strings"
)

// Warm builds the dependencies of pkgs with the race detector (the standard
// library among them) ahead of go test, counting them as they are built, so
// that a first run on a new machine can say how far along it is instead of
// going silent for a minute or two. It returns at once when nothing is
// stale. progress is called with the number built so far and the total.
func Warm(ctx context.Context, dir string, race bool, pkgs []string, progress func(done, total int)) error {
	list := []string{"list", "-deps", "-test", "-f", "{{if .Stale}}{{.ImportPath}}{{end}}"}
	if race {
		list = append(list, "-race")
	}
	cmd := exec.CommandContext(ctx, "go", append(list, pkgs...)...)
	cmd.Dir = dir
	out, err := cmd.Output()
	if err != nil {
		return nil // go test will say what is wrong, better than we can
	}
	var stale []string
	for _, p := range strings.Fields(string(out)) {
		// Test variants ("p [p.test]") and test mains build with go test.
		if !strings.Contains(p, "[") && !strings.HasSuffix(p, ".test") {
			stale = append(stale, p)
		}
	}
	if len(stale) == 0 {
		return nil
	}
	build := []string{"build", "-v"}
	if race {
		build = append(build, "-race")
	}
	cmd = exec.CommandContext(ctx, "go", append(build, stale...)...)
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
	progress(0, len(stale))
	sc := bufio.NewScanner(stderr)
	for sc.Scan() { // go build -v names each package as it builds it
		if !strings.HasPrefix(sc.Text(), "#") {
			done = min(done+1, len(stale))
			progress(done, len(stale))
		}
	}
	_ = cmd.Wait() // a failure shows again, explained, in go test
	return nil
}
