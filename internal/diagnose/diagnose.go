package diagnose

import (
	"fmt"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/goline"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/internal/waitfor"
	"github.com/gokoans/concurrency/koan/report"
)

// State is where a koan stands after a run.
type State int

const (
	NotRun State = iota // never started: an earlier koan ended the test binary, or the package did not build
	Passed
	Failed
)

func (s State) String() string {
	return [...]string{"not run", "passed", "failed"}[s]
}

// An Outcome is one koan's result.
type Outcome struct {
	Koan    *course.Koan
	State   State
	Failure *Failure // when Failed; for NotRun, why it did not run, if known
	// Unjudged is set for a koan whose detector did not run (a race koan
	// without -race): it neither passed nor failed.
	Unjudged bool
}

// MarkRaceUnjudged marks the race koans that passed without the race
// detector as not judged: without -race a race goes unseen.
func MarkRaceUnjudged(outs []Outcome) {
	for i := range outs {
		if outs[i].Koan.Kind == kind.Race && outs[i].State != Failed {
			outs[i].Unjudged = true
		}
	}
}

// A Failure says why a koan failed, in the learner's terms.
type Failure struct {
	Kind kind.Kind
	File string // repository-relative: the learner's file
	Line int    // the learner's line in it, 0 if unknown
	// Headline is one sentence: what went wrong. It and the details are
	// kept as format and arguments, so that render says them in the
	// learner's language.
	Headline lang.Msg
	// Details are the facts behind it, one per line: each goroutine and
	// where it waits, the two racing accesses, got and want...
	Details []lang.Msg
	// Raw is output the diagnosis could not classify, shown as it came.
	Raw []string
	// WaitFor is who waits for whom, for a deadlock or a leak: nil when
	// the goroutines' frames and the koan's source do not say.
	WaitFor *waitfor.Picture
	// Printed is what the koan printed itself (fmt.Println, t.Log), its
	// last lines (see printed).
	Printed []string
}

// EndsRun reports whether a failure of this kind ends the test binary (a
// hang guard, a synctest deadlock, a panic, a fatal error, go test's
// timeout): the koans after it do not run, and the leak check at the end
// of the package's run does not happen.
func (f *Failure) EndsRun() bool { return f.Kind.EndsRun() }

// EndedEarly reports whether a koan of outs ended the test binary.
func EndedEarly(outs []Outcome) bool {
	for _, o := range outs {
		if o.State == Failed && o.Failure != nil && o.Failure.EndsRun() {
			return true
		}
	}
	return false
}

// LeakChecked reports whether the koan helper's leak check ran to its end
// in pkg's run: its last line, report.LeakChecked, is in what the
// package printed after its tests. A run that ended before it (a later
// koan's deadlock, panic or fatal error, the hang guard) checked no koan
// for leaks, so none of its passes is yet a pass.
func LeakChecked(pkg *run.Package) bool {
	if pkg == nil {
		return false
	}
	for _, l := range pkg.Output {
		if strings.HasPrefix(l, report.LeakChecked) {
			return true
		}
	}
	return false
}

// NotLeakChecked is the failure of a koan that passed, but whose leak check
// the runner never saw, even when it ran the koan on its own: it is not a
// pass, and the runner says so rather than guess.
func NotLeakChecked(k *course.Koan) *Failure {
	return &Failure{Kind: kind.Fatal, File: k.File, Line: k.Line,
		Headline: lang.Msgf("The koan passed, but the test binary ended before the leak check that follows it, even when the koan ran on its own: the runner cannot tell whether it leaks a goroutine."),
		Details:  []lang.Msg{lang.Msgf("Something the koan set off ends the program after the koan returns (a goroutine that panics or exits later?). Run it alone to see: go test -race -run '^%s$' ./%s", k.Name, k.Concept.Dir)}}
}

