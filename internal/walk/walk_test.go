package walk

import (
	"context"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/state"
	"github.com/gokoans/concurrency/koan"
)

// fakeGo stands in for go test: each koan named in results passes or fails
// as said, and every call is recorded.
type fakeGo struct {
	mu      sync.Mutex
	results map[string]string // test name -> "pass" or "fail"
	calls   []string          // "pkgs|-run", and "|-skip" when one is given
}

func (f *fakeGo) goTest(_ context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
	f.mu.Lock()
	call := strings.Join(pkgs, " ") + "|" + opt.Run
	if opt.Skip != "" {
		call += "|-skip=" + opt.Skip
	}
	f.calls = append(f.calls, call)
	f.mu.Unlock()
	res := &run.Result{Packages: map[string]*run.Package{}}
	match := regexp.MustCompile(".*")
	if opt.Run != "" {
		match = regexp.MustCompile(opt.Run)
	}
	for _, p := range pkgs {
		path := "example.com/course/" + strings.TrimPrefix(p, "./")
		pkg := &run.Package{ImportPath: path, Result: "pass"}
		for _, name := range testsIn(p) {
			if !match.MatchString(name) || opt.Skip != "" && regexp.MustCompile(opt.Skip).MatchString(name) {
				continue
			}
			r := f.results[name]
			pkg.Tests = append(pkg.Tests, &run.Test{Name: name, Result: r, Output: []string{"--- " + r + "\n"}})
			if r == "fail" {
				pkg.Result = "fail"
			}
		}
		// The helper's leak check ran after the tests, as it does when no
		// koan ends the test binary.
		if pkg.Result == "pass" {
			pkg.Output = append(pkg.Output, "PASS\n")
		}
		pkg.Output = append(pkg.Output, koan.LeakCheckedMarker+"\n")
		res.Packages[path] = pkg
	}
	return res, nil
}

var courseTests = map[string][]string{
	"koans/01_first":  {"TestA1", "TestA2"},
	"koans/02_second": {"TestB1", "TestB2", "TestB3", "TestB4"},
}

const helperMainSource = "package p\n\nimport (\n\t\"testing\"\n\n\t\"example.com/course/koan\"\n)\n\nfunc TestMain(m *testing.M) { koan.Main(m) }\n"

func testsIn(pkg string) []string { return courseTests[strings.TrimPrefix(pkg, "./")] }

// writeCourse writes a two-concept course: B2 fails fast (blank), B3 deadlocks.
func writeCourse(t *testing.T) string {
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
			kind := "blank"
			if name == "TestB3" {
				kind = "deadlock"
			}
			cat += "[[koan]]\nname = \"" + name + "\"\nkind = \"" + kind + "\"\nhints = [\"h\"]\n"
		}
		write(dir+"/a_test.go", src)
		write(dir+"/main_test.go", helperMainSource)
		write(dir+"/catalog.toml", cat)
	}
	return root
}

func TestAFirstWalkStopsAtTheFirstFailingKoan(t *testing.T) {
	root := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "fail", "TestB3": "fail", "TestB4": "fail"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	require.NotNil(t, st.Current)
	assert.Equal(t, "TestB2", st.Current.Koan.Name)
	assert.Equal(t, 3, st.Passed)
	assert.Equal(t, 6, st.Total)
	assert.Equal(t, []string{"./koans/01_first|", "./koans/02_second|"}, f.calls)
	pos := state.Of(root).Position("koans")
	assert.Equal(t, "02_second", pos.Concept)
	assert.Equal(t, "TestB2", pos.Koan)
	assert.False(t, pos.Verified.IsZero())
}

// The next save does not ask go test about the concepts before the current
// one again while none of their files has changed; an edit there does.
func TestPassedConceptsAreNotRunAgainUntilTheyChange(t *testing.T) {
	root := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "fail", "TestB2": "fail", "TestB3": "fail", "TestB4": "fail"}}
	_, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)

	f.calls = nil
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/02_second|^(TestB1|TestB2)$"}, f.calls)
	assert.Equal(t, 2, st.Passed, "the concept before still counts as passed")

	future := time.Now().Add(time.Minute)
	require.NoError(t, os.Chtimes(filepath.Join(root, "koans", "01_first", "a_test.go"), future, future))
	f.calls = nil
	_, err = Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Contains(t, f.calls, "./koans/01_first|")
}

