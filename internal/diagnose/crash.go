package diagnose

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/koan/report"
)

// words explains the runtime's panic and fatal messages that concurrency
// koans meet, in a sentence each.
var words = []struct {
	prefix string
	say    lang.Msg
}{
	{"send on closed channel", lang.Msgf("A value was sent on a closed channel. Closing says \"no more values\": only the sender may close, and only once it is done sending.")},
	{"close of closed channel", lang.Msgf("A channel was closed twice. Close a channel once, from the one goroutine that owns the sending side.")},
	{"close of nil channel", lang.Msgf("A nil channel was closed. A channel must be made with make before it can be closed.")},
	{"sync: negative WaitGroup counter", lang.Msgf("The WaitGroup's counter went below zero: Done was called more times than Add counted.")},
	{"sync: WaitGroup is reused before previous Wait has returned", lang.Msgf("A WaitGroup was reused before the previous Wait returned.")},
	{"sync: unlock of unlocked mutex", lang.Msgf("A Mutex was unlocked that was not locked. This is a fatal error, not a panic: recover cannot catch it and the program ends.")},
	{"sync: RUnlock of unlocked RWMutex", lang.Msgf("An RWMutex was read-unlocked that was not read-locked. The program ends: recover cannot catch it.")},
	{"sync: Unlock of unlocked RWMutex", lang.Msgf("An RWMutex was unlocked that was not locked. The program ends: recover cannot catch it.")},
	{"concurrent map writes", lang.Msgf("Two goroutines wrote a map at the same time. The runtime detects this and ends the program: a map is not safe for concurrent use.")},
	{"concurrent map read and map write", lang.Msgf("A map was read while another goroutine wrote it. The runtime ends the program: a map is not safe for concurrent use.")},
	{"concurrent map iteration and map write", lang.Msgf("A map was iterated while another goroutine wrote it. The runtime ends the program.")},
	{"all goroutines are asleep - deadlock!", lang.Msgf("Every goroutine of the program is blocked: a deadlock.")},
	{"assignment to entry in nil map", lang.Msgf("A value was stored in a nil map: make the map first.")},
	{"runtime error: invalid memory address or nil pointer dereference", lang.Msgf("A nil pointer was dereferenced.")},
	{"runtime error: index out of range", lang.Msgf("An index was out of range.")},
}

// explain says what the runtime's message msg means, if it is one of words.
func explain(msg string) (lang.Msg, bool) {
	for _, w := range words {
		if strings.HasPrefix(msg, w.prefix) {
			return w.say, true
		}
	}
	return lang.Msg{}, false
}

// panicked: a panic ended the koan (and the binary). A synctest bubble's
// deadlock is reported as a panic too.
func (j *judge) panicked(k *course.Koan, output []string, text string) *Failure {
	msg := ""
	for _, l := range output {
		if m := panicRE.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			msg = m[1]
			break
		}
	}
	gs := traceback.Parse(text)
	if strings.HasPrefix(msg, "deadlock: ") {
		return j.bubbleDeadlock(k, msg, gs)
	}
	f := &Failure{Kind: kind.Panic, File: k.File, Line: k.Line}
	f.Headline = lang.Msgf("The koan panicked: %s", msg)
	if say, ok := explain(msg); ok {
		f.Details = append(f.Details, say)
	}
	// The goroutine that panicked is the first one printed; the frames of
	// the runtime and the testing package's recover come first in it.
	for _, g := range gs {
		if p, ok := g.FirstIn(j.mineAbs); ok {
			pl := j.place(p)
			f.File, f.Line = pl.File, pl.Line
			if g.Test() != "" && !isTestGoroutine(g) {
				f.Details = append(f.Details, lang.Msgf("It panicked in a goroutine started at %s; a panic in any goroutine ends the whole program, and only a recover in that same goroutine can stop it.", j.place(g.CreatedBy)))
			}
			break
		}
	}
	return f
}

