package koan

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"runtime"
	"runtime/trace"
	"strconv"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"

	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/koan/report"
)

// StuckAfter is how long a koan whose goroutines are all blocked may go
// without progress before the hang guard ends the test binary. The
// KOANS_STUCK_AFTER environment variable (a time.ParseDuration string such as
// "5s") overrides it for slow machines; "off" or "0" turns the guard off, as
// when a koan is paused in a debugger. Its old name, KOAN_STUCK_AFTER, is
// still read when the new one is not set (or empty).
const StuckAfter = 1500 * time.Millisecond

// Markers start the lines the guards print, so that the koans runner (and a
// person reading go test's output) can tell them from the koan's own output.
// Package report owns them: the runner reads them from there.
const (
	StuckMarker = report.Stuck
	SlowMarker  = report.Slow
	LeakMarker  = report.Leak
	// LeakCheckedMarker is the last line Main prints, once its leak check
	// is done (whatever it found): a koan that passed in a run without it
	// has not been checked for leaks, since the binary ended before.
	LeakCheckedMarker = report.LeakChecked
)

// Main runs the koans of a package, as TestMain must, with the hang guard and
// the leak check, and exits with the result. It never returns.
func Main(m *testing.M) {
	os.Exit(run(m, os.Stdout))
}

func run(m *testing.M, out io.Writer) int {
	stop := guardHangs(guard{stuck: stuckAfter(), slow: slowAfter(os.Args)}, out)
	code := m.Run()
	stop()
	if err := goleak.Find(); err != nil {
		reportLeaks(out, err)
		if code == 0 {
			code = 1
		}
	}
	fmt.Fprintf(out, "%s\n", LeakCheckedMarker)
	return code
}

// stuckAfter reads KOANS_STUCK_AFTER (or its old name, KOAN_STUCK_AFTER);
// 0 means the guard is off.
func stuckAfter() time.Duration {
	v := os.Getenv("KOANS_STUCK_AFTER")
	if v == "" {
		v = os.Getenv("KOAN_STUCK_AFTER")
	}
	switch v {
	case "":
		return StuckAfter
	case "off", "0":
		return 0
	default:
		if d, err := time.ParseDuration(v); err == nil && d > 0 {
			return d
		}
		return StuckAfter
	}
}

// slowAfter is when the guard reports a koan that is still running, just
// before go test's own -timeout (read from the binary's arguments, where go
// test puts it) would end the binary with a dump that cannot show a running
// goroutine's line. 0 means never.
func slowAfter(args []string) time.Duration {
	for _, a := range args {
		v, ok := strings.CutPrefix(a, "-test.timeout=")
		if !ok {
			continue
		}
		d, err := time.ParseDuration(v)
		if err != nil || d <= time.Second {
			return 0
		}
		return d - d/8
	}
	return 0
}

// A guard says when the hang guard steps in: stuck is how long every
// goroutine of a koan may stay blocked without progress (0: never), slow how
// long the binary may run at all (0: no limit).
type guard struct{ stuck, slow time.Duration }

// guardHangs watches the running tests from a goroutine of its own. Every
// test runs in a goroutine started by the testing package (testing.tRunner);
// while a koan makes progress, the set of those goroutines changes (tests
// end, subtests start). If the set stays the same for longer than g.stuck
// while every goroutine of the koan is blocked on something no timer will
// end, the koan is stuck: the guard prints each of its goroutines and where
// it waits, then ends the binary, since nothing can unblock it. A koan that
// is still running or sleeping is only slow; it is reported when the binary
// has run for g.slow. A pause of the whole process (a debugger's breakpoint)
// shows as a late tick, and restarts the count.
func guardHangs(g guard, out io.Writer) (stop func()) {
	done := make(chan struct{})
	finished := make(chan struct{})
	if g.stuck == 0 && g.slow == 0 {
		return func() {}
	}
	go func() {
		defer close(finished)
		const every = 100 * time.Millisecond
		tick := time.NewTicker(every)
		defer tick.Stop()
		c := clock{start: time.Now()}
		var last string
		var buf, sig []byte
		for {
			select {
			case <-done:
				return
			case now := <-tick.C:
				if c.tick(now, every) {
					continue // the whole process was paused: that time counts for nothing
				}
				buf = stacksInto(buf)
				sig = testSignature(buf, sig[:0])
				if len(sig) == 0 || string(sig) != last {
					last, c.since = string(sig), now
					continue
				}
				stuck := g.stuck > 0 && now.Sub(c.since) >= g.stuck
				slow := g.slow > 0 && now.Sub(c.start) >= g.slow
				if !stuck && !slow {
					continue
				}
				dump := string(buf) // parsed only now: a tick must not allocate much (koans count allocations)
				switch gs := traceback.Parse(dump); {
				case stuck && allBlocked(mineOf(gs)):
					reportStuck(out, dump, now.Sub(c.since))
					exit(2)
				case slow:
					reportSlow(out, dump, g.slow)
					exit(2)
				}
			}
		}
	}()
	return func() { close(done); <-finished }
}

