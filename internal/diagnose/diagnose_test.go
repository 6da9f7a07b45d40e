package diagnose_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/state"
	"github.com/gokoans/concurrency/internal/verdict"
	"github.com/gokoans/concurrency/koan/report"
)

// -update rewrites the expected output in testdata/golden from the recorded
// streams, for a change of the runner's words: go is not run, so the
// goldens change only where the runner reads the same streams differently.
var update = flag.Bool("update", false, "rewrite the golden files from the recorded go test -json streams")

// -record runs the fixture koans with go test again, records their streams
// in testdata/streams, and rewrites the goldens from the new streams: for a
// new fixture, or a new Go whose output differs.
var record = flag.Bool("record", false, "re-record the fixtures' go test -json streams (and rewrite the golden files)")

// fixtures is every way a koan can fail, each a package in testdata/koans
// (behind the koanfixture build tag, and in testdata, so they never run as
// koans or in ./...), with the verdict the runner must reach.
var fixtures = []struct {
	concept string
	kind    kind.Kind
	koan    string
	line    int // in the fixture's file
	file    string
	details []string // substrings that must appear in the details
}{
	{"01_blank", "blank", "TestAnUnbufferedSendWaitsForAReceiver", 18, "blank_test.go", []string{"`<-ch`"}},
	{"02_assert", "assert", "TestAClosedChannelYieldsTheZeroValue", 15, "assert_test.go", []string{"expected: 7", "actual  : 0", "a receive from a closed channel"}},
	{"03_race", "race", "TestACounterSharedWithoutALockRaces", 11, "race_test.go", []string{"at internal/diagnose/testdata/koans/03_race/race_test.go:11, by the goroutine started at line 10", "write at internal/diagnose/testdata/koans/03_race/race_test.go:14, by the koan itself"}},
	{"04_leak", "leak", "TestAnAbandonedSenderLeaks", 9, "leak_test.go", []string{"waits to send on a channel at internal/diagnose/testdata/koans/04_leak/leak_test.go:9 (started at line 9)"}},
	{"05_deadlock_bubble", "deadlock", "TestRangeEndsOnlyWhenTheChannelIsClosed", 16, "bubble_test.go", []string{"waits to receive from a channel at internal/diagnose/testdata/koans/05_deadlock_bubble/bubble_test.go:16"}},
	{"06_deadlock_mutex", "deadlock", "TestTwoLocksTakenInOppositeOrderDeadlock", 25, "mutex_test.go", []string{"the koan itself waits to lock a Mutex at internal/diagnose/testdata/koans/06_deadlock_mutex/mutex_test.go:25", "waits to lock a Mutex at internal/diagnose/testdata/koans/06_deadlock_mutex/mutex_test.go:19 (started at line 15)"}},
	{"07_deadlock_rwmutex", "deadlock", "TestAReadLockHeldWhileWritingDeadlocks", 13, "rw_test.go", []string{"waits to lock an RWMutex for writing"}},
	{"08_plain", "deadlock", "TestAPlainTestThatDeadlocks", 19, "plain_test.go", []string{"the koan itself waits to lock a Mutex"}},
	{"09_panic_goroutine", "panic", "TestOnlyTheSenderCloses", 17, "panic_test.go", []string{"A channel was closed twice", "started at internal/diagnose/testdata/koans/09_panic_goroutine/panic_test.go:14"}},
	{"10_panic_test", "panic", "TestDoneTooOftenPanics", 14, "panic_test.go", []string{"Done was called more times than Add counted"}},
	{"11_fatal", "fatal", "TestUnlockingAnUnlockedMutexIsFatal", 14, "fatal_test.go", []string{"recover cannot catch it", "did not run"}},
	{"12_compile", "compile", "TestAChannelHasADirection", 11, "compile_test.go", []string{"compile_test.go:11:2: invalid operation: cannot send to receive-only channel"}},
	{"13_vet", "vet", "TestAWaitGroupPassedByValueIsACopy", 20, "vet_test.go", []string{"count passes lock by value"}},
	{"14_timeout", "timeout", "TestALoopThatNeverEnds", 12, "spin_test.go", []string{"is running, not blocked, at internal/diagnose/testdata/koans/14_timeout/spin_test.go:12"}},
	// A loop with no call in it is preempted at a PC the runtime puts at
	// line 1; the verdict finds the loop's line in the source.
	{"30_endless_loop", "timeout", "TestAnEndlessLoopIsShownAtItsLine", 9, "loop_test.go", []string{"is running, not blocked, at internal/diagnose/testdata/koans/30_endless_loop/loop_test.go:9", "KOANS_TIMEOUT=30s"}},
	// A plain package gets the helper through -overlay: its slow test is
	// slow (timeout), not a deadlock, and a leak is found.
	{"31_slow_plain", "timeout", "TestASlowPlainTestIsSlowNotStuck", 13, "slow_test.go", []string{"sleeps at internal/diagnose/testdata/koans/31_slow_plain/slow_test.go:13", "KOANS_TIMEOUT=30s"}},
	{"32_plain_leak", "leak", "TestAPlainTestLeaksASender", 11, "leak_test.go", []string{"waits to send on a channel at internal/diagnose/testdata/koans/32_plain_leak/leak_test.go:11"}},
	{"33_running_leak", "leak", "TestAGoroutineThatNeverStopsRunningLeaks", 12, "spin_test.go", []string{"is running, not blocked, at internal/diagnose/testdata/koans/33_running_leak/spin_test.go:12"}},
	{"15_missing", "missing", "TestTheSecondKoanWasDeleted", 0, "", []string{"go tool koans reset TestTheSecondKoanWasDeleted"}},
	// The panic ends the binary before the leak check; the walk runs the
	// koan before it again, alone, and finds the leak, which comes first.
	{"17_leak_then_crash", "leak", "TestALeakComesFirst", 9, "leak_test.go", []string{"waits to send on a channel"}},
	{"16_skipped", "skipped", "TestASkippedKoanIsNotPassed", 8, "skip_test.go", []string{"It says: later"}},
	// A leak, then a koan whose synctest deadlock ends the binary before the
	// leak check, then a vet finding: the walk runs the passed koan again,
	// without vet, and the leak check sees it (issue 20).
	{"42_leak_then_deadlock", "leak", "TestALeakBeforeADeadlockIsStillALeak", 10, "a_leak_test.go", []string{"waits to send on a channel at internal/diagnose/testdata/koans/42_leak_then_deadlock/a_leak_test.go:10"}},
	// The same in a plain package: the second look has the helper too.
	{"43_plain_leak_then_deadlock", "leak", "TestAPlainLeakBeforeADeadlock", 14, "leak_test.go", []string{"waits to send on a channel at internal/diagnose/testdata/koans/43_plain_leak_then_deadlock/leak_test.go:14"}},
	// os.Exit(0) in an init: go test says ok, and no koan ran.
	{"44_init_exit", "fatal", "TestAKoanBesideAnInitThatExits", 12, "b_exit_test.go", []string{"exited with status 0 and ran no koan"}},
	// A plain package's goroutine started by a function the test calls:
	// no frame names a test, yet the leak is laid on it, at the leaking line.
	{"45_plain_leak_unnamed", "leak", "TestAKernelLeaksThroughAHelper", 18, "kernel_test.go", []string{"waits to send on a channel at internal/diagnose/testdata/koans/45_plain_leak_unnamed/kernel_test.go:18"}},
	// Race reports, then the fatal error they led to: a race.
	{"46_race_then_fatal", "race", "TestACacheWithoutALockRacesThenCrashes", 20, "race_test.go", []string{"fatal error: concurrent map writes"}},
	// A koan that prints far more than the runner keeps: its failure,
	// printed last, is still found.
	{"40_loud_output", "assert", "TestAKoanThatPrintsALotStillFails", 18, "loud_test.go", []string{"wanted 1, got 2"}},
	// Terminal control sequences in a failure's message are taken out.
	{"41_escapes", "assert", "TestEscapesInAMessageDoNotReachTheTerminal", 15, "escapes_test.go", []string{"red cleared titled charset bellreturn"}},
	// Recorded on Go 1.27.3, whose go test -json marks a test's error lines
	// (OutputType): the verdict is at the t.Errorf, not at the t.Log before
	// it, and says the error's two lines, not what was logged.
	{"47_error_lines", "assert", "TestAKoanThatLogsBeforeItFails", 16, "error_test.go", []string{"wanted 1, got 2\nthe error's second line"}},
}

