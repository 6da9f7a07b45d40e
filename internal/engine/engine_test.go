package engine

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/koan/report"
)

// fakeGo stands in for go test over the course writeCourse writes: each
// test named in results passes ("pass"), fails ("fail"), ends the test
// binary ("crash": the tests after it never start, no leak check), or
// passes in a run that never reaches its leak check ("noleak"). Every call
// is recorded as "pkgs|-run".
type fakeGo struct {
	mu      sync.Mutex
	results map[string]string
	calls   []string
}

func (f *fakeGo) goTest(_ context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	f.calls = append(f.calls, strings.Join(pkgs, " ")+"|"+opt.Run)
	res := &run.Result{Packages: map[string]*run.Package{}}
	match := regexp.MustCompile(opt.Run)
	for _, p := range pkgs {
		dir := strings.TrimPrefix(p, "./")
		pkg := &run.Package{ImportPath: "example.com/course/" + dir, Result: "pass"}
		res.Packages[pkg.ImportPath] = pkg
		checked := true
		for _, name := range courseTests[dir] {
			if !match.MatchString(name) {
				continue
			}
			t := &run.Test{Name: name, Result: f.results[name]}
			pkg.Tests = append(pkg.Tests, t)
			switch t.Result {
			case "fail":
				pkg.Result, t.Output = "fail", []string{"--- FAIL: " + name + "\n"}
			case "noleak":
				t.Result, checked = "pass", false
			case "crash":
				t.Result, pkg.Result = "", "fail"
				t.Output = []string{"panic: boom\n", "\n", "goroutine 7 [running]:\n", "example.com/course/" + dir + "." + name + "(0xc000010000)\n", "\t/x/" + dir + "/a_test.go:5 +0x1d\n"}
				pkg.Output = []string{"FAIL\texample.com/course/" + dir + "\t0.01s\n"}
			}
			if t.Result == "" {
				break // the binary is gone: no later test, no leak check
			}
		}
		if pkg.Result == "pass" {
			pkg.Output = append(pkg.Output, "PASS\n")
		}
		if checked && (pkg.Tests == nil || pkg.Tests[len(pkg.Tests)-1].Result != "") {
			pkg.Output = append(pkg.Output, report.LeakChecked+"\n")
		}
	}
	return res, nil
}

var courseTests = map[string][]string{
	"koans/01_first":  {"TestA1", "TestA2"},
	"koans/02_second": {"TestB1", "TestB2", "TestB3", "TestB4"},
}

// writeCourse writes a two-concept course whose packages run under the
// koan helper's TestMain, and loads it.
func writeCourse(t *testing.T) *course.Course {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	write("go.mod", "module example.com/course\n")
	for dir, tests := range courseTests {
		src := "package p\n\nimport \"testing\"\n"
		cat := ""
		for _, name := range tests {
			src += "\nfunc " + name + "(t *testing.T) {}\n"
			cat += "[[koan]]\nname = \"" + name + "\"\nkind = \"blank\"\nhints = [\"h\"]\n"
		}
		write(dir+"/a_test.go", src)
		write(dir+"/main_test.go", "package p\n\nimport (\n\t\"testing\"\n\n\t\"example.com/course/koan\"\n)\n\nfunc TestMain(m *testing.M) { koan.Main(m) }\n")
		write(dir+"/catalog.toml", cat)
	}
	c, err := course.Load(root, "koans")
	require.NoError(t, err)
	return c
}

// states says each koan's state, as "TestA1 passed".
func states(results []standing.ConceptResult) []string {
	var out []string
	for _, cr := range results {
		for _, o := range cr.Outcomes {
			s := o.Koan.Name + " " + o.State.String()
			if o.Failure != nil && o.State == diagnose.Failed {
				s += fmt.Sprintf(" (%s)", o.Failure.Kind)
			}
			out = append(out, s)
		}
	}
	return out
}

// A selection of several concepts is one go test call over their
// packages, and the results come back in the selection's order.
func TestASelectionRunsInOneGoTestCall(t *testing.T) {
	c := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "fail", "TestB3": "pass", "TestB4": "pass"}}
	e := New(c, Options{Go: f.goTest, OverlayDir: t.TempDir()})
	results, err := e.Run(context.Background(), Selection{Concepts: []*course.Concept{c.Concepts[1], c.Concepts[0]}})
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/02_second ./koans/01_first|"}, f.calls)
	assert.Equal(t, []string{"TestB1 passed", "TestB2 failed (assert)", "TestB3 passed", "TestB4 passed", "TestA1 passed", "TestA2 passed"}, states(results))
}

// A koan that ends the test binary leaves the passes before it without a
// leak check: they run again, alone in a new call with only the package
// that crashed. The koans after it stay not run: a walk stops at the crash.
func TestThePassesACrashKeptFromTheLeakCheckRunAgain(t *testing.T) {
	c := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "crash", "TestB3": "fail", "TestB4": "pass"}}
	e := New(c, Options{Go: f.goTest, OverlayDir: t.TempDir()})
	results, err := e.Run(context.Background(), Selection{Concepts: c.Concepts})
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/01_first ./koans/02_second|", "./koans/02_second|^(TestB1)$"}, f.calls)
	got := states(results)
	assert.Equal(t, []string{"TestA1 passed", "TestA2 passed", "TestB1 passed"}, got[:3])
	assert.Equal(t, []string{"TestB3 not run", "TestB4 not run"}, got[4:])
	assert.True(t, results[1].Outcomes[1].Failure.EndsRun(), "the crash is the failure: %s", got[3])
}