// isTestGoroutine reports whether g is the goroutine the testing package
// runs a test (or a synctest bubble's root) in.
func isTestGoroutine(g traceback.Goroutine) bool {
	return strings.HasPrefix(g.CreatedBy.Func, "testing.") || strings.HasPrefix(g.CreatedBy.Func, "testing/synctest.")
}

func (j *judge) fatal(k *course.Koan, output []string, text string) *Failure {
	msg := ""
	for _, l := range output {
		if m := fatalRE.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			msg = m[1]
			break
		}
	}
	f := &Failure{Kind: kind.Fatal, File: k.File, Line: k.Line,
		Headline: lang.Msgf("The runtime ended the program: fatal error: %s", msg)}
	if say, ok := explain(msg); ok {
		f.Details = append(f.Details, say)
	}
	for _, g := range traceback.Parse(text) {
		if p, ok := g.FirstIn(j.mineAbs); ok {
			pl := j.place(p)
			f.File, f.Line = pl.File, pl.Line
			break
		}
	}
	f.Details = append(f.Details, lang.Msgf("The koans after this one in the package did not run."))
	return f
}

// bubbleDeadlock: testing/synctest found every goroutine of the bubble
// durably blocked, or blocked goroutines left behind when it returned.
func (j *judge) bubbleDeadlock(k *course.Koan, msg string, gs []traceback.Goroutine) *Failure {
	f := &Failure{Kind: kind.Deadlock, File: k.File, Line: k.Line}
	if strings.Contains(msg, "exited but blocked goroutines remain") {
		f.Headline = lang.Msgf("The koan's synctest bubble ended while goroutines it started were still blocked.")
	} else {
		f.Headline = lang.Msgf("Every goroutine in the koan's synctest bubble is blocked, and none can wake another.")
	}
	var bubble []traceback.Goroutine
	for _, g := range gs {
		if g.Bubble != 0 {
			bubble = append(bubble, g)
		}
	}
	j.describeBlocked(f, bubble)
	j.waitFor(f, bubble)
	return f
}

// guarded reports whether text holds a report of the koan helper's hang
// guard, which ended the binary.
func guarded(text string) bool {
	_, _, stuck := report.Find(text, report.KindStuck)
	_, _, slow := report.Find(text, report.KindSlow)
	return stuck || slow
}

// guard judges a koan that the hang guard ended, from the guard's report.
func (j *judge) guard(k *course.Koan, text string) *Failure {
	if r, dump, ok := report.Find(text, report.KindStuck); ok {
		return j.stuck(k, r, dump)
	}
	r, dump, _ := report.Find(text, report.KindSlow)
	return j.slow(k, r, dump)
}

// stuck: the koan helper's hang guard ended the binary, every goroutine of
// the koan blocked; r is its report, dump the goroutine dump after it.
func (j *judge) stuck(k *course.Koan, r report.Report, dump string) *Failure {
	f := &Failure{Kind: kind.Deadlock, File: k.File, Line: k.Line,
		Headline: lang.Msgf("The koan is blocked, and no goroutine can wake it.")}
	gs := traceback.WithIDs(traceback.Parse(dump), r.Goroutines)
	j.describeBlocked(f, gs)
	j.waitFor(f, gs)
	return f
}

// slow: the hang guard ended a koan that was still running or sleeping
// when go test's time limit drew near; r is its report, dump the goroutine
// dump after it.
func (j *judge) slow(k *course.Koan, r report.Report, dump string) *Failure {
	round := func(d time.Duration) string { return d.Round(100 * time.Millisecond).String() }
	f := &Failure{Kind: kind.Timeout, File: k.File, Line: k.Line,
		Headline: lang.Msgf("The koan ran for %s of the %s the runner allows, and it is not blocked: it is slow, or a loop never ends.", round(r.Ran), round(r.Limit))}
	j.describeBlocked(f, traceback.WithIDs(traceback.Parse(dump), r.Goroutines))
	f.Details = append(f.Details, j.moreTime())
	return f
}