const tree = "internal/diagnose/testdata/koans"

func repoRoot(t testing.TB) string {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	return root
}

func TestEveryKindOfFailureIsDiagnosed(t *testing.T) {
	root := repoRoot(t)
	for _, fx := range fixtures {
		t.Run(fx.concept, func(t *testing.T) {
			start := time.Now()
			st := walkFixture(t, fx.concept)
			if *record {
				t.Logf("%s: %s, verdict after %v", fx.concept, fx.kind, time.Since(start).Round(10*time.Millisecond))
			}
			v := verdict.Of(st, lang.English)
			assert.Equal(t, "failing", v.Status)
			assert.Equal(t, fx.kind, v.Kind, "kind")
			assert.Equal(t, fx.koan, v.Koan, "koan")
			if fx.file != "" {
				assert.Equal(t, tree+"/"+fx.concept+"/"+fx.file, v.File, "file")
			}
			assert.Equal(t, fx.line, v.Line, "line")
			details := strings.Join(v.Details, "\n")
			for _, d := range fx.details {
				assert.Contains(t, details, d)
			}
			assert.NotContains(t, details+v.Message, root, "absolute paths leak into the verdict")

			var text, js bytes.Buffer
			render.Text(&text, st, render.Style{})
			require.NoError(t, verdict.Write(&js, st, lang.English))
			golden(t, filepath.Join("testdata", "golden", fx.concept+".txt"), text.String())
			golden(t, filepath.Join("testdata", "golden", fx.concept+".json"), js.String())

			// The same verdict in Chinese, beside the English.
			var zh bytes.Buffer
			render.Text(&zh, st, render.Style{Lang: lang.Chinese})
			golden(t, filepath.Join("testdata", "golden", fx.concept+".zh.txt"), zh.String())
			assert.NotEqual(t, text.String(), zh.String())
		})
	}
}

