package prove

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/lang"
)

// Options say what to prove, and how hard.
type Options struct {
	Root  string   // where to run go: the course's root (or a module's)
	Dir   string   // the package, relative to Root, e.g. koans/17_races
	Tests []string // the koans (test names) to run
	N     int      // runs at each setting
	CPUs  []int    // the -cpu settings, e.g. 1, 2, 4, 8
	// Timeout is each run's -test.timeout (the hang guard of the koans
	// ends a stuck one much sooner).
	Timeout time.Duration
	// Progress, if set, is called after each run.
	Progress func(done, total int)
}

// A Count is how one test did at one setting.
type Count struct {
	Test          string
	CPU           int
	Passed, Runs  int
	FirstFailedAt int // the run (1-based) it first failed in, 0 if none
}

// A Result is what Prove found.
type Result struct {
	Counts []Count // by test, then setting, in the order of Options
	// FirstFailure is the whole output of the first run that failed, ""
	// when none did; FailedCPU and FailedRun say which run it was.
	FirstFailure         string
	FailedTest           string
	FailedCPU, FailedRun int
}

// Proven reports whether every run passed.
func (r *Result) Proven() bool { return r.FirstFailure == "" }

// Prove builds the package's test binary with the race detector once, then
// runs the tests opt.N times at each setting, each run a process of its own.
func Prove(ctx context.Context, opt Options) (*Result, error) {
	tmp, err := os.MkdirTemp("", "koans-prove-")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	bin := filepath.Join(tmp, "koan.test")
	build := exec.CommandContext(ctx, "go", "test", "-c", "-race", "-vet=off", "-o", bin, "./"+filepath.ToSlash(opt.Dir))
	build.Dir = opt.Root
	if out, err := build.CombinedOutput(); err != nil {
		return nil, lang.Errorf("the koans' package does not build:\n%s", strings.TrimSpace(string(out)))
	}
	res := &Result{}
	done, total := 0, opt.N*len(opt.CPUs)*len(opt.Tests)
	for _, test := range opt.Tests {
		for _, cpu := range opt.CPUs {
			c := Count{Test: test, CPU: cpu}
			for n := 1; n <= opt.N; n++ {
				if err := ctx.Err(); err != nil {
					return nil, err
				}
				out, ok := runOnce(ctx, bin, filepath.Join(opt.Root, opt.Dir), opt.Timeout, test, cpu)
				c.Runs++
				if ok {
					c.Passed++
				} else if c.FirstFailedAt == 0 {
					c.FirstFailedAt = n
				}
				if !ok && res.FirstFailure == "" {
					res.FirstFailure, res.FailedTest, res.FailedCPU, res.FailedRun = out, test, cpu, n
				}
				done++
				if opt.Progress != nil {
					opt.Progress(done, total)
				}
			}
			res.Counts = append(res.Counts, c)
		}
	}
	return res, nil
}

// runOnce runs the binary once, one test at one setting. It passed if
// the binary says so and exits 0: a koan's leak check, after its tests,
// fails the binary without failing the test.
func runOnce(ctx context.Context, bin, dir string, timeout time.Duration, test string, cpu int) (out string, ok bool) {
	args := []string{"-test.v", "-test.count=1", fmt.Sprintf("-test.cpu=%d", cpu), "-test.run=^" + test + "$"}
	if timeout > 0 {
		args = append(args, "-test.timeout="+timeout.String())
	}
	cmd := exec.CommandContext(ctx, bin, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	var b bytes.Buffer
	cmd.Stdout, cmd.Stderr = &b, &b
	err := cmd.Run()
	return b.String(), err == nil && passRE.MatchString(b.String())
}

var passRE = regexp.MustCompile(`(?m)^--- PASS: `)