// Unexplained gives a koan that is where the learner stands, though
// nothing judged it failed (it never started, and go test said nothing of
// why), a failure with a kind: every verdict has one. f, if not nil, is
// what was known of it.
func Unexplained(f *Failure) *Failure {
	if f == nil {
		return &Failure{Kind: kind.Fatal, Headline: lang.Msgf("The package ran, but this koan never started, and go test said nothing about why.")}
	}
	g := *f
	g.Kind = kind.Fatal
	return &g
}

// A Place is a line of the learner's code.
type Place struct {
	File string
	Line int
}

func (p Place) String() string {
	if p.File == "" {
		return "?"
	}
	return fmt.Sprintf("%s:%d", p.File, p.Line)
}

// Judge reads the run of one concept's package and returns an outcome for
// every koan of the concept, in curriculum order. root is the repository
// root, for turning the absolute paths of stack traces into the learner's
// relative ones.
func Judge(c *course.Concept, pkg *run.Package, root string) []Outcome {
	j := &judge{c: c, root: root, pkg: pkg}
	out := j.outcomes()
	j.notePrinted(out)
	return out
}

type judge struct {
	c    *course.Concept
	root string
	pkg  *run.Package
}

func (j *judge) outcomes() []Outcome {
	path := j.c.Path()
	out := make([]Outcome, len(path))
	for i, k := range path {
		out[i] = Outcome{Koan: k}
		if k.File == "" { // named by the catalog, gone from the disk
			out[i].State = Failed
			out[i].Failure = missing(j.c, k)
		}
	}
	if j.pkg == nil || j.pkg.Result == "" && len(j.pkg.Tests) == 0 {
		return out
	}
	if j.pkg.FailedBuild {
		f := j.buildFailure()
		k := j.c.Nearest(f.File, f.Line)
		for i := range out {
			if out[i].Koan == k || k == nil && out[i].State != Failed {
				out[i].State, out[i].Failure = Failed, f
				break
			}
		}
		for i := range out {
			if out[i].State == NotRun && out[i].Failure == nil && out[i].Koan.Runnable() {
				out[i].Failure = &Failure{Kind: f.Kind, Headline: lang.Msgf("not run: the package does not build")}
			}
		}
		return out
	}
	crashed := j.tests(out)
	// What the package printed after its tests: the leak check's report, a
	// race noticed after its test ended, a crash while no test ran.
	var leaked *Failure // a leak no koan can carry
	j.packageOutput(out, crashed, &leaked)
	if leaked != nil {
		k := &course.Koan{Name: j.c.Name, File: leaked.File, Line: leaked.Line, Concept: j.c}
		out = append(out, Outcome{Koan: k, State: Failed, Failure: leaked})
	} else if crashed == "" && (j.pkg.Result == "fail" || j.endedUnseen()) && !anyFailed(out) {
		out = j.unblamed(out)
	}
	if crashed != "" {
		for i := range out {
			if out[i].State == NotRun && out[i].Koan.Runnable() {
				out[i].Failure = &Failure{Kind: "", Headline: lang.Msgf("not run: %s ended the test binary before this koan's turn", crashed)}
			}
		}
	}
	return out
}

// tests judges each koan by its own test's result and output, and returns
// the name of the koan that ended the test binary, if one did.
func (j *judge) tests(out []Outcome) (crashed string) {
	for i, o := range out {
		t := j.pkg.Test(o.Koan.Name)
		if t == nil || o.State == Failed {
			continue
		}
		output := j.output(o.Koan.Name)
		switch t.Result {
		case "pass":
			out[i].State = Passed
			if j.pkg.Result == "fail" && (hasLinePrefix(output, "panic: ") || hasLinePrefix(output, "fatal error: ")) {
				// It passed, then a goroutine it started crashed the binary
				// (a deferred Done let the koan's Wait return first).
				out[i].State = Failed
				out[i].Failure = j.crash(o.Koan, append(output, j.pkg.Output...))
				crashed = o.Koan.Name
			}
		case "skip":
			out[i].State = Failed
			out[i].Failure = j.skipped(o.Koan, output)
		case "fail":
			out[i].State = Failed
			out[i].Failure = j.testFailure(o.Koan, output)
		case "":
			// Started and never finished: the test binary died while this
			// koan ran. Only a failed package can say that.
			if j.pkg.Result == "fail" {
				out[i].State = Failed
				out[i].Failure = j.crash(o.Koan, append(output, j.pkg.Output...))
				crashed = o.Koan.Name
			}
		}
	}
	return crashed
}