// The later koans of a package that a crash ended are not run, not failed.
func TestKoansAfterACrashAreNotRunNotFailed(t *testing.T) {
	st := walkFixture(t, "11_fatal")
	outs := st.Concepts[0].Outcomes
	require.Len(t, outs, 2)
	assert.Equal(t, "failed", outs[0].State.String())
	assert.Equal(t, "not run", outs[1].State.String())
	assert.Contains(t, outs[1].Failure.Headline.String(), "TestUnlockingAnUnlockedMutexIsFatal ended the test binary")
}

// A vet finding stops go test from running the package; the koans before
// the finding are still judged, by a second run without vet.
func TestKoansBeforeAVetFindingAreJudged(t *testing.T) {
	st := walkFixture(t, "13_vet")
	outs := st.Concepts[0].Outcomes
	require.Len(t, outs, 2)
	assert.Equal(t, "passed", outs[0].State.String())
	assert.Equal(t, "failed", outs[1].State.String())
	assert.Equal(t, 1, st.Passed)
}

// walkFixture walks one fixture concept through its recorded stream (or,
// with -record, a fresh run of go test).
func walkFixture(t *testing.T, concept string) *standing.Standing {
	t.Helper()
	return walkFixtureIn(t, tree, filepath.Join("testdata", "streams"), concept)
}

// walkFixtureIn walks a concept of another fixture tree, whose streams are
// recorded in streams.
func walkFixtureIn(t *testing.T, tree, streams, concept string) *standing.Standing {
	t.Helper()
	root := repoRoot(t)
	rec := &recorder{root: root, dir: streams, concept: concept}
	e, err := engine.Load(root, tree, engine.Options{Tags: "koanfixture", Go: rec.goTest, OverlayDir: state.Of(root).Overlay()})
	require.NoError(t, err)
	c := e.Course.Concept(concept)
	require.NotNil(t, c, concept)
	st := standing.New(e.Course, []*course.Concept{c})
	st.Concepts, err = e.Run(context.Background(), engine.Selection{Concepts: []*course.Concept{c}})
	require.NoError(t, err)
	st.Settle()
	return st
}

// recorder stands in for go test: with -record it runs go test and records
// the stream (absolute paths replaced by $ROOT); otherwise it replays it.
type recorder struct {
	root, dir, concept string
}

