package run

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/lang"
)

// VetChecks are the analyzers go test runs by default plus the concurrency
// ones it leaves out (copylocks, lostcancel, waitgroup, testinggoroutine).
const VetChecks = "atomic,bool,buildtags,directive,errorsas,ifaceassert,nilfunc,printf,stringintconv,tests," +
	"copylocks,lostcancel,waitgroup,testinggoroutine"

// Options say how to run go test.
type Options struct {
	Dir     string        // where to run go (the repository root)
	Race    bool          // -race
	Vet     string        // -vet=...; "" means VetChecks, "off" turns vet off
	Timeout time.Duration // go test -timeout (< 0: none): the fallback for tests without the hang guard
	Run     string        // -run pattern, if any
	Skip    string        // -skip pattern, if any
	Count   int           // -count, if > 0 (defeats the test cache)
	CPU     string        // -cpu list, if any
	Tags    string        // -tags, if any
	Overlay string        // -overlay file, if any (mutants replace files without touching them)
	// Waiting, if set, is called once if go test prints no event in its
	// first 1.5 seconds (it is still building), so a caller can say so; it
	// is never called once an event has come.
	Waiting func()
}

// An Event is one line of go test -json: cmd/test2json's TestEvent (whose
// FailedBuild names the build that failed a package), plus ImportPath,
// which only the build-output and build-fail events carry. OutputType
// (Go 1.27) may say what an output line is: "frame" (=== RUN, --- FAIL),
// "error" (a t.Error or t.Fatal), "error-continue" (the next lines of that
// error), "" for anything else; a value it does not know is as "".
type Event struct {
	Time        time.Time `json:",omitempty"`
	Action      string
	Package     string  `json:",omitempty"`
	ImportPath  string  `json:",omitempty"`
	Test        string  `json:",omitempty"`
	Elapsed     float64 `json:",omitempty"`
	Output      string  `json:",omitempty"`
	OutputType  string  `json:",omitempty"`
	FailedBuild string  `json:",omitempty"`
}

// A Package is what one package's run produced.
type Package struct {
	ImportPath string
	// Result is the package's last action: "pass", "fail", "skip", or ""
	// when go test printed nothing for it.
	Result string
	// FailedBuild is set when the package's test binary did not build (a
	// compile or vet error); Build then holds the compiler's or vet's lines.
	FailedBuild bool
	Build       []string
	Tests       []*Test // in the order they started
	// Output is the package's output outside any test (what follows PASS or
	// FAIL, e.g. the leak check, and a crash's report when no test was
	// running), its head and tail if it was long (KeepBytes).
	Output []string

	out capped
}

// A Test is one test's story.
type Test struct {
	Name string
	// Result is "pass", "fail" or "skip", or "" for a test that started
	// and never ended: the binary died while it ran.
	Result string
	// Output is what the test printed, its head and tail if it was long
	// (KeepBytes).
	Output []string
	// Errors are the lines of Output that go test -json marked as the
	// test's errors (OutputType "error" and "error-continue": Go 1.27 and
	// later), in order, the first MaxErrorLines of them; nil on an older
	// Go. t.Log writes file:line: as t.Error does: only these tell them
	// apart.
	Errors []string

	out capped
}

// MaxErrorLines is how many of a test's error lines Test.Errors keeps.
const MaxErrorLines = 200

// Test returns the named test's record, or nil if it never started.
func (p *Package) Test(name string) *Test {
	for _, t := range p.Tests {
		if t.Name == name {
			return t
		}
	}
	return nil
}

// A Result is one go test invocation.
type Result struct {
	// Packages are keyed by import path; the key "" holds what came
	// outside any package (go's own lines on stdout).
	Packages map[string]*Package
	// Events are the events in order, for recording: all of them but the
	// output past the first EventBytes of it, so that a koan that prints
	// without end costs a bounded memory.
	Events   []Event
	Stderr   string // what go itself printed outside the JSON stream
	ExitCode int
}

// ErrNoRace is returned when go test refused -race (no cgo or no C compiler).
var ErrNoRace = errors.New("the race detector needs cgo and a C compiler")