// output gathers the output of a koan and its subtests.
func (j *judge) output(name string) []string {
	var lines []string
	for _, t := range j.pkg.Tests {
		if t.Name == name || strings.HasPrefix(t.Name, name+"/") {
			lines = append(lines, t.Output...)
		}
	}
	return lines
}

// rel turns a path from a stack trace or a compiler message into a
// repository-relative one.
func (j *judge) rel(file string) string {
	if filepath.IsAbs(file) {
		if r, err := filepath.Rel(j.root, file); err == nil && !strings.HasPrefix(r, "..") {
			return filepath.ToSlash(r)
		}
		return filepath.ToSlash(file)
	}
	return filepath.ToSlash(filepath.Clean(file))
}

// mine reports whether a repository-relative path is in the concept.
func (j *judge) mine(file string) bool {
	return strings.HasPrefix(file, j.c.Dir+"/") && !strings.HasSuffix(file, "/main_test.go") && !strings.HasSuffix(file, "/zz_koan_helper_main_test.go") // the helper's TestMain, given through -overlay
}

func (j *judge) mineAbs(file string) bool { return j.mine(j.rel(file)) }

func (j *judge) place(f traceback.Frame) Place {
	return Place{File: j.rel(f.File), Line: f.Line}
}

var (
	fileLineRE = regexp.MustCompile(`^\s*([\w./-]+\.go):(\d+): (.*)$`)
	panicRE    = regexp.MustCompile(`^panic: (.*?)( \[recovered.*\])?$`)
	fatalRE    = regexp.MustCompile(`^fatal error: (.*)$`)
)

func (j *judge) testFailure(k *course.Koan, output []string) (f *Failure) {
	defer func() { noteLoudOutput(f, output) }()
	text := strings.Join(output, "")
	switch {
	case strings.Contains(text, "WARNING: DATA RACE"):
		return j.race(k, text)
	case guarded(text):
		return j.guard(k, text)
	case hasLinePrefix(output, "panic: "):
		return j.panicked(k, output, text)
	case hasLinePrefix(output, "fatal error: "):
		return j.fatal(k, output, text)
	case strings.Contains(text, report.Blank):
		return j.blank(k, output)
	case strings.Contains(text, "Error Trace:"):
		return j.assertion(k, output)
	}
	return j.plainFailure(k, output)
}

func (j *judge) crash(k *course.Koan, output []string) (f *Failure) {
	defer func() { noteLoudOutput(f, output) }()
	text := strings.Join(output, "")
	switch {
	case guarded(text):
		return j.guard(k, text)
	case strings.Contains(text, "panic: test timed out after"):
		return j.timedOut(k, text)
	case strings.Contains(text, "WARNING: DATA RACE") && !hasLinePrefix(output, "panic: ") && !hasLinePrefix(output, "fatal error: "):
		return j.race(k, text)
	case raceThenFatal(text):
		return j.raceLedToFatal(k, output, text)
	case hasLinePrefix(output, "panic: "):
		return j.panicked(k, output, text)
	case hasLinePrefix(output, "fatal error: "):
		return j.fatal(k, output, text)
	}
	return j.exited(k, output)
}

// raceThenFatal reports whether the race detector reported a race before
// the runtime's fatal error ended the program (concurrent map writes after
// a race on the map, say): the race came first, and is the cause.
func raceThenFatal(text string) bool {
	race := strings.Index(text, "WARNING: DATA RACE")
	fatal := strings.Index(text, "\nfatal error: ")
	if strings.HasPrefix(text, "fatal error: ") {
		fatal = 0
	}
	return race >= 0 && fatal >= 0 && race < fatal
}