func (r *recorder) goTest(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
	name := r.concept
	switch {
	case opt.Run != "": // the walk's second look: the passed koans a crash kept from the leak check
		name += ".rerun"
	case opt.Vet == "off":
		name += ".novet"
	}
	file := filepath.Join(r.dir, name+".jsonl")
	if *record {
		var out bytes.Buffer
		cmd := exec.CommandContext(ctx, "go", run.Args(opt, pkgs...)...)
		cmd.Dir = opt.Dir
		cmd.Env = append(os.Environ(), "GORACE=atexit_sleep_ms=0")
		cmd.Stdout = &out
		_ = cmd.Run() // a failing koan is the point
		recorded := strings.ReplaceAll(out.String(), r.root, "$ROOT")
		if err := os.MkdirAll(r.dir, 0o755); err != nil {
			return nil, err
		}
		if err := os.WriteFile(file, []byte(recorded), 0o644); err != nil {
			return nil, err
		}
		if err := os.WriteFile(strings.TrimSuffix(file, ".jsonl")+".args", []byte(r.args(opt, pkgs)), 0o644); err != nil {
			return nil, err
		}
	}
	// The walk must ask go test what it asked when the stream was recorded
	// (the helper's overlay, vet, which koans): a replay proves nothing else.
	if want, err := os.ReadFile(strings.TrimSuffix(file, ".jsonl") + ".args"); err == nil && string(want) != r.args(opt, pkgs) {
		return nil, fmt.Errorf("the walk ran go %s\nthe stream %s was recorded for go %s", r.args(opt, pkgs), file, want)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, fmt.Errorf("no recorded stream (run go test -record): %w", err)
	}
	return run.Replay(strings.NewReader(strings.ReplaceAll(string(data), "$ROOT", r.root)))
}

// args is go test's command line for opt, with the root as $ROOT.
func (r *recorder) args(opt run.Options, pkgs []string) string {
	return strings.ReplaceAll(strings.Join(run.Args(opt, pkgs...), " "), r.root, "$ROOT") + "\n"
}

// golden compares got with the file, after taking out what varies between
// machines and runs; with -update or -record it rewrites the file.
func golden(t *testing.T, file, got string) {
	t.Helper()
	got = normalize(got)
	if *update || *record {
		require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
		require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "no golden file (run go test -update, or -record for a new fixture)")
	assert.Equal(t, string(want), got, "output differs from %s (run go test -update to accept)", file)
}

// normalize strips what differs from run to run: goroutine numbers and
// timings in the runner's words.
func normalize(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		b.WriteString(goroutineNumber.ReplaceAllString(line, "goroutine N"))
	}
	return b.String()
}

var goroutineNumber = regexp.MustCompile(`goroutine \d+`)

// Strange output never makes the diagnosis panic, and is never dropped: a
// stream cut anywhere, or lines that are not JSON, still give a verdict.
//
// So, for a fixture's stream cut at any byte and followed by a line that is
// not JSON and a half event: Judge does not panic; it returns one outcome for
// every koan of the concept, in curriculum order; the lines that are not JSON
// are kept in the result as output, not thrown away; a koan is passed only
// where the cut stream says go test passed it, and the helper's leak check
// counts as done only where the cut stream holds its whole line (a cut never
// invents a pass); and the whole stream with the strange lines after it is
// judged as the whole stream. Whatever koan stands first in the cut stream,
// its verdict has a kind of the -json contract.
//
// The seeds cut every fixture at a handful of points (its ends, its thirds,
// around its first pass and around the leak check's line); go test -fuzz
// tries the other cuts.
func FuzzStrangeOutputIsStillJudged(f *testing.F) {
	root := repoRoot(f)
	c, err := course.Load(root, tree)
	require.NoError(f, err)
	texts := make([]string, len(fixtures))
	for i, fx := range fixtures {
		data, err := os.ReadFile(filepath.Join("testdata", "streams", fx.concept+".jsonl"))
		require.NoError(f, err)
		texts[i] = strings.ReplaceAll(string(data), "$ROOT", root)
		text := texts[i]
		cuts := []int{0, len(text) / 3, len(text) / 2, 2 * len(text) / 3, len(text)}
		for _, at := range []string{`"Action":"pass","Package":`, `"Output":"` + report.LeakChecked} {
			if j := strings.Index(text, at); j >= 0 {
				end := j + strings.IndexByte(text[j:], '\n')
				cuts = append(cuts, j, j+len(at)/2, end-1, end, end+1)
			}
		}
		for _, cut := range cuts {
			f.Add(uint8(i), uint32(min(cut, len(text))))
		}
	}
	const strange = "\nnot json at all\n{\"Action\":"
	f.Fuzz(func(t *testing.T, fxi uint8, at uint32) {
		i := int(fxi) % len(fixtures)
		fx, text := fixtures[i], texts[i]
		cut := int(at) % (len(text) + 1)
		concept := c.Concept(fx.concept)
		path := concept.Path()
		judge := func(stream string, what string) ([]diagnose.Outcome, *run.Package) {
			res, _ := run.Replay(strings.NewReader(stream))
			require.NotNil(t, res, what)
			assert.Contains(t, strings.Join(res.Packages[""].Output, ""), "not json at all\n", "%s: the line that is not JSON is dropped", what)
			pkg := res.Packages[concept.ImportPath(c.Module)]
			var outs []diagnose.Outcome
			require.NotPanics(t, func() { outs = diagnose.Judge(concept, pkg, root) }, what)
			require.GreaterOrEqual(t, len(outs), len(path), "%s: an outcome for every koan", what)
			for i, o := range outs {
				if i >= len(path) { // a failure no koan carries (a leak no koan started): failed, never passed
					assert.Equal(t, diagnose.Failed, o.State, "%s: outcome %d", what, i)
					continue
				}
				assert.Same(t, path[i], o.Koan, "%s: outcome %d", what, i)
			}
			return outs, pkg
		}
		what := fmt.Sprintf("%s cut at %d", fx.concept, cut)
		outs, pkg := judge(text[:cut]+strange, what)
		for _, o := range outs {
			if o.State == diagnose.Passed {
				assert.Regexp(t, `"Action":"pass","Package":"[^"]*","Test":"`+o.Koan.Name+`"`, text[:cut], "%s: %s passed without go test saying so", what, o.Koan.Name)
			}
		}
		if diagnose.LeakChecked(pkg) {
			assert.True(t, holdsWholeLine(text[:cut], `"Output":"`+report.LeakChecked), "%s: the leak check is done without its whole line", what)
		}
		// Whatever koan stands first in the cut stream, its verdict has a
		// kind of the -json contract.
		if cutRes, _ := run.Replay(strings.NewReader(text[:cut])); cutRes != nil {
			short := &standing.Standing{Course: c, Total: c.Total(), Concepts: []standing.ConceptResult{{
				Concept: concept, Ran: true, Outcomes: diagnose.Judge(concept, cutRes.Packages[concept.ImportPath(c.Module)], root)}}}
			if short.Settle() {
				assert.Contains(t, kind.All, verdict.Of(short, lang.English).Kind, "%s: a verdict without a kind", what)
			}
		}
		if cut == len(text) {
			whole, _ := run.Replay(strings.NewReader(text))
			want := diagnose.Judge(concept, whole.Packages[concept.ImportPath(c.Module)], root)
			got, _ := judge(text+strange, fx.concept+" whole")
			assert.Equal(t, want, got, "%s: the strange lines change the verdict", fx.concept)
		}
	})
}