// moreTime says how to give a koan that is slow by design more time.
func (j *judge) moreTime() lang.Msg {
	if j.c.Catalog == nil {
		return lang.Msgf("If it is slow by design, give it more time: KOANS_TIMEOUT=30s make koans.")
	}
	return lang.Msgf("If it is slow by design, give it more time: KOANS_TIMEOUT=30s make koans, or timeout = \"30s\" in %s/%s.", j.c.Dir, course.CatalogFile)
}

var timedOutRE = regexp.MustCompile(`panic: test timed out after (\S+)`)

// timedOut: go test's own -timeout fired (a test that does not use the koan
// helper's hang guard). The goroutine dump still says who waits where: a
// koan whose goroutines all wait on something no clock ends is blocked; one
// that still runs or sleeps is slow.
func (j *judge) timedOut(k *course.Koan, text string) *Failure {
	gs := traceback.OfTest(traceback.Parse(text), k.Name)
	after := "the time limit"
	if m := timedOutRE.FindStringSubmatch(text); m != nil {
		after = m[1]
	}
	f := &Failure{Kind: kind.Deadlock, File: k.File, Line: k.Line,
		Headline: lang.Msgf("The koan blocked until the time limit (%s), and no goroutine could wake it.", after)}
	if len(gs) == 0 {
		f.Kind = kind.Timeout
		f.Headline = lang.Msgf("The koan ran out of time (%s), and the goroutine dump does not say where it waited.", after)
		f.Details = []lang.Msg{j.moreTime()}
		return f
	}
	if anyAwake(gs, j.mineAbs) {
		f.Kind = kind.Timeout
		f.Headline = lang.Msgf("The koan ran for %s, the runner's time limit, and it is not blocked: it is slow, or a loop never ends.", after)
		j.describeBlocked(f, gs)
		f.Details = append(f.Details, j.moreTime())
		return f
	}
	j.describeBlocked(f, gs)
	j.waitFor(f, gs)
	return f
}

// anyAwake: a goroutine of the koan runs, or sleeps, or waits in a system
// call: something that goes on by itself, in time.
func anyAwake(gs []traceback.Goroutine, mine func(string) bool) bool {
	for _, g := range gs {
		if _, ok := g.FirstIn(mine); ok && traceback.MayWake(g) {
			return true
		}
	}
	return false
}

func anyRunning(gs []traceback.Goroutine, mine func(string) bool) bool {
	for _, g := range gs {
		if _, ok := g.FirstIn(mine); ok && (g.State == "running" || g.State == "runnable") {
			return true
		}
	}
	return false
}

// allAsleep reports whether every goroutine of gs sleeps (time.Sleep):
// such a goroutine is not blocked for ever, it only outlives its koan.
func allAsleep(gs []traceback.Goroutine) bool {
	for _, g := range gs {
		if !strings.HasPrefix(g.State, "sleep") {
			return false
		}
	}
	return len(gs) > 0
}

// describeBlocked lists each goroutine with a line in the learner's file:
// what it waits on, where, and where it was started. The first one's line
// becomes the failure's line.
func (j *judge) describeBlocked(f *Failure, gs []traceback.Goroutine) {
	first := true
	for _, g := range gs {
		p, ok := g.FirstIn(j.mineAbs)
		if !ok {
			continue
		}
		at := j.place(p)
		if running(g) {
			at = j.loopPlace(p)
		}
		if first {
			f.File, f.Line = at.File, at.Line
			first = false
		}
		d := lang.Msgf("%s %s at %s", who(g), g.Waiting(), at)
		if j.mineAbs(g.CreatedBy.File) {
			d = lang.Msgf("%s %s at %s (started at line %d)", who(g), g.Waiting(), at, g.CreatedBy.Line)
		}
		f.Details = append(f.Details, d)
	}
}

func who(g traceback.Goroutine) lang.Msg {
	if isTestGoroutine(g) {
		return lang.Msgf("the koan itself")
	}
	return lang.Msgf("goroutine %d", g.ID)
}

