package koan

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gokoans/concurrency/internal/traceback"
)

// StuckAfter is how long a koan may go without progress before the hang
// guard ends the test binary. The KOAN_STUCK_AFTER environment variable (a
// time.ParseDuration string such as "5s") overrides it for slow machines.
const StuckAfter = 1500 * time.Millisecond

// Markers start the lines the guards print, so that the koans runner (and a
// person reading go test's output) can tell them from the koan's own output.
const (
	StuckMarker = "koan: stuck:"
	LeakMarker  = "koan: leaked goroutines:"
)

// Main runs the koans of a package, as TestMain must, with the hang guard and
// the leak check, and exits with the result. It never returns.
func Main(m *testing.M) {
	os.Exit(run(m, os.Stdout))
}

func run(m *testing.M, out io.Writer) int {
	stop := guardHangs(stuckAfter(), out)
	code := m.Run()
	stop()
	if err := goleak.Find(); err != nil {
		reportLeaks(out, err)
		if code == 0 {
			code = 1
		}
	}
	return code
}

func stuckAfter() time.Duration {
	if d, err := time.ParseDuration(os.Getenv("KOAN_STUCK_AFTER")); err == nil && d > 0 {
		return d
	}
	return StuckAfter
}

// guardHangs watches the running tests from a goroutine of its own. Every
// test runs in a goroutine started by the testing package (testing.tRunner);
// while a koan makes progress, the set of those goroutines changes (tests
// end, subtests start). If the set stays the same for longer than limit, the
// koan is stuck: the guard prints every goroutine of that koan and where it
// waits, then ends the binary, since nothing can unblock a blocked test.
func guardHangs(limit time.Duration, out io.Writer) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	go func() {
		defer close(finished)
		const every = 100 * time.Millisecond
		tick := time.NewTicker(every)
		defer tick.Stop()
		var last string
		var since time.Time
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				dump := allStacks()
				sig := runningTests(traceback.Parse(dump))
				if sig == "" || sig != last {
					last, since = sig, now
					continue
				}
				if now.Sub(since) >= limit {
					reportStuck(out, dump, now.Sub(since))
					os.Exit(2)
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

// stuckTest names the koan that the innermost running test belongs to.
func stuckTest(gs []traceback.Goroutine) string {
	name := ""
	for _, g := range gs {
		for i, f := range g.Frames {
			if f.Func == "testing.tRunner" && i > 0 {
				if t := traceback.TestName(g.Frames[i-1].Func); t != "" {
					name = t
				}
			}
		}
	}
	return name
}

// runningTests names the goroutines that run koans (or their subtests), as a
// signature that changes whenever a test starts or ends.
func runningTests(gs []traceback.Goroutine) string {
	var b strings.Builder
	for _, g := range gs {
		for i, f := range g.Frames {
			if f.Func == "testing.tRunner" && i > 0 && traceback.TestName(g.Frames[i-1].Func) != "" {
				b.WriteString(strconv.Itoa(g.ID))
				b.WriteByte(' ')
				break
			}
		}
	}
	return b.String()
}

func allStacks() string {
	buf := make([]byte, 64<<10)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return string(buf[:n])
		}
		buf = make([]byte, 2*len(buf))
	}
}

// inPackage reports whether file is one of this package's own files: go test
// runs a test binary in the directory of the package under test.
func inPackage(file string) bool {
	wd, err := os.Getwd()
	return err == nil && filepath.Dir(file) == wd
}

func reportStuck(out io.Writer, dump string, waited time.Duration) {
	gs := traceback.Parse(dump)
	koan := stuckTest(gs)
	var mine []traceback.Goroutine
	for _, g := range gs {
		if g.Test() == koan {
			mine = append(mine, g)
		}
	}
	fmt.Fprintf(out, "\n%s %s made no progress for %v. Its goroutines:\n", StuckMarker, koan, waited.Round(100*time.Millisecond))
	allBlocked := true
	for _, g := range mine {
		if g.State == "running" || g.State == "runnable" {
			allBlocked = false
		}
		describe(out, g)
	}
	if allBlocked {
		fmt.Fprintf(out, "koan: each of them waits for another: a deadlock.\n")
	} else {
		fmt.Fprintf(out, "koan: some of them are still running: a loop that never ends?\n")
	}
	fmt.Fprintf(out, "koan: all goroutines at that moment:\n\n%s\n", dump)
}

var leakedIDRE = regexp.MustCompile(`Goroutine (\d+) in state`)

func reportLeaks(out io.Writer, err error) {
	leaked := map[int]bool{}
	for _, m := range leakedIDRE.FindAllStringSubmatch(err.Error(), -1) {
		id, _ := strconv.Atoi(m[1])
		leaked[id] = true
	}
	dump := allStacks()
	var blocks []string
	fmt.Fprintf(out, "\n%s these goroutines outlived the koan that started them:\n", LeakMarker)
	for _, g := range traceback.Parse(dump) {
		if !leaked[g.ID] {
			continue
		}
		describe(out, g)
		blocks = append(blocks, block(dump, g.ID))
	}
	fmt.Fprintf(out, "koan: a goroutine must be able to finish; nothing else will stop it.\n\n%s\n", strings.Join(blocks, "\n\n"))
}

// describe prints one goroutine in a line or two: what it waits on, where,
// and which koan line started it.
func describe(out io.Writer, g traceback.Goroutine) {
	at := "?"
	if f, ok := g.FirstIn(inPackage); ok {
		at = fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
	}
	doing := "waits (" + g.State + ")"
	if g.State == "running" || g.State == "runnable" {
		doing = "is running"
	}
	fmt.Fprintf(out, "koan:   goroutine %d of %s %s at %s", g.ID, g.Test(), doing, at)
	if inPackage(g.CreatedBy.File) {
		fmt.Fprintf(out, ", started at %s:%d", filepath.Base(g.CreatedBy.File), g.CreatedBy.Line)
	}
	fmt.Fprintln(out)
}

// block cuts goroutine id's block out of a full dump.
func block(dump string, id int) string {
	head := "goroutine " + strconv.Itoa(id) + " "
	for _, b := range strings.Split(dump, "\n\n") {
		if strings.HasPrefix(b, head) {
			return strings.TrimSpace(b)
		}
	}
	return ""
}