// After a save, the current concept runs only up to the current koan, and
// the next one if it fails fast; the earlier concepts are checked beside it.
func TestASaveRunsOnlyUpToTheCurrentKoan(t *testing.T) {
	root := writeCourse(t)
	state.Of(root).SetPosition("koans", position{Concept: "02_second", Koan: "TestB1"})
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "fail", "TestB2": "fail", "TestB3": "fail", "TestB4": "fail"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, "TestB1", st.Current.Koan.Name)
	assert.ElementsMatch(t, []string{"./koans/01_first|", "./koans/02_second|^(TestB1|TestB2)$"}, f.calls,
		"TestB2 fails fast and comes along; TestB3 would deadlock and does not")
}

// When the current koan now passes and so does the next, the rest of the
// package runs (every test but those, so that a test that is not a koan is
// not left out), and the verdicts of the first part stand.
func TestWhenTheCurrentKoanPassesTheRestRuns(t *testing.T) {
	root := writeCourse(t)
	state.Of(root).SetPosition("koans", position{Concept: "02_second", Koan: "TestB1"})
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "pass", "TestB3": "fail", "TestB4": "fail"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, "TestB3", st.Current.Koan.Name)
	assert.Equal(t, 4, st.Passed)
	assert.Contains(t, f.calls, "./koans/02_second||-skip=^(TestB1|TestB2)$")
}

// A look ahead (an engine run of a selection) runs what it asked for,
// wherever the learner's saved position is, and leaves that position.
func TestALookAheadIgnoresTheLearnersPosition(t *testing.T) {
	root := writeCourse(t)
	state.Of(root).SetPosition("koans", position{Concept: "02_second", Koan: "TestB1"})
	f := &fakeGo{results: map[string]string{"TestB1": "fail", "TestB2": "fail", "TestB3": "fail", "TestB4": "fail"}}
	st, err := Ahead(context.Background(), Options{Root: root, Go: f.goTest}, "TestB3")
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/02_second|^TestB3$"}, f.calls)
	assert.Equal(t, "TestB3", st.Current.Koan.Name)
	assert.Equal(t, position{Concept: "02_second", Koan: "TestB1"}, state.Of(root).Position("koans"), "the learner's position is not changed")
}

// A learner who breaks an earlier concept is sent back to it.
func TestABrokenEarlierConceptComesFirst(t *testing.T) {
	root := writeCourse(t)
	state.Of(root).SetPosition("koans", position{Concept: "02_second", Koan: "TestB1"})
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "fail", "TestB1": "fail"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, "TestA2", st.Current.Koan.Name)
}

func TestAllRunsEveryConceptInOneCall(t *testing.T) {
	root := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "fail"}}
	st, err := All(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/01_first ./koans/02_second|"}, f.calls)
	assert.True(t, st.Concepts[1].Ran)
}

// A concept of the course whose main_test.go was deleted is not run (its
// blank would be undefined, its leaks unjudged): it is missing, by name.
func TestAConceptWithoutTheHelpersTestMainIsMissingByName(t *testing.T) {
	root := writeCourse(t)
	require.NoError(t, os.Remove(filepath.Join(root, "koans/02_second/main_test.go")))
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	require.NotNil(t, st.Current)
	assert.Equal(t, kind.Missing, st.Current.Failure.Kind)
	assert.Equal(t, "koans/02_second/main_test.go", st.Current.Failure.File)
	assert.Contains(t, st.Current.Failure.Headline.String(), "koans/02_second/main_test.go is missing")
	assert.Equal(t, 6, st.Total)
	assert.Equal(t, []string{"./koans/01_first|"}, f.calls, "02 is not run")
}