var raceAccessRE = regexp.MustCompile(`^(Previous )?(read|write|Read|Write)( at 0x[0-9a-f]+)? by (goroutine (\d+)|main goroutine):$`)
var raceCreatedRE = regexp.MustCompile(`^Goroutine (\d+) \((running|finished)\) created at:$`)

// race: the race detector's report, as the two conflicting accesses and
// where their goroutines were started.
func (j *judge) race(k *course.Koan, text string) *Failure {
	f := &Failure{Kind: kind.Race, File: k.File, Line: k.Line,
		Headline: lang.Msgf("Two goroutines touched the same variable, at least one of them writing, and nothing ordered the two (no happens-before).")}
	report := text[strings.Index(text, "WARNING: DATA RACE"):]
	if end := strings.Index(report, "=================="); end >= 0 {
		report = report[:end]
	}
	sections := j.raceSections(report)
	created := map[string]Place{}    // goroutine id -> the learner's line that started it
	startedBy := map[string]string{} // goroutine id -> the library's Go that started it
	for _, s := range sections {
		if m := raceCreatedRE.FindStringSubmatch(s.head); m != nil {
			if p, ok := j.firstMine(s.frames); ok {
				created[m[1]] = p
			} else if g := libraryGo(s.funcs); g != "" {
				startedBy[m[1]] = g
			}
		}
	}
	first := true
	for _, s := range sections {
		m := raceAccessRE.FindStringSubmatch(s.head)
		if m == nil {
			continue
		}
		at, ok := j.firstMine(s.frames)
		if !ok {
			continue
		}
		if first {
			f.File, f.Line = at.File, at.Line
			first = false
		}
		by := lang.Msgf("by the koan itself")
		if c, ok := created[m[5]]; ok {
			by = lang.Msgf("by the goroutine started at line %d", c.Line)
		} else if g, ok := startedBy[m[5]]; ok {
			// wg.Go(f) in the koan: the race detector's stack of where it
			// was created names Go, and often not the koan's line.
			by = lang.Msgf("by goroutine %s, started by %s in %s", m[5], g, k.Name)
		} else if m[5] != "" && !j.testGoroutineInRace(report, m[5]) {
			by = lang.Msgf("by goroutine %s", m[5])
		}
		f.Details = append(f.Details, access(m[1] != "", strings.ToLower(m[2]) == "write", at, by))
	}
	return f
}

// A raceSection is one part of a race report: an access ("Read at ... by
// goroutine 7:") or a goroutine's creation, with its frames' places.
type raceSection struct {
	head   string
	frames []Place
	funcs  []string // each frame's function, as the report names it
}

// libraryGo names the method that started a goroutine on the learner's
// behalf, when the first frame of where it was created is one:
// sync.WaitGroup.Go, errgroup.Group.Go. "" when it is not.
func libraryGo(funcs []string) string {
	if len(funcs) == 0 {
		return ""
	}
	fn := strings.TrimSuffix(funcs[0], "()")
	if !strings.HasSuffix(fn, ".Go") {
		return ""
	}
	fn = strings.NewReplacer("(*", "", ")", "").Replace(fn)
	return fn[strings.LastIndex(fn, "/")+1:]
}

// raceSections reads a race report into its sections. Each frame is two
// lines: the function, then "file:line +0x..".
func (j *judge) raceSections(report string) []*raceSection {
	var sections []*raceSection
	var cur *raceSection
	lines := strings.Split(report, "\n")
	for i := 0; i < len(lines); i++ {
		l := strings.TrimSpace(lines[i])
		if raceAccessRE.MatchString(l) || raceCreatedRE.MatchString(l) {
			cur = &raceSection{head: l}
			sections = append(sections, cur)
			continue
		}
		if cur == nil || l == "" || i+1 >= len(lines) {
			continue
		}
		if m := raceLocRE.FindStringSubmatch(strings.TrimSpace(lines[i+1])); m != nil {
			n, _ := strconv.Atoi(m[2])
			cur.frames = append(cur.frames, Place{File: j.rel(m[1]), Line: n})
			cur.funcs = append(cur.funcs, l)
			i++
		}
	}
	return sections
}