// raceLedToFatal: a data race, then the fatal error it led to. The verdict
// is the race, at its lines; the crash is said after it.
func (j *judge) raceLedToFatal(k *course.Koan, output []string, text string) *Failure {
	f := j.race(k, text)
	msg := ""
	for _, l := range output {
		if m := fatalRE.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			msg = m[1]
			break
		}
	}
	f.Details = append(f.Details, lang.Msgf("The race then crashed the program: fatal error: %s", msg))
	if say, ok := explain(msg); ok {
		f.Details = append(f.Details, say)
	}
	f.Details = append(f.Details, lang.Msgf("The koans after this one in the package did not run."))
	return f
}

// exited: the test binary ended while the koan ran with no panic, no fatal
// error and no guard's report: os.Exit, or log.Fatal, which prints and calls
// os.Exit(1). go test shows the exit status only when the binary printed
// nothing else (an exit in init or TestMain); the line shows when the log
// names it (log.Lshortfile), else the koan's own source holds the call.
func (j *judge) exited(k *course.Koan, output []string) *Failure {
	f := &Failure{Kind: kind.Fatal, File: k.File, Line: k.Line}
	code := exitStatus(output)
	call, in := "", ""
	if p, c, ok := j.exitCall(k); ok {
		f.File, f.Line, call = p.File, p.Line, c
	} else if k.File == "" { // no koan ran: an init function or TestMain ended it
		if p, c, fn, ok := j.initExit(); ok {
			f.File, f.Line, call, in = p.File, p.Line, c, fn
		}
	}
	p, words, said := j.lastWords(output)
	if said {
		if p.File != "" && call == "" {
			f.File, f.Line = p.File, p.Line
		}
		f.Details = append(f.Details, lang.Msgf("Its last words: %s", words))
	}
	if code == "" {
		code = codeOf(call)
	}
	switch {
	case in == "init":
		f.Headline = lang.Msgf("An init function ends the test binary with %s at %s, before TestMain and every koan run.", call, Place{f.File, f.Line})
		f.Details = append(f.Details, lang.Msgf("go test saw a program that exited with status %s and ran no koan: an init function runs before any test, and os.Exit stops the program there. Take the call out of init; a koan reports a failure with t.Fatal or t.Error.", code))
		return f
	case in == "TestMain":
		f.Headline = lang.Msgf("The package's TestMain ends the test binary with %s at %s before any koan ran.", call, Place{f.File, f.Line})
	case code != "":
		f.Headline = lang.Msgf("The koan ended the whole test binary with exit status %s.", code)
	case call != "":
		f.Headline = lang.Msgf("The koan ended the whole test binary: %s.", call)
	case said:
		f.Headline = lang.Msgf("The test binary ended while this koan ran, just after its last words (as log.Fatal does: it prints, then exits).")
	default:
		f.Headline = lang.Msgf("The test binary ended while this koan ran, without saying why.")
		f.Raw = output
		return f
	}
	f.Details = append(f.Details, lang.Msgf("os.Exit, and log.Fatal which calls os.Exit(1), stop the program at once: the koan neither passes nor fails, deferred calls do not run, and the koans after it did not run. A koan reports a failure with t.Fatal or t.Error."))
	return f
}

var (
	exitStatusRE = regexp.MustCompile(`^exit status (\d+)$`)
	exitCallRE   = regexp.MustCompile(`\b(os\.Exit\((\d*)|log\.(Fatal|Fatalf|Fatalln)\()`)
	logLineRE    = regexp.MustCompile(`^\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(\.\d+)? (.*)$`)
)

// exitStatus finds go test's "exit status N" line, or "".
func exitStatus(output []string) string {
	for _, l := range output {
		if m := exitStatusRE.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			return m[1]
		}
	}
	return ""
}

