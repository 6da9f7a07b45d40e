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

	"github.com/gokoans/concurrency/internal/lang"
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
				gs := traceback.Parse(dump)
				koan := traceback.RunningTest(gs)
				mine := traceback.OfTest(gs, koan)
				switch {
				case stuck && allBlocked(mine):
					reportStuck(out, report.Report{Kind: report.KindStuck, Koan: koan, Waited: now.Sub(c.since)}, mine, dump)
					exit(2)
				case slow:
					reportSlow(out, report.Report{Kind: report.KindSlow, Koan: koan, Ran: g.slow, Limit: g.slow + g.slow/7}, mine, dump)
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

// inPackage reports whether file is one of this package's own files: go test
// runs a test binary in the directory of the package under test.
func inPackage(file string) bool {
	wd, err := os.Getwd()
	return err == nil && filepath.Dir(file) == wd
}

// say is the language of the helper's reports: the learner's (KOANS_LANG,
// or the locale) when a koan runs under plain go test or an IDE. The
// runner reads only the JSON report line, which is never translated.
var say = lang.FromEnv(os.Getenv)

// reportStuck prints the hang guard's report of a stuck koan: its machine
// line, a line or two per goroutine of the koan for the person who reads
// it, and the dump those goroutines are in.
func reportStuck(out io.Writer, r report.Report, mine []traceback.Goroutine, dump string) {
	r.Goroutines = traceback.IDs(mine)
	fmt.Fprintf(out, "\n%s", r.Line()) // the runner reads it: never translated
	say.Fprintf(out, "%s %s made no progress for %v, and every goroutine of it is blocked (KOANS_STUCK_AFTER=off turns this guard off). Its goroutines:\n",
		StuckMarker, r.Koan, r.Waited.Round(100*time.Millisecond))
	for _, g := range mine {
		describe(out, g)
	}
	say.Fprintf(out, "koan: each of them waits for another: a deadlock.\n")
	say.Fprintf(out, "koan: all goroutines at that moment:\n\n%s\n", dump)
}

// reportSlow prints the hang guard's report of a koan still running near
// go test's time limit, as reportStuck does.
func reportSlow(out io.Writer, r report.Report, mine []traceback.Goroutine, dump string) {
	r.Goroutines = traceback.IDs(mine)
	fmt.Fprintf(out, "\n%s", r.Line()) // the runner reads it: never translated
	say.Fprintf(out, "%s %s has run for %v of the %v go test allows, and is not blocked: it is slow, or a loop never ends. Its goroutines:\n",
		SlowMarker, r.Koan, r.Ran.Round(100*time.Millisecond), r.Limit.Round(100*time.Millisecond))
	for _, g := range mine {
		describe(out, g)
	}
	say.Fprintf(out, "koan: all goroutines at that moment:\n\n%s\n", dump)
}

// leakedIDRE reads the leaked goroutines' ids from goleak's error, the
// only form in which goleak gives them (its stacks there lack the runtime's
// header lines).
var leakedIDRE = regexp.MustCompile(`Goroutine (\d+) in state`)

// reportLeaks prints the leak check's report: its machine line, a line or
// two per leaked goroutine, and their stacks, cut from a dump taken now.
func reportLeaks(out io.Writer, err error) {
	var ids []int
	for _, m := range leakedIDRE.FindAllStringSubmatch(err.Error(), -1) {
		id, _ := strconv.Atoi(m[1])
		ids = append(ids, id)
	}
	dump := string(stacksInto(nil))
	leaked := traceback.WithIDs(traceback.Parse(dump), ids)
	r := report.Report{Kind: report.KindLeak, Goroutines: traceback.IDs(leaked)}
	fmt.Fprintf(out, "\n%s", r.Line()) // the runner reads it: never translated
	say.Fprintf(out, "%s these goroutines outlived the koan that started them:\n", LeakMarker)
	var blocks []string
	for _, g := range leaked {
		describe(out, g)
		blocks = append(blocks, block(dump, g.ID))
	}
	say.Fprintf(out, "koan: a goroutine must be able to finish; nothing else will stop it.\n\n%s\n", strings.Join(blocks, "\n\n"))
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

// describe prints one goroutine in a line or two: what it waits on, where,
// and which koan line started it.
func describe(out io.Writer, g traceback.Goroutine) {
	at := "?"
	if f, ok := g.FirstIn(inPackage); ok {
		at = fmt.Sprintf("%s:%d", filepath.Base(f.File), f.Line)
	}
	if g.State == "running" || g.State == "runnable" {
		say.Fprintf(out, "koan:   goroutine %d of %s is running at %s", g.ID, g.Test(), at)
	} else {
		say.Fprintf(out, "koan:   goroutine %d of %s waits (%s) at %s", g.ID, g.Test(), g.State, at)
	}
	if inPackage(g.CreatedBy.File) {
		say.Fprintf(out, ", started at %s:%d", filepath.Base(g.CreatedBy.File), g.CreatedBy.Line)
	}
	fmt.Fprintln(out)
}