// With Each, every selected koan gets a verdict of its own: the package
// that crashed runs again with the koans its crash kept from running and
// the passes it left unchecked, not with the koans already judged, and
// again until a round judges nothing new.
func TestEachRunsACrashedPackageAgainWithoutWhatWasJudged(t *testing.T) {
	c := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "crash", "TestB3": "crash", "TestB4": "fail"}}
	e := New(c, Options{Go: f.goTest, OverlayDir: t.TempDir()})
	results, err := e.Run(context.Background(), Selection{Concepts: c.Concepts, Each: true})
	require.NoError(t, err)
	assert.Equal(t, []string{
		"./koans/01_first ./koans/02_second|",
		"./koans/02_second|^(TestB1|TestB3|TestB4)$",
		"./koans/02_second|^(TestB1|TestB4)$",
	}, f.calls)
	got := states(results)
	assert.Equal(t, "TestB1 passed", got[2])
	assert.Contains(t, got[3], "TestB2 failed")
	assert.Contains(t, got[4], "TestB3 failed")
	assert.Equal(t, "TestB4 failed (assert)", got[5])
}

// A koan that passes but whose run never reaches the leak check, even
// alone, is not passed: its verdict says the runner cannot tell.
func TestAPassThatNeverReachesTheLeakCheckIsNotAPass(t *testing.T) {
	c := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "noleak", "TestA2": "pass"}}
	e := New(c, Options{Go: f.goTest, OverlayDir: t.TempDir()})
	results, err := e.Run(context.Background(), Selection{Concepts: c.Concepts[:1]})
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/01_first|", "./koans/01_first|^(TestA1|TestA2)$", "./koans/01_first|^(TestA1)$", "./koans/01_first|^(TestA2)$"}, f.calls)
	assert.Equal(t, []string{"TestA1 failed (fatal)", "TestA2 passed"}, states(results), "alone, TestA2 reaches its leak check")
}

// go test that refuses -race is asked again without it, and the engine
// says so (and that it builds without it); race koans that passed are then
// not judged.
func TestWithoutCgoTheEngineRunsWithoutRace(t *testing.T) {
	c := writeCourse(t)
	c.Concepts[0].Koans[0].Kind = kind.Race
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass"}}
	var races, said []bool
	e := New(c, Options{OverlayDir: t.TempDir(), Waiting: func(race bool) { said = append(said, race) }, Go: func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
		races = append(races, opt.Race)
		opt.Waiting() // go test is slow to start: the engine says it builds, and how
		if opt.Race {
			return &run.Result{}, run.ErrNoRace
		}
		return f.goTest(ctx, opt, pkgs...)
	}})
	results, err := e.Run(context.Background(), Selection{Concepts: c.Concepts[:1]})
	require.NoError(t, err)
	assert.Equal(t, []bool{true, false}, races)
	assert.Equal(t, []bool{true, false}, said, "the second build is said to be without the race detector")
	assert.False(t, e.Race())
	assert.True(t, results[0].Outcomes[0].Unjudged, "a race koan is not judged without -race")
}

// A recorded stream, replayed through the Go hook: a leak koan passes in a
// run that a later koan's panic ends before the leak check; the engine runs
// it again, alone and without vet, and the leak is found.
func TestARecordedCrashIsRecheckedFromItsStreams(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	streams := filepath.Join(root, "internal/diagnose/testdata/streams")
	replay := func(_ context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
		name := "17_leak_then_crash"
		if opt.Run != "" {
			name += ".rerun"
		}
		want, err := os.ReadFile(filepath.Join(streams, name+".args"))
		require.NoError(t, err)
		assert.Equal(t, string(want), strings.Join(run.Args(opt, pkgs...), " ")+"\n")
		data, err := os.ReadFile(filepath.Join(streams, name+".jsonl"))
		require.NoError(t, err)
		return run.Replay(strings.NewReader(strings.ReplaceAll(string(data), "$ROOT", root)))
	}
	e, err := Load(root, "internal/diagnose/testdata/koans", Options{Tags: "koanfixture", Go: replay})
	require.NoError(t, err)
	results, err := e.Run(context.Background(), Selection{Concepts: []*course.Concept{e.Course.Concept("17_leak_then_crash")}})
	require.NoError(t, err)
	assert.Equal(t, []string{"TestALeakComesFirst failed (leak)", "TestAPanicEndsTheRunBeforeTheLeakCheck failed (panic)"}, states(results))
}

// A package whose catalog asks for a longer deadline runs in a go test call
// of its own, beside the others': the deadline is part of a koan's verdict.
func TestAPackageWithALongerDeadlineRunsInACallOfItsOwn(t *testing.T) {
	c := writeCourse(t)
	c.Concepts[1].Timeout = 15 * time.Second
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "pass", "TestB3": "pass", "TestB4": "pass"}}
	var mu sync.Mutex
	timeouts := map[string]time.Duration{}
	e := New(c, Options{OverlayDir: t.TempDir(), Go: func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
		mu.Lock()
		timeouts[strings.Join(pkgs, " ")] = opt.Timeout
		mu.Unlock()
		return f.goTest(ctx, opt, pkgs...)
	}})
	results, err := e.Run(context.Background(), Selection{Concepts: c.Concepts})
	require.NoError(t, err)
	assert.Equal(t, map[string]time.Duration{"./koans/01_first": DefaultTimeout, "./koans/02_second": 15 * time.Second}, timeouts)
	assert.Equal(t, []string{"TestA1 passed", "TestA2 passed", "TestB1 passed", "TestB2 passed", "TestB3 passed", "TestB4 passed"}, states(results))
}