// A deleted concept directory does not shrink the path: its solution says
// what it held, and the walk stops there.
func TestADeletedConceptIsMissingAndStillCounts(t *testing.T) {
	root := writeCourse(t)
	require.NoError(t, os.CopyFS(filepath.Join(root, "solutions"), os.DirFS(filepath.Join(root, "koans"))))
	require.NoError(t, os.RemoveAll(filepath.Join(root, "koans/02_second")))
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	require.NotNil(t, st.Current)
	assert.Equal(t, kind.Missing, st.Current.Failure.Kind)
	assert.Equal(t, "koans/02_second", st.Current.Failure.File)
	assert.Equal(t, 6, st.Total, "the deleted concept's koans still count")
	assert.Equal(t, 2, st.Passed)

	require.NoError(t, os.RemoveAll(filepath.Join(root, "koans/01_first")))
	st, err = Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	require.NotNil(t, st.Current, "no concept left is not enlightenment")
	assert.Equal(t, "koans/01_first", st.Current.Failure.File)
}

// A catalog that does not parse stops the walk with its file and line,
// when the walk gets there: a learner at an earlier concept walks on.
func TestABrokenCatalogIsAnErrorAtItsLine(t *testing.T) {
	root := writeCourse(t)
	p := filepath.Join(root, "koans/02_second/catalog.toml")
	data, err := os.ReadFile(p)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(p, append(data, "[[koan]\nname = \"x\"\n"...), 0o644))
	st, err := Walk(context.Background(), Options{Root: root, Go: (&fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "fail"}}).goTest})
	require.NoError(t, err, "the broken catalog is beyond where the learner stands")
	require.NotNil(t, st.Current)
	assert.Equal(t, "TestA2", st.Current.Koan.Name)

	_, err = Walk(context.Background(), Options{Root: root, Go: (&fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass"}}).goTest})
	require.Error(t, err)
	assert.Regexp(t, `^koans/02_second/catalog.toml:\d+: `, err.Error())
}

// A plain go test package (no catalog, no TestMain) gets the helper's
// TestMain through -overlay, its own files untouched; a catalog's timeout
// raises the binary's deadline.
func TestAPlainPackageGetsTheHelperThroughAnOverlay(t *testing.T) {
	root := writeCourse(t)
	require.NoError(t, os.Remove(filepath.Join(root, "koans/02_second/main_test.go")))
	require.NoError(t, os.Remove(filepath.Join(root, "koans/02_second/catalog.toml")))
	cat := filepath.Join(root, "koans/01_first/catalog.toml")
	data, err := os.ReadFile(cat)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(cat, append([]byte("timeout = \"9s\"\n"), data...), 0o644))
	var opts []run.Options
	var mu sync.Mutex
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "fail"}}
	spy := func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
		mu.Lock()
		opts = append(opts, opt)
		mu.Unlock()
		return f.goTest(ctx, opt, pkgs...)
	}
	_, err = Walk(context.Background(), Options{Root: root, Go: spy})
	require.NoError(t, err)
	require.Len(t, opts, 2)
	assert.Equal(t, 9*time.Second, opts[0].Timeout)
	assert.Empty(t, opts[0].Overlay, "01 has the helper's TestMain")
	assert.Equal(t, engine.DefaultTimeout, opts[1].Timeout)
	require.NotEmpty(t, opts[1].Overlay)
	ov, err := os.ReadFile(opts[1].Overlay)
	require.NoError(t, err)
	assert.Contains(t, string(ov), filepath.Join(root, "koans/02_second", "zz_koan_helper_main_test.go"))
	src, err := os.ReadFile(filepath.Join(root, ".koans/overlay/koans_02_second_main_test.go"))
	require.NoError(t, err)
	assert.Contains(t, string(src), "package p\n")
	assert.Contains(t, string(src), "func TestMain(m *testing.M) { koan.Main(m) }")
	_, err = os.Stat(filepath.Join(root, "koans/02_second", "zz_koan_helper_main_test.go"))
	assert.True(t, os.IsNotExist(err), "the package's directory is untouched")
}