// codeOf is the exit status of a call exitCall found: os.Exit's literal
// argument, 1 for log.Fatal.
func codeOf(call string) string {
	if m := exitCallRE.FindStringSubmatch(call); m != nil {
		if m[3] != "" {
			return "1"
		}
		return m[2]
	}
	return ""
}

// exitCall finds the first call to os.Exit or log.Fatal in the koan's body,
// and returns its place and the call as written.
func (j *judge) exitCall(k *course.Koan) (Place, string, bool) {
	if k.File == "" {
		return Place{}, "", false
	}
	lines := j.c.Lines(j.root, k.File)
	for n := k.Line; n <= k.EndLine && n <= len(lines); n++ {
		if m := exitCallRE.FindStringIndex(lines[n-1]); m != nil {
			call := lines[n-1][m[0]:]
			if end := strings.Index(call, ")"); end >= 0 {
				call = call[:end+1]
			}
			return Place{File: k.File, Line: n}, call, true
		}
	}
	return Place{}, "", false
}

// lastWords returns the last line the koan printed before the binary
// ended, and the place it names in the concept, if any: log.Fatal leaves
// its message there, with the file and line under log.Lshortfile
// ("koan_test.go:14: giving up"), after the date by default.
func (j *judge) lastWords(output []string) (Place, string, bool) {
	for i := len(output) - 1; i >= 0; i-- {
		l := strings.TrimSpace(output[i])
		switch {
		case l == "" || strings.HasPrefix(l, "FAIL") || strings.HasPrefix(l, "ok  \t") || exitStatusRE.MatchString(l):
			continue // go test's own lines
		case strings.HasPrefix(l, "=== "):
			return Place{}, "", false // nothing after the koan started
		}
		if m := logLineRE.FindStringSubmatch(l); m != nil {
			l = m[2]
		}
		if m := fileLineRE.FindStringSubmatch(l); m != nil {
			file := j.c.Dir + "/" + filepath.Base(m[1])
			if n, _ := strconv.Atoi(m[2]); j.mine(file) {
				return Place{File: file, Line: n}, l, true
			}
		}
		return Place{}, l, true
	}
	return Place{}, "", false
}

func hasLinePrefix(lines []string, prefix string) bool {
	for _, l := range lines {
		if strings.HasPrefix(l, prefix) {
			return true
		}
	}
	return false
}

// blank: testify compared an unfilled __ with something.
func (j *judge) blank(k *course.Koan, output []string) *Failure {
	f := &Failure{Kind: kind.Blank, File: k.File, Line: k.Line}
	if p, ok := j.traceLine(output); ok {
		f.File, f.Line = p.File, p.Line
	}
	f.Headline = lang.Msgf("A blank __ waits to be filled in.")
	if other := j.comparedWith(f.File, f.Line); other != "" {
		f.Details = append(f.Details, lang.Msgf("The assertion compares the blank with %s. What must it be for the koan to hold?", other))
	} else {
		f.Details = append(f.Details, lang.Msgf("Replace __ with the value that makes the koan true."))
	}
	return f
}

// traceLine finds the learner's line in testify's Error Trace, which lists
// the frames innermost first, one per line.
func (j *judge) traceLine(output []string) (Place, bool) {
	var first Place
	inTrace := false
	for _, l := range output {
		s := strings.TrimSpace(l)
		switch {
		case strings.HasPrefix(s, "Error Trace:"):
			inTrace = true
			s = strings.TrimSpace(strings.TrimPrefix(s, "Error Trace:"))
		case strings.Contains(s, ":\t") || strings.HasPrefix(s, "Error:"):
			inTrace = false
		}
		if !inTrace {
			continue
		}
		if m := traceFrameRE.FindStringSubmatch(s); m != nil {
			n, _ := strconv.Atoi(m[2])
			p := Place{File: j.rel(m[1]), Line: n}
			if j.mine(p.File) {
				return p, true
			}
			if first.File == "" {
				first = p
			}
		}
	}
	return first, first.File != ""
}

var traceFrameRE = regexp.MustCompile(`^(.+\.go):(\d+)$`)