// firstMine is the first of places in the learner's files.
func (j *judge) firstMine(places []Place) (Place, bool) {
	for _, p := range places {
		if j.mine(p.File) {
			return p, true
		}
	}
	return Place{}, false
}

// access says one of the two racing accesses: a read or a write, the
// earlier or the later one, where, and by whom.
func access(earlier, write bool, at Place, by lang.Msg) lang.Msg {
	switch {
	case earlier && write:
		return lang.Msgf("An earlier write at %s, %s", at, by)
	case earlier:
		return lang.Msgf("An earlier read at %s, %s", at, by)
	case write:
		return lang.Msgf("A write at %s, %s", at, by)
	}
	return lang.Msgf("A read at %s, %s", at, by)
}

var raceLocRE = regexp.MustCompile(`^(.+\.go):(\d+)(?: \+0x[0-9a-f]+)?$`)

// testGoroutineInRace reports whether goroutine id in a race report was
// started by the testing package (the test's own goroutine).
func (j *judge) testGoroutineInRace(report, id string) bool {
	i := strings.Index(report, "Goroutine "+id+" (")
	if i < 0 {
		return true
	}
	return strings.Contains(report[i:min(len(report), i+300)], "testing.(*T).Run")
}

// packageOutput reads what the package printed outside its tests and blames
// the koans it names.
func (j *judge) packageOutput(out []Outcome, crashed string, leakedPackage **Failure) {
	text := strings.Join(j.pkg.Output, "")
	blame := func(name string, f *Failure) {
		for i := range out {
			if out[i].Koan.Name == name && out[i].State != Failed {
				out[i].State, out[i].Failure = Failed, f
				return
			}
		}
	}
	if r, dump, ok := report.Find(text, report.KindLeak); ok {
		leaked := traceback.WithIDs(traceback.Parse(dump), r.Goroutines)
		byKoan := map[string][]traceback.Goroutine{}
		var order []string
		for _, g := range leaked {
			name := j.leakOwner(g, leaked)
			if _, seen := byKoan[name]; !seen {
				order = append(order, name)
			}
			byKoan[name] = append(byKoan[name], g)
		}
		for _, name := range order {
			k := j.c.Koan(name)
			if k == nil {
				k = &course.Koan{Name: j.c.Name, Concept: j.c} // no koan started it: the package leaks
			}
			f := &Failure{Kind: kind.Leak, File: k.File, Line: k.Line,
				Headline: lang.Msgf("The koan returned, but a goroutine it started is still blocked, and nothing will ever wake it.")}
			switch {
			case anyRunning(byKoan[name], j.mineAbs):
				f.Headline = lang.Msgf("The koan returned, but a goroutine it started is still running: a loop that never ends outlived it.")
			case allAsleep(byKoan[name]):
				f.Headline = lang.Msgf("The koan returned, but a goroutine it started is still asleep in time.Sleep: it outlives the koan, and nothing can wake it early.")
			}
			j.describeBlocked(f, byKoan[name])
			j.waitFor(f, byKoan[name])
			if k.File == "" {
				f.Headline = lang.Msgf("The package's tests returned, but a goroutine one of them started is still blocked, and nothing will ever wake it; the runner cannot tell which test started it.")
				if f.File == "" {
					f.File = j.c.Dir
				}
				*leakedPackage = f
				continue
			}
			blame(name, f)
		}
	}
	if race := j.raceAfterTests(text); race != "" {
		j.raceAfter(out, race, blame)
	}
}