// KOAN_TIMEOUT is the variable's old name: still read, when the new one is
// not set; the new one wins over it.
func TestKOANSTIMEOUTStillReadsItsOldName(t *testing.T) {
	t.Setenv("KOANS_TIMEOUT", "")
	t.Setenv("KOAN_TIMEOUT", "off")
	assert.Equal(t, NoTimeout, TimeoutFromEnv())
	t.Setenv("KOAN_TIMEOUT", "30s")
	assert.Equal(t, 30*time.Second, TimeoutFromEnv())
	t.Setenv("KOANS_TIMEOUT", "1m")
	assert.Equal(t, time.Minute, TimeoutFromEnv())
}

func TestKOANSTIMEOUTSetsOrLiftsTheDeadline(t *testing.T) {
	t.Setenv("KOANS_TIMEOUT", "30s")
	assert.Equal(t, 30*time.Second, TimeoutFromEnv())
	t.Setenv("KOANS_TIMEOUT", "off")
	assert.Equal(t, NoTimeout, TimeoutFromEnv())
	t.Setenv("KOANS_TIMEOUT", "0")
	assert.Equal(t, NoTimeout, TimeoutFromEnv())
	t.Setenv("KOANS_TIMEOUT", "soon")
	assert.Equal(t, time.Duration(0), TimeoutFromEnv())
}

// The saved position records the Go release and the race mode that judged
// it: under another Go, the concepts before are judged again.
func TestAnotherGoJudgesThePassedConceptsAgain(t *testing.T) {
	root := writeCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "fail"}}
	_, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	pos := state.Of(root).Position("koans")
	assert.Equal(t, goJudging(), pos.Go)
	assert.True(t, pos.Race)

	pos.Go = "go1.0"
	state.Of(root).SetPosition("koans", pos)
	f.calls = nil
	_, err = Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Contains(t, f.calls, "./koans/01_first|", "01 is judged again")
}

// A race koan that just turned green runs once more, afresh, on its own:
// a race the second run finds stands. The current concept is never taken
// from go test's cache.
func TestARaceKoanThatTurnsGreenIsConfirmedAfresh(t *testing.T) {
	root := writeCourse(t)
	cat := filepath.Join(root, "koans/02_second/catalog.toml")
	data, err := os.ReadFile(cat)
	require.NoError(t, err)
	require.NoError(t, os.WriteFile(cat, []byte(strings.Replace(string(data), "name = \"TestB1\"\nkind = \"blank\"", "name = \"TestB1\"\nkind = \"race\"", 1)), 0o644))
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "fail", "TestB2": "fail"}}
	_, err = Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)

	var b1Runs int
	var counts []int
	lucky := func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
		counts = append(counts, opt.Count)
		if regexp.MustCompile(opt.Run).MatchString("TestB1") && (opt.Skip == "" || !regexp.MustCompile(opt.Skip).MatchString("TestB1")) {
			b1Runs++
			f.results["TestB1"] = map[bool]string{true: "pass", false: "fail"}[b1Runs == 1]
		}
		return f.goTest(ctx, opt, pkgs...)
	}
	st, err := Walk(context.Background(), Options{Root: root, Go: lucky})
	require.NoError(t, err)
	assert.Equal(t, 2, b1Runs, "run, then confirmed")
	require.NotNil(t, st.Current)
	assert.Equal(t, "TestB1", st.Current.Koan.Name, "the race found by the second run stands")
	for _, c := range counts {
		assert.Equal(t, 1, c, "-count=1 for the current concept")
	}
}

// A package with a TestMain of its own runs as it is; its failures say
// that no leak check and no hang guard ran.
func TestAPackageWithItsOwnTestMainSaysNoLeakCheckRan(t *testing.T) {
	root := writeCourse(t)
	require.NoError(t, os.Remove(filepath.Join(root, "koans/02_second/catalog.toml")))
	require.NoError(t, os.WriteFile(filepath.Join(root, "koans/02_second/main_test.go"),
		[]byte("package p\n\nimport (\n\t\"os\"\n\t\"testing\"\n)\n\nfunc TestMain(m *testing.M) { os.Exit(m.Run()) }\n"), 0o644))
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "fail"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	require.NotNil(t, st.Current)
	assert.Equal(t, "TestB1", st.Current.Koan.Name)
	var details []string
	for _, d := range st.Current.Failure.Details {
		details = append(details, d.String())
	}
	assert.Contains(t, strings.Join(details, "\n"), "no leak check and no hang guard ran")
}