// Go runs go test -json over the packages (import paths or ./relative
// directories) in one invocation, so that cached passing packages cost next
// to nothing, and gathers the events.
func Go(ctx context.Context, opt Options, pkgs ...string) (*Result, error) {
	args := Args(opt, pkgs...)
	cmd := exec.CommandContext(ctx, "go", args...)
	ownGroup(cmd)
	cmd.Dir = opt.Dir
	// The koan helper's reports are the runner's to read (koan/report):
	// English, whatever the learner's language; the runner says them in it.
	cmd.Env = append(os.Environ(), "KOANS_LANG=en")
	if opt.Race {
		// The race runtime sleeps a second at exit by default, for reports of
		// races in exiting goroutines: most of a koan's run time. Keep any
		// other settings the user has.
		cmd.Env = append(cmd.Env, "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	}
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return nil, err
	}
	if err := cmd.Start(); err != nil {
		return nil, lang.Errorf("cannot start go: %w", err)
	}
	events := make(chan Event)
	scanErr := make(chan error, 1)
	crash.Go(func() { scanErr <- Scan(stdout, events) })
	res := Collect(events, opt.Waiting)
	err = errors.Join(<-scanErr, cmd.Wait())
	res.Stderr = stderr.String()
	var exit *exec.ExitError
	if errors.As(err, &exit) {
		res.ExitCode = exit.ExitCode()
		err = nil
	}
	if err != nil {
		return res, err
	}
	if opt.Race && (strings.Contains(res.Stderr, "-race requires cgo") || strings.Contains(res.Stderr, `C compiler "gcc" not found`)) {
		return res, ErrNoRace
	}
	return res, nil
}

// Args returns go test's arguments for opt and pkgs.
func Args(opt Options, pkgs ...string) []string {
	args := []string{"test", "-json"}
	if opt.Race {
		args = append(args, "-race")
	}
	vet := opt.Vet
	if vet == "" {
		vet = VetChecks
	}
	args = append(args, "-vet="+vet)
	if opt.Timeout > 0 {
		args = append(args, "-timeout="+opt.Timeout.String())
	} else if opt.Timeout < 0 {
		args = append(args, "-timeout=0") // none
	}
	if opt.Tags != "" {
		args = append(args, "-tags="+opt.Tags)
	}
	if opt.Overlay != "" {
		args = append(args, "-overlay="+opt.Overlay)
	}
	if opt.Run != "" {
		args = append(args, "-run="+opt.Run)
	}
	if opt.Skip != "" {
		args = append(args, "-skip="+opt.Skip)
	}
	if opt.Count > 0 {
		args = append(args, fmt.Sprintf("-count=%d", opt.Count))
	}
	if opt.CPU != "" {
		args = append(args, "-cpu="+opt.CPU)
	}
	return append(args, pkgs...)
}

// Scan decodes go test -json lines from r onto events and closes it. A line
// that is not JSON (go's own messages, when it has them on stdout) becomes an
// output event with no package, so that nothing is lost.
func Scan(r io.Reader, events chan<- Event) error {
	defer close(events)
	return scanEach(r, func(e Event) { events <- e })
}

// scanEach reads go test -json's lines and hands each one on as an Event:
// a line that is not JSON becomes output, so nothing is lost.
func scanEach(r io.Reader, each func(Event)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	for sc.Scan() {
		line := sc.Bytes()
		var e Event
		if len(line) == 0 || line[0] != '{' || json.Unmarshal(line, &e) != nil {
			e = Event{Action: "output", Output: string(line) + "\n"}
		}
		each(e)
	}
	return sc.Err()
}

// Collect folds events into a Result. If waiting is not nil, it is called
// once when no event has come for a while.
func Collect(events <-chan Event, waiting func()) *Result {
	c := newCollector()
	var silence <-chan time.Time
	if waiting != nil {
		t := time.NewTimer(1500 * time.Millisecond)
		defer t.Stop()
		silence = t.C
	}
	for {
		select {
		case e, ok := <-events:
			if !ok {
				return c.result()
			}
			silence = nil // go test has started to report: the build is done
			c.add(e)
		case <-silence:
			waiting()
			silence = nil
		}
	}
}

// A collector folds go test's events, one by one, into a Result.
type collector struct {
	res *Result
	// builds holds the build output by the name build events give the
	// test binary's package: "p [p.test]" (type errors) or "p.test" (setup
	// failures), or the missing import itself; the package's fail event ties
	// them to it through FailedBuild.
	builds     map[string][]string
	eventBytes int
}

func newCollector() *collector {
	return &collector{res: &Result{Packages: map[string]*Package{}}, builds: map[string][]string{}}
}

func (c *collector) result() *Result {
	c.res.finish()
	return c.res
}

func (c *collector) pkg(path string) *Package {
	p := c.res.Packages[path]
	if p == nil {
		p = &Package{ImportPath: path}
		c.res.Packages[path] = p
	}
	return p
}

// add takes one event: kept in Events (output within EventBytes), and
// folded into its package or test.
func (c *collector) add(e Event) {
	if e.Action != "output" || c.eventBytes+len(e.Output) <= EventBytes {
		c.res.Events = append(c.res.Events, e)
		c.eventBytes += len(e.Output)
	}
	switch {
	case e.Action == "build-output":
		c.builds[e.ImportPath] = append(c.builds[e.ImportPath], e.Output)
	case e.Action == "build-fail":
	case e.Package == "":
		// Not a test event: keep it where it will be seen.
		c.pkg("").out.add(e.Output)
	case e.Test == "":
		c.packageEvent(c.pkg(e.Package), e)
	default:
		p := c.pkg(e.Package)
		t := p.Test(e.Test)
		if t == nil {
			t = &Test{Name: e.Test}
			p.Tests = append(p.Tests, t)
		}
		switch e.Action {
		case "output":
			t.out.add(e.Output)
			if (e.OutputType == "error" || e.OutputType == "error-continue") && len(t.Errors) < MaxErrorLines {
				t.Errors = append(t.Errors, e.Output)
			}
		case "pass", "fail", "skip":
			t.Result = e.Action
		}
	}
}

// packageEvent takes an event of the package itself: its output outside any
// test, or its result, with the build output of a build that failed.
func (c *collector) packageEvent(p *Package, e Event) {
	switch e.Action {
	case "output":
		p.out.add(e.Output)
	case "pass", "fail", "skip":
		p.Result = e.Action
		if e.FailedBuild == "" {
			return
		}
		p.FailedBuild = true
		p.Build = append(p.Build, c.builds[e.FailedBuild]...)
		if len(c.builds[e.FailedBuild]) == 0 {
			// A missing import reports under the missing package's path:
			// keep every build line rather than none.
			for _, lines := range c.builds {
				p.Build = append(p.Build, lines...)
			}
		}
	}
}

// finish sets each package's and test's Output from what its cap kept.
func (res *Result) finish() {
	for _, p := range res.Packages {
		p.Output = p.out.lines()
		for _, t := range p.Tests {
			t.Output = t.out.lines()
		}
	}
}

// Replay folds a recorded stream (go test -json's output) into a Result.
func Replay(r io.Reader) (*Result, error) {
	c := newCollector()
	err := scanEach(r, c.add)
	return c.result(), err
}