// leakOwner names the koan a leaked goroutine belongs to. The stack says
// it when one of its frames or its go statement is in a Test function;
// else its creator, if that is a leaked goroutine too, says it; else the
// koan that holds the line where it waits, or the go statement that
// started it; else the one koan whose body calls the function that started
// it; else, in a package of one koan, that koan. "" when nothing does (a
// goroutine started by a function that several tests call).
func (j *judge) leakOwner(g traceback.Goroutine, leaked []traceback.Goroutine) string {
	seen := map[int]bool{}
	for cur := g; !seen[cur.ID]; {
		seen[cur.ID] = true
		if name := cur.Test(); name != "" {
			return name
		}
		next := -1
		for i, o := range leaked {
			if o.ID == cur.CreatorID && cur.CreatorID != 0 {
				next = i
			}
		}
		if next < 0 {
			break
		}
		cur = leaked[next]
	}
	if p, ok := g.FirstIn(j.mineAbs); ok {
		if k := j.c.KoanAt(j.rel(p.File), p.Line); k != nil {
			return k.Name
		}
	}
	if j.mineAbs(g.CreatedBy.File) {
		if k := j.c.KoanAt(j.rel(g.CreatedBy.File), g.CreatedBy.Line); k != nil {
			return k.Name
		}
	}
	if k := j.caller(g.CreatedBy.Func); k != nil {
		return k.Name
	}
	if len(j.c.Koans) == 1 {
		return j.c.Koans[0].Name
	}
	return ""
}

// caller returns the one koan whose body calls the function fn (a frame's
// function, such as "example.com/p.finishRequest" or
// "example.com/p.(*Server).start.func1"), read from the koans' source;
// nil when no koan does, or more than one.
func (j *judge) caller(fn string) *course.Koan {
	name := fn[strings.LastIndex(fn, "/")+1:]
	parts := strings.Split(name, ".")
	for len(parts) > 1 && strings.HasPrefix(parts[len(parts)-1], "func") {
		parts = parts[:len(parts)-1] // a closure: the function that holds it
	}
	if len(parts) < 2 {
		return nil
	}
	call := regexp.MustCompile(`\b` + regexp.QuoteMeta(parts[len(parts)-1]) + `\(`)
	var found *course.Koan
	for _, k := range j.c.Koans {
		lines := j.c.Lines(j.root, k.File)
		for n := k.Line + 1; n < k.EndLine && n <= len(lines); n++ {
			if call.MatchString(lines[n-1]) {
				if found != nil && found != k {
					return nil
				}
				found = k
				break
			}
		}
	}
	return found
}

// raceAfterTests returns the report of a race noticed after its koan ended:
// in what the package printed after its tests (the binary then exits 66), or,
// when the race came just after a test's --- PASS line, in that test's output,
// where test2json puts it.
func (j *judge) raceAfterTests(text string) string {
	if strings.Contains(text, "WARNING: DATA RACE") {
		return text
	}
	if j.pkg.Result != "fail" {
		return ""
	}
	for _, t := range j.pkg.Tests {
		if out := strings.Join(t.Output, ""); t.Result == "pass" && strings.Contains(out, "WARNING: DATA RACE") {
			return out
		}
	}
	return ""
}

// raceAfter blames a race reported after its koan ended, at the racing
// lines. The koan that started the racing goroutines is named in the
// report's frames; when none is (goroutines of time.AfterFunc, or started
// by a helper's goroutine), the koan that holds the racing line is blamed,
// else the last koan that passed (the race came after it ended), else the
// first koan not failed: a race is never a pass, nor a crash.
func (j *judge) raceAfter(out []Outcome, text string, blame func(string, *Failure)) {
	for _, o := range out {
		if o.Koan.File != "" && (strings.Contains(text, "."+o.Koan.Name+"(") || strings.Contains(text, "."+o.Koan.Name+".func")) {
			blame(o.Koan.Name, j.race(o.Koan, text))
			return
		}
	}
	f := j.race(&course.Koan{}, text)
	k := j.c.KoanAt(f.File, f.Line)
	for i := len(out) - 1; i >= 0 && k == nil; i-- {
		if out[i].State == Passed {
			k = out[i].Koan
		}
	}
	for _, o := range out {
		if k == nil && o.State != Failed && o.Koan.File != "" {
			k = o.Koan
		}
	}
	if k == nil {
		return
	}
	if f.File == "" {
		f.File, f.Line = k.File, k.Line
	}
	f.Details = append(f.Details, lang.Msgf("The race detector saw it after the koan had returned: a goroutine or timer it set off went on running."))
	blame(k.Name, f)
}