// exit ends the binary from the guard. A trace that go test -trace started
// is stopped first, so that its file holds the stuck koan's run: testing
// would write it only at the end of m.Run, which a stuck koan never reaches.
func exit(code int) {
	if trace.IsEnabled() {
		trace.Stop()
	}
	os.Exit(code)
}

// A clock keeps the guard's times: when the binary started, when the set
// of running tests last changed, and the last tick.
type clock struct{ start, since, prev time.Time }

// tick moves the clock to now. A tick much later than the one before means
// the whole process was stopped (a debugger's breakpoint, a suspended
// terminal job): the pause is taken out of both counts, and tick says so.
func (c *clock) tick(now time.Time, every time.Duration) (paused bool) {
	defer func() { c.prev = now }()
	if c.prev.IsZero() || now.Sub(c.prev) <= 10*every {
		return false
	}
	gap := now.Sub(c.prev) - every
	c.start = c.start.Add(gap)
	c.since = now
	return true
}

// mineOf keeps the goroutines of the innermost running koan.
func mineOf(gs []traceback.Goroutine) []traceback.Goroutine {
	koan := stuckTest(gs)
	var mine []traceback.Goroutine
	for _, g := range gs {
		if g.Test() == koan {
			mine = append(mine, g)
		}
	}
	return mine
}

// allBlocked reports whether every goroutine waits on something that no
// clock will end: not running, not asleep, not in a system call.
func allBlocked(gs []traceback.Goroutine) bool {
	for _, g := range gs {
		if traceback.MayWake(g) {
			return false
		}
	}
	return len(gs) > 0
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

// stacksInto writes every goroutine's stack into buf, grown as needed, and
// returns it: the guard reuses one buffer from tick to tick.
func stacksInto(buf []byte) []byte {
	if cap(buf) < 64<<10 {
		buf = make([]byte, 64<<10)
	}
	buf = buf[:cap(buf)]
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}

// testSignature appends to sig the ids of the goroutines that run a test
// (a Test function called by testing.tRunner), reading the dump's bytes
// in place, with no allocation: a tick must not allocate much.
func testSignature(dump, sig []byte) []byte {
	for len(dump) > 0 {
		block := dump
		if i := bytes.Index(dump, []byte("\n\n")); i >= 0 {
			block, dump = dump[:i], dump[i+2:]
		} else {
			dump = nil
		}
		r := bytes.Index(block, []byte("\ntesting.tRunner("))
		if r < 0 || !bytes.HasPrefix(block, []byte("goroutine ")) {
			continue
		}
		// The test's function line is two lines above: func(args)\n\tfile:line\n
		above := block[:r]
		if i := bytes.LastIndexByte(above, '\n'); i >= 0 {
			above = above[:i]
		}
		fn := above[bytes.LastIndexByte(above, '\n')+1:]
		if p := bytes.IndexByte(fn, '('); p >= 0 {
			fn = fn[:p]
		}
		if !isTestFunc(fn) {
			continue
		}
		id := block[len("goroutine "):]
		if sp := bytes.IndexByte(id, ' '); sp >= 0 {
			id = id[:sp]
		}
		sig = append(append(sig, id...), ' ')
	}
	return sig
}

// isTestFunc is traceback.TestName(fn) != "", on bytes.
func isTestFunc(fn []byte) bool {
	name := fn[bytes.LastIndexByte(fn, '/')+1:]
	if i := bytes.IndexByte(name, '.'); i >= 0 {
		name = name[i+1:]
	}
	if i := bytes.IndexByte(name, '.'); i >= 0 {
		name = name[:i]
	}
	return bytes.HasPrefix(name, []byte("Test")) && !bytes.Equal(name, []byte("TestMain"))
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
	mine := mineOf(traceback.Parse(dump))
	fmt.Fprintf(out, "\n%s %s made no progress for %v, and every goroutine of it is blocked (KOANS_STUCK_AFTER=off turns this guard off). Its goroutines:\n",
		StuckMarker, stuckTest(traceback.Parse(dump)), waited.Round(100*time.Millisecond))
	for _, g := range mine {
		describe(out, g)
	}
	fmt.Fprintf(out, "koan: each of them waits for another: a deadlock.\n")
	fmt.Fprintf(out, "koan: all goroutines at that moment:\n\n%s\n", dump)
}

func reportSlow(out io.Writer, dump string, ran time.Duration) {
	mine := mineOf(traceback.Parse(dump))
	fmt.Fprintf(out, "\n%s", report.SlowLine(stuckTest(traceback.Parse(dump)), ran, ran+ran/7))
	for _, g := range mine {
		describe(out, g)
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
