package trace

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/run"
)

// A Recording is one run of a koan with the trace on.
type Recording struct {
	Trace  string // the trace file's path; "" when the koan did not run
	Output string // what the koan's package printed (the test's output and the rest)
	Passed bool
}

// Record runs the koan test of the package in dir (relative to root, e.g.
// koans/02_channels) once, under -race, writing its trace to file: go test
// -run '^test$' -trace file. The koan's hang guard stops the trace before
// it ends a stuck binary, so that the file holds the stuck run too.
func Record(ctx context.Context, root, dir, test, file string, timeout time.Duration) (*Recording, error) {
	abs, err := filepath.Abs(file)
	if err != nil {
		return nil, err
	}
	if err := os.Remove(abs); err != nil && !os.IsNotExist(err) {
		return nil, err // never draw the trace of an earlier run
	}
	args := run.Args(run.Options{Race: true, Vet: "off", Timeout: timeout, Run: "^" + test + "$", Count: 1})
	args = append(args, "-trace="+abs, "./"+filepath.ToSlash(dir))
	cmd := exec.CommandContext(ctx, "go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	err = cmd.Run()
	if _, ok := err.(*exec.ExitError); err != nil && !ok {
		return nil, err
	}
	res, scanErr := run.Replay(&stdout)
	if scanErr != nil {
		return nil, scanErr
	}
	rec := &Recording{Trace: abs, Passed: err == nil}
	if info, statErr := os.Stat(abs); statErr != nil || info.Size() == 0 {
		rec.Trace = "" // it did not build, or the binary died before it began
	}
	var out strings.Builder
	for _, e := range res.Events {
		out.WriteString(e.Output)
	}
	out.WriteString(stderr.String())
	rec.Output = out.String()
	return rec, nil
}

// KoanIn says which koan a recording of root's package dir is: its import
// path is the module's path (from root's go.mod) joined with dir; its
// source is read from root.
func KoanIn(root, module, dir, test string) Koan {
	cache := map[string][]string{}
	return Koan{
		Pkg:    module + "/" + filepath.ToSlash(dir),
		Test:   test,
		Helper: module + "/koan",
		Root:   filepath.ToSlash(root),
		Dir:    filepath.ToSlash(root),
		Source: func(file string, line int) string {
			lines, ok := cache[file]
			if !ok {
				data, _ := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
				lines = strings.Split(string(data), "\n")
				cache[file] = lines
			}
			if line < 1 || line > len(lines) {
				return ""
			}
			return lines[line-1]
		},
	}
}