// unblamed: the package failed and no koan did. A failed package never
// counts as passed, whatever the reason, so something must carry the failure:
// a failing test the course does not count as a koan (an Example, a test in
// a file that does not parse) is named as its own outcome, after the koans;
// else the first koan not failed carries what the package printed; a
// package without a koan at all gets an outcome of its own.
func (j *judge) unblamed(out []Outcome) []Outcome {
	if o, ok := j.failedNonKoan(); ok {
		return append(out, o)
	}
	f := j.packageFailure()
	var near *course.Koan
	if f.File != "" {
		near = j.c.Nearest(f.File, f.Line)
	}
	at := -1 // the koan nearest the failure's line, else the first not failed
	for i, o := range out {
		if o.State != Failed && o.Koan.Runnable() && (at < 0 || o.Koan == near) {
			at = i
		}
	}
	if at >= 0 {
		if f.File == "" {
			f.File, f.Line = out[at].Koan.File, out[at].Koan.Line
		}
		out[at].State, out[at].Failure = Failed, f
		return out
	}
	if f.File == "" {
		f.File = j.c.Dir
	}
	k := &course.Koan{Name: j.c.Name, File: j.c.Dir, Concept: j.c}
	return append(out, Outcome{Koan: k, State: Failed, Failure: f})
}

// packageFailure reads what the package printed outside any test, when
// that is all there is to blame: a panic or a fatal error in an init
// function (at its own file and line), an os.Exit before the first koan, or
// output the runner cannot read, shown as it came.
func (j *judge) packageFailure() *Failure {
	output := j.pkg.Output
	if !hasLinePrefix(output, "panic: ") && !hasLinePrefix(output, "fatal error: ") && exitStatus(output) == "" && !j.endedUnseen() {
		return &Failure{Kind: kind.Fatal, Headline: lang.Msgf("The package failed, but no koan was blamed. Here is what it printed:"),
			Raw: trimRunLines(output)}
	}
	f := j.crash(&course.Koan{Concept: j.c}, output)
	if len(j.pkg.Tests) == 0 && !strings.HasPrefix(f.Headline.Format, "An init function ends") { // that one says so
		f.Headline = beforeAnyKoan(f.Headline)
		if strings.Contains(f.Headline.Format, "before any koan ran") { // the headline says when already
			f.Details = append(f.Details, lang.Msgf("It happened in an init function, a package-level variable or TestMain: no koan of the package could run."))
		} else {
			f.Details = append(f.Details, lang.Msgf("It happened before any koan ran (in an init function, a package-level variable or TestMain): no koan of the package could run."))
		}
	}
	return f
}

// endedUnseen reports whether go test passed the package though its test
// binary never said PASS: it exited with status 0 before the testing
// package could finish (os.Exit(0) in an init function, or a TestMain
// that never calls m.Run), so no koan was judged.
func (j *judge) endedUnseen() bool {
	if j.pkg.Result != "pass" {
		return false
	}
	for _, l := range j.pkg.Output {
		if strings.TrimSpace(l) == "PASS" {
			return false
		}
	}
	return true
}

// beforeAnyKoan rephrases a crash's headline for a crash before any koan
// ran: not the koan panicked, the package did.
func beforeAnyKoan(h lang.Msg) lang.Msg {
	switch h.Format {
	case "The koan panicked: %s":
		return lang.Msgf("The package panicked before any koan ran: %s", h.Args...)
	case "The koan ended the whole test binary with exit status %s.":
		return lang.Msgf("The test binary ended with exit status %s.", h.Args...)
	case "The koan ended the whole test binary: %s.":
		return lang.Msgf("The test binary ended: %s.", h.Args...)
	}
	return h
}