// comparedWith returns the source of the other argument of the assertion on
// file:line that holds a bare __, e.g. "<-ch" for assert.Equal(t, __, <-ch).
func (j *judge) comparedWith(file string, line int) string {
	src := j.sourceLine(file, line)
	call := assertionCall.FindStringSubmatch(src)
	if call == nil {
		return ""
	}
	args := splitArgs(call[2])
	if len(args) < 3 {
		return ""
	}
	switch {
	case strings.TrimSpace(args[1]) == goline.BlankName:
		return "`" + strings.TrimSpace(args[2]) + "`"
	case strings.TrimSpace(args[2]) == goline.BlankName:
		return "`" + strings.TrimSpace(args[1]) + "`"
	}
	return ""
}

var assertionCall = regexp.MustCompile(`\b(assert|require)\.\w+\((.*)\)`)

// splitArgs splits a call's argument list at top-level commas.
func splitArgs(s string) []string {
	var args []string
	depth, start := 0, 0
	inStr := byte(0)
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case inStr != 0:
			if c == '\\' {
				i++
			} else if c == inStr {
				inStr = 0
			}
		case c == '"' || c == '\'' || c == '`':
			inStr = c
		case c == '(' || c == '[' || c == '{':
			depth++
		case c == ')' || c == ']' || c == '}':
			depth--
		case c == ',' && depth == 0:
			args = append(args, s[start:i])
			start = i + 1
		}
	}
	return append(args, s[start:])
}

// assertion: a testify assertion failed on a value the learner gave.
func (j *judge) assertion(k *course.Koan, output []string) *Failure {
	f := &Failure{Kind: kind.Assert, File: k.File, Line: k.Line}
	if p, ok := j.traceLine(output); ok {
		f.File, f.Line = p.File, p.Line
	}
	f.Headline = lang.Msgf("The koan does not hold yet: an assertion failed.")
	f.Details = testifyFields(output)
	return f
}

// testifyFields keeps the parts of a testify report a learner needs: the
// error, expected and actual, and the message, without the trace.
func testifyFields(output []string) []lang.Msg {
	var out []lang.Msg
	field := ""
	for _, l := range output {
		s := strings.TrimSpace(l)
		if m := testifyFieldRE.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			field, s = m[1], strings.TrimSpace(m[2])
		}
		if s == "" || strings.HasPrefix(s, "--- FAIL") {
			continue
		}
		switch field {
		case "Error":
			out = append(out, lang.Verbatim(s))
		case "Messages":
			out = append(out, lang.Msgf("message: %s", s))
		}
	}
	return out
}

var testifyFieldRE = regexp.MustCompile(`^\s*(Error Trace|Error|Test|Messages):\s*(.*)$`)

// plainFailure: t.Error, t.Fatal and friends, outside testify.
func (j *judge) plainFailure(k *course.Koan, output []string) *Failure {
	if f, ok := j.errorFailure(k); ok {
		return f
	}
	f := &Failure{Kind: kind.Assert, File: k.File, Line: k.Line, Headline: lang.Msgf("The koan reported a failure.")}
	base := filepath.Base(k.File)
	found := false
	for _, l := range output {
		m := fileLineRE.FindStringSubmatch(strings.TrimRight(l, "\n"))
		if m == nil || strings.HasPrefix(strings.TrimSpace(l), "---") {
			continue
		}
		if filepath.Base(m[1]) == base || j.mine(j.c.Dir+"/"+filepath.Base(m[1])) {
			n, _ := strconv.Atoi(m[2])
			if !found {
				f.File, f.Line = j.c.Dir+"/"+filepath.Base(m[1]), n
				found = true
			}
			f.Details = append(f.Details, lang.Verbatim(m[3]))
		}
	}
	if !found {
		f.Headline = lang.Msgf("The koan failed, and its output says no more than this:")
		f.Raw = trimRunLines(output)
	}
	return f
}