// holdsWholeLine reports whether a line of text that holds s is a whole
// JSON event.
func holdsWholeLine(text, s string) bool {
	for _, line := range strings.Split(text, "\n") {
		if strings.Contains(line, s) && json.Valid([]byte(line)) {
			return true
		}
	}
	return false
}

// The loud fixture prints more than the runner keeps: its recorded stream,
// replayed, keeps the head and the tail with the cut between them.
func TestLoudOutputIsCutToItsHeadAndTail(t *testing.T) {
	data, err := os.ReadFile(filepath.Join("testdata", "streams", "40_loud_output.jsonl"))
	require.NoError(t, err)
	res, err := run.Replay(bytes.NewReader(data))
	require.NoError(t, err)
	var cut int64
	for _, p := range res.Packages {
		if k := p.Test("TestAKoanThatPrintsALotStillFails"); k != nil {
			for _, l := range k.Output {
				if n, ok := run.CutBytes(l); ok {
					cut = n
				}
			}
			assert.Contains(t, k.Output[len(k.Output)-2], "wanted 1, got 2")
		}
	}
	assert.Positive(t, cut, "no cut in the loud fixture's output")
}

// The -json verdict is a contract (README, internal/render): every failing
// verdict names one of the kinds, never "", and a file and a line where
// one is known; so over every fixture, kind is one of kind.All (and over
// each fixture's stream cut short, a binary that died anywhere: see
// FuzzStrangeOutputIsStillJudged).
func TestEveryVerdictHasAKindOfTheContract(t *testing.T) {
	for _, fx := range fixtures {
		st := walkFixture(t, fx.concept)
		var js bytes.Buffer
		require.NoError(t, verdict.Write(&js, st, lang.English))
		var v struct {
			Status string    `json:"status"`
			Kind   kind.Kind `json:"kind"`
			File   string    `json:"file"`
		}
		require.NoError(t, json.Unmarshal(js.Bytes(), &v), fx.concept)
		assert.Equal(t, "failing", v.Status, fx.concept)
		assert.Contains(t, kind.All, v.Kind, "%s: the verdict's kind %q is not one of the contract's", fx.concept, v.Kind)
		assert.NotEmpty(t, v.File, fx.concept)
	}
}