// failedNonKoan judges the first failed test of the package that is not a
// koan (nor a koan's subtest) as if it were one, and says why it counts.
func (j *judge) failedNonKoan() (Outcome, bool) {
	for _, t := range j.pkg.Tests {
		name, _, _ := strings.Cut(t.Name, "/")
		if j.c.Koan(name) != nil || t.Result == "pass" || t.Result == "skip" {
			continue
		}
		k := &course.Koan{Name: name, Concept: j.c}
		var f *Failure
		if t.Result == "fail" {
			f = j.testFailure(k, j.output(name))
		} else { // started, never finished: it ended the test binary
			f = j.crash(k, append(j.output(name), j.pkg.Output...))
		}
		k.File, k.Line = f.File, f.Line
		if f.File == "" {
			k.File, f.File = j.c.Dir, j.c.Dir
		}
		f.Headline = f.Headline.Rename(lang.Msgf("The koan"), name)
		f.Details = append([]lang.Msg{lang.Msgf("%s is not one of the concept's koans, but the concept passes only when its whole package does.", name)}, f.Details...)
		return Outcome{Koan: k, State: Failed, Failure: f}, true
	}
	return Outcome{}, false
}

func anyFailed(out []Outcome) bool {
	for _, o := range out {
		if o.State == Failed {
			return true
		}
	}
	return false
}

var compileRE = regexp.MustCompile(`^(.+?\.go):(\d+):(\d+): (.*)$`)

// buildFailure reads compiler or vet output. Vet's block has a header "#
// [pkg]"; the compiler's "# pkg" with no brackets first.
func (j *judge) buildFailure() *Failure {
	f := &Failure{Kind: kind.Compile}
	noModule := false
	for _, l := range j.pkg.Build {
		if strings.HasPrefix(l, "# [") {
			f.Kind = kind.Vet
		}
	}
	var msgs []lang.Msg
	more := false // the last message was kept: its continuation lines go with it
	for _, l := range j.pkg.Build {
		m := compileRE.FindStringSubmatch(strings.TrimRight(l, "\n"))
		if m == nil {
			// A message's own next lines ("\tgo get ..." after "to add it:",
			// "\thave ...", "\twant ..."), indented with a tab.
			if more && strings.HasPrefix(l, "\t") {
				last := msgs[len(msgs)-1].String()
				msgs[len(msgs)-1] = lang.Verbatim(last + "\n    " + strings.TrimSpace(l))
			}
			continue
		}
		more = false
		file := j.rel(m[1])
		line, _ := strconv.Atoi(m[2])
		// The learner's line: the first message inside a koan, else the
		// first in the concept, else the first at all.
		inKoan := j.c.KoanAt(file, line) != nil
		if f.File == "" || (inKoan && j.c.KoanAt(f.File, f.Line) == nil) || (j.mine(file) && !j.mine(f.File)) {
			f.File, f.Line = file, line
		}
		if len(msgs) < 5 {
			msgs = append(msgs, lang.Verbatim(fmt.Sprintf("%s:%s:%s: %s", file, m[2], m[3], m[4])))
			more = true
		}
		if strings.Contains(m[4], "no required module provides package") {
			noModule = true
		}
	}
	switch {
	case f.Kind == kind.Vet:
		f.Headline = lang.Msgf("go vet found a mistake that the tests alone might not show:")
	case noModule:
		f.Headline = lang.Msgf("The koan imports a package that no module of the course provides: the course's go.mod does not require it. The koans need nothing beyond what the course ships: take the import out (adding the module, as go suggests, changes go.mod).")
	default:
		f.Headline = lang.Msgf("The koan does not compile yet:")
	}
	f.Details = msgs
	if len(msgs) == 0 {
		f.Raw = j.pkg.Build
	}
	return f
}