// errorFailure reads a failure from the lines go test -json marked as the
// koan's errors (run.Test.Errors, Go 1.27 and later): the failure is at the
// first error's line in the concept, and its details are the errors' lines
// alone, not what the koan logged before them (t.Log writes file:line: as
// t.Error does). ok is false on an older Go, whose stream marks nothing.
func (j *judge) errorFailure(k *course.Koan) (f *Failure, ok bool) {
	var errs []string
	for _, t := range j.pkg.Tests {
		if t.Name == k.Name || strings.HasPrefix(t.Name, k.Name+"/") {
			errs = append(errs, t.Errors...)
		}
	}
	f = &Failure{Kind: kind.Assert, File: k.File, Line: k.Line, Headline: lang.Msgf("The koan reported a failure.")}
	for _, l := range errs {
		l = strings.TrimRight(l, "\n")
		m := fileLineRE.FindStringSubmatch(l)
		switch {
		case m == nil && len(f.Details) > 0: // a later line of the same error
			f.Details = append(f.Details, lang.Verbatim(strings.TrimSpace(l)))
		case m != nil:
			if file := j.c.Dir + "/" + filepath.Base(m[1]); !ok && j.mine(file) {
				f.File, f.Line = file, atoi(m[2])
				ok = true
			}
			f.Details = append(f.Details, lang.Verbatim(m[3]))
		}
	}
	return f, ok
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

func trimRunLines(output []string) []string {
	var out []string
	for _, l := range output {
		if strings.HasPrefix(l, "=== RUN") || strings.HasPrefix(l, "=== PAUSE") || strings.HasPrefix(l, "=== CONT") || strings.HasPrefix(l, report.LeakChecked) {
			continue
		}
		out = append(out, l)
	}
	return out
}

func (j *judge) skipped(k *course.Koan, output []string) *Failure {
	f := &Failure{Kind: kind.Skipped, File: k.File, Line: k.Line,
		Headline: lang.Msgf("The koan skips itself, so it has taught nothing yet: remove the t.Skip.")}
	for _, l := range output {
		if m := fileLineRE.FindStringSubmatch(strings.TrimRight(l, "\n")); m != nil {
			n, _ := strconv.Atoi(m[2])
			f.File, f.Line = j.c.Dir+"/"+filepath.Base(m[1]), n
			f.Details = append(f.Details, lang.Msgf("It says: %s", m[3]))
			break
		}
	}
	return f
}

func missing(c *course.Concept, k *course.Koan) *Failure { return Missing(c, k, "") }

// Missing is the failure of a koan the catalog names and the disk lacks.
// file is the file that held it as shipped ("" when unknown): the advice
// names it and restores that one file, with a backup, never the whole
// concept (which would throw away every answer in it).
func Missing(c *course.Concept, k *course.Koan, file string) *Failure {
	f := &Failure{Kind: kind.Missing, File: c.Dir,
		Headline: lang.Msgf("The koan %s is gone from %s: the catalog still names it.", k.Name, c.Dir)}
	for _, r := range c.Koans {
		if r.RenamedFrom == k.Name { // one koan gone, one test the catalog does not know
			f.File, f.Line = r.File, r.Line
			f.Details = []lang.Msg{lang.Msgf("It looks renamed: %s at %s:%d is not in the catalog. Give it back its name, %s, and the course counts it again.", r.Name, r.File, r.Line, k.Name)}
			return f
		}
	}
	if file == "" {
		f.Details = []lang.Msg{
			lang.Msgf("If you renamed it, give it back its name; if you deleted it, bring back the file that held it with"),
			lang.Msgf("  go tool koans reset %s   (your version of that file is kept in .koans/backups/)", k.Name),
		}
		return f
	}
	f.File = file
	f.Details = []lang.Msg{
		lang.Msgf("It was in %s. If you renamed it, give it back its name; if you deleted it, bring that file back as shipped with", file),
		lang.Msgf("  go tool koans reset %s   (your version of the file, with its other answers, is kept in .koans/backups/)", file),
	}
	return f
}