// writeGatedCourse is writeCourse with koans that need Go 1.99: one more in
// 01_first, and a third concept of them alone. No go at hand runs them:
// the fake go test, like a real one, never sees their tests.
func writeGatedCourse(t *testing.T) string {
	root := writeCourse(t)
	write := func(name, text string) {
		require.NoError(t, os.MkdirAll(filepath.Dir(filepath.Join(root, name)), 0o755))
		require.NoError(t, os.WriteFile(filepath.Join(root, name), []byte(text), 0o644))
	}
	gated := "//go:build go1.99\n\npackage p\n\nimport \"testing\"\n\nfunc %s(t *testing.T) {}\n"
	write("koans/01_first/b_test.go", strings.Replace(gated, "%s", "TestA3", 1))
	write("koans/03_later/a_test.go", strings.Replace(gated, "%s", "TestC1", 1))
	write("koans/03_later/main_test.go", helperMainSource)
	entry := func(name string) string {
		return "[[koan]]\nname = \"" + name + "\"\nkind = \"blank\"\ngo = \"1.99\"\nhints = [\"h\"]\n"
	}
	cat, err := os.ReadFile(filepath.Join(root, "koans/01_first/catalog.toml"))
	require.NoError(t, err)
	write("koans/01_first/catalog.toml", string(cat)+entry("TestA3"))
	write("koans/03_later/catalog.toml", entry("TestC1"))
	return root
}

// On a Go older than a koan needs, the walk passes over it: never passed,
// never the current koan, not in the total; a concept of such koans alone
// is not run at all (go test would find no file to build in it).
func TestAKoanThatNeedsANewerGoIsPassedOver(t *testing.T) {
	root := writeGatedCourse(t)
	f := &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "pass", "TestB1": "pass", "TestB2": "pass", "TestB3": "pass", "TestB4": "pass"}}
	st, err := Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Nil(t, st.Current, "every koan this Go runs passes")
	assert.Equal(t, 6, st.Passed)
	assert.Equal(t, 6, st.Total, "the total is what this Go can run")
	var names []string
	for _, k := range st.NeedNewerGo {
		names = append(names, k.Name)
	}
	assert.Equal(t, []string{"TestA3", "TestC1"}, names)
	assert.Equal(t, []string{"./koans/01_first|", "./koans/02_second|"}, f.calls, "03_later is not run")

	// Stopped at TestB2, then a save: 01 has not changed and is not asked
	// again, and its TestA3 is still not passed.
	f.results["TestB2"] = "fail"
	_, err = Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	f.calls = nil
	st, err = Walk(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, []string{"./koans/02_second|^(TestB1|TestB2)$"}, f.calls)
	assert.Equal(t, 3, st.Passed)
	assert.Equal(t, "TestB2", st.Current.Koan.Name)

	f = &fakeGo{results: map[string]string{"TestA1": "pass", "TestA2": "fail"}}
	st, err = All(context.Background(), Options{Root: root, Go: f.goTest})
	require.NoError(t, err)
	assert.Equal(t, "TestA2", st.Current.Koan.Name)
	saved, _, ok, err := Saved(root, "koans")
	require.NoError(t, err)
	require.True(t, ok)
	assert.Equal(t, 6, saved.Total)
	assert.Len(t, saved.NeedNewerGo, 2)
}

// A look ahead at a koan (or a concept) this Go cannot run says so, rather
// than find that it holds.
func TestALookAheadAtAKoanForANewerGoSaysItCannotRun(t *testing.T) {
	root := writeGatedCourse(t)
	f := &fakeGo{results: map[string]string{}}
	for _, name := range []string{"TestA3", "03_later"} {
		_, err := Ahead(context.Background(), Options{Root: root, Go: f.goTest}, name)
		require.Error(t, err)
		assert.Contains(t, err.Error(), name+" needs Go 1.99, and this is go1.")
	}
	assert.Empty(t, f.calls)
}
