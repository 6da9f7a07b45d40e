package verify

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
)

// The fixture course: testdata/koans and testdata/solutions, two concepts.
// 01_sums is sound but for one koan whose second blank is not needed;
// 02_echoes reuses a test name of 01_sums, has four hints for a koan, a hint
// and a blank's comment that give an answer away, and a README without its
// prerequisites.
const (
	fixtureKoans     = "internal/verify/testdata/koans"
	fixtureSolutions = "internal/verify/testdata/solutions"
)

func fixtureOptions(t *testing.T) Options {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	opt := Options{Root: root, Koans: fixtureKoans, Solutions: fixtureSolutions, Log: func(s string) { t.Log(s) }}
	opt.defaults()
	return opt
}

// fixture is a verifier of the fixture course, with no problem yet.
func fixture(t *testing.T) *verifier {
	t.Helper()
	opt := fixtureOptions(t)
	koans, sols, err := opt.load()
	require.NoError(t, err)
	return &verifier{opt: opt, r: &Report{}, koans: koans, sols: sols}
}

func problems(v *verifier) []string {
	var out []string
	for _, p := range v.r.Problems {
		out = append(out, p.String())
	}
	return out
}

// The whole verification of the fixture course, with go test: each new
// check speaks, and only where it must.
func TestVerifyReportsEveryProblemOfTheFixtureCourse(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test -race on the fixture course")
	}
	rep, err := Verify(context.Background(), fixtureOptions(t))
	require.NoError(t, err)
	var got []string
	for _, p := range rep.Problems {
		got = append(got, p.String())
	}
	k := fixtureKoans
	assert.ElementsMatch(t, []string{
		k + "/02_echoes/a_echoes_test.go:10: TestAReceiveGetsTheValueSent is already the koan at " + k + "/01_sums/a_sums_test.go:34: a test name must be unique across the course",
		k + "/01_sums/a_sums_test.go:30: TestASecondBlankThatIsNotNeeded passes with the blank on line 30 left as shipped: that blank is not needed (or another blank gives its answer away)",
		k + "/02_echoes/catalog.toml: TestAReceiveGetsTheValueSent: has 4 hint(s): write two or three, from gentle to strong",
		k + "/02_echoes/README.md: has no section \"## Prerequisites\": every concept's README.md has ## What you will learn, ## Prerequisites, ## Further reading",
		k + "/02_echoes/README.zh-CN.md: has no section \"## 预备知识\": every concept's README.zh-CN.md has ## 你将学到什么, ## 预备知识, ## 延伸阅读",
		k + "/02_echoes/catalog.toml: TestARangeEndsWhenTheChannelIsClosed: hint 2 contains the solution's text `close(ch)`",
		k + "/02_echoes/catalog.toml: TestARangeEndsWhenTheChannelIsClosed: Chinese hint 2 contains the solution's text `close(ch)`",
		k + "/02_echoes/a_echoes_test.go:21: TestARangeEndsWhenTheChannelIsClosed: the blank's comment contains the solution's text `close(ch)`",
	}, got)
	require.Len(t, rep.Rows, 2)
	assert.False(t, rep.Rows[0].OK, "01_sums has a needless blank")
}

// Each blank line of a multi-blank koan runs once, alone, in a go test of
// its own: the solution with that line as shipped, under -race, the leak
// check included. Single-blank koans are not run.
func TestEveryBlankOfAKoanIsNeeded(t *testing.T) {
	v := fixture(t)
	c := v.koans.Concept("01_sums")
	var runs, vets []string
	v.opt.Go = func(_ context.Context, opt run.Options, pkgs ...string) (*run.Result, error) {
		assert.True(t, opt.Race, "-race")
		vets = append(vets, opt.Vet)
		assert.Equal(t, 1, opt.Count, "-count=1")
		assert.Equal(t, []string{"./" + fixtureSolutions + "/01_sums"}, pkgs)
		koan := strings.Trim(opt.Run, "^$()")
		var ov struct{ Replace map[string]string }
		data, err := os.ReadFile(opt.Overlay)
		require.NoError(t, err)
		require.NoError(t, json.Unmarshal(data, &ov))
		require.Len(t, ov.Replace, 1)
		sol := filepath.Join(v.opt.Root, fixtureSolutions, "01_sums", "a_sums_test.go")
		text, err := os.ReadFile(ov.Replace[sol])
		require.NoError(t, err)
		shipped, err := os.ReadFile(sol)
		require.NoError(t, err)
		changed := diffLines(string(shipped), string(text))
		require.Len(t, changed, 1, "one line put back")
		if opt.Vet == "off" {
			runs = append(runs, koan+":"+changed[0])
		}
		result := "fail"
		if changed[0] == "\t// __ : and check that the sum is even" {
			result = "pass"
		}
		pkg := &run.Package{Result: result, Tests: []*run.Test{{Name: koan, Result: result}}}
		return &run.Result{Packages: map[string]*run.Package{v.sols.Concept("01_sums").ImportPath(v.sols.Module): pkg}}, nil
	}
	var err error
	v.blanks, err = v.runBlanks(context.Background(), []*course.Concept{c})
	require.NoError(t, err)
	v.blanksNeeded(c)
	assert.Equal(t, []string{
		"TestEveryBlankIsNeeded:\t\t// __ : count one",
		"TestASecondBlankThatIsNotNeeded:\t// __ : and check that the sum is even",
	}, runs, "an assertion that expects the blank fails without a run")
	assert.Equal(t, []string{"off", "off", ""}, vets, "a pass is confirmed with vet")
	assert.Equal(t, []string{
		fixtureKoans + "/01_sums/a_sums_test.go:30: TestASecondBlankThatIsNotNeeded passes with the blank on line 30 left as shipped: that blank is not needed (or another blank gives its answer away)",
	}, problems(v))
}

// diffLines returns the lines of b that differ from a's.
func diffLines(a, b string) []string {
	al, bl := strings.Split(a, "\n"), strings.Split(b, "\n")
	var out []string
	for i := range min(len(al), len(bl)) {
		if al[i] != bl[i] {
			out = append(out, bl[i])
		}
	}
	return out
}

// A koan's blanks are in the koan and in the same-file helpers it calls.
func TestBlankLinesIncludeTheHelpersAKoanCalls(t *testing.T) {
	v := fixture(t)
	c := v.koans.Concept("01_sums")
	assert.Equal(t, []int{11, 18}, blankLines(v.opt.Root, c.Koan("TestEveryBlankIsNeeded")))
	assert.Equal(t, []int{29, 30}, blankLines(v.opt.Root, c.Koan("TestASecondBlankThatIsNotNeeded")))
}

func TestATestNameIsUsedOnceInTheCourse(t *testing.T) {
	v := fixture(t)
	v.uniqueNames(v.koans.Concepts[1:])
	assert.Equal(t, []string{
		fixtureKoans + "/02_echoes/a_echoes_test.go:10: TestAReceiveGetsTheValueSent is already the koan at " + fixtureKoans + "/01_sums/a_sums_test.go:34: a test name must be unique across the course",
	}, problems(v))
	v = fixture(t)
	v.koans.Concepts[1].Koans = v.koans.Concepts[1].Koans[1:]
	v.uniqueNames(v.koans.Concepts)
	assert.Empty(t, problems(v))
}

func TestAKoanHasTwoOrThreeHints(t *testing.T) {
	v := fixture(t)
	for _, c := range v.koans.Concepts {
		v.catalog(c, &Row{Kinds: map[kind.Kind]int{}})
	}
	assert.Equal(t, []string{
		fixtureKoans + "/02_echoes/catalog.toml: TestAReceiveGetsTheValueSent: has 4 hint(s): write two or three, from gentle to strong",
	}, problems(v))
	v = fixture(t)
	c := v.koans.Concepts[0]
	c.Catalog.Koans[0].Hints = []string{"only one"}
	c.Catalog.Koans[1].Hints = []string{"one", ""}
	v.catalog(c, &Row{Kinds: map[kind.Kind]int{}})
	assert.Equal(t, []string{
		fixtureKoans + "/01_sums/catalog.toml: TestEveryBlankIsNeeded: has 1 hint(s): write two or three, from gentle to strong",
		fixtureKoans + "/01_sums/catalog.toml: TestEveryBlankIsNeeded: has 2 Chinese hint(s) (hints_zh) for 1 hint(s): each hint needs its Chinese twin, in the same order",
		fixtureKoans + "/01_sums/catalog.toml: TestASecondBlankThatIsNotNeeded: has an empty hint",
	}, problems(v))
}

func TestAConceptReadmeHasItsThreeSections(t *testing.T) {
	v := fixture(t)
	for _, c := range v.koans.Concepts {
		v.readme(c)
	}
	v.readme(&course.Concept{Name: "03_nothing", Dir: fixtureKoans + "/03_nothing"})
	assert.Equal(t, []string{
		fixtureKoans + "/02_echoes/README.md: has no section \"## Prerequisites\": every concept's README.md has ## What you will learn, ## Prerequisites, ## Further reading",
		fixtureKoans + "/02_echoes/README.zh-CN.md: has no section \"## 预备知识\": every concept's README.zh-CN.md has ## 你将学到什么, ## 预备知识, ## 延伸阅读",
		fixtureKoans + "/03_nothing: no README.md: each concept needs one, with the sections ## What you will learn, ## Prerequisites, ## Further reading",
		fixtureKoans + "/03_nothing: no README.zh-CN.md: each concept needs one, with the sections ## 你将学到什么, ## 预备知识, ## 延伸阅读",
	}, problems(v))
}

func TestNoHintNorBlankCommentGivesTheAnswer(t *testing.T) {
	v := fixture(t)
	for _, c := range v.koans.Concepts {
		v.answersHidden(c)
	}
	assert.Equal(t, []string{
		fixtureKoans + "/02_echoes/catalog.toml: TestARangeEndsWhenTheChannelIsClosed: hint 2 contains the solution's text `close(ch)`",
		fixtureKoans + "/02_echoes/catalog.toml: TestARangeEndsWhenTheChannelIsClosed: Chinese hint 2 contains the solution's text `close(ch)`",
		fixtureKoans + "/02_echoes/a_echoes_test.go:21: TestARangeEndsWhenTheChannelIsClosed: the blank's comment contains the solution's text `close(ch)`",
	}, problems(v))
}

// The answer is what the solution has where the koan's line differs, the
// blank's comment and the solution's trailing comment put aside.
func TestTheAnswerIsWhereTheSolutionDiffers(t *testing.T) {
	for _, tc := range []struct{ koan, sol, want string }{
		{"\tassert.Equal(t, __, n)", "\tassert.Equal(t, 1, n)", "1"},
		{"\tfor done < 1000 { // __ : how do the goroutines access done?", "\tfor atomic.LoadInt64(&done) < 1000 {", "atomic.LoadInt64(&done)"},
		{"\tvar n int // __ : a counter", "\tvar n atomic.Int64 // one for all", "atomic.Int64"},
		{"\t// __ : then check the count", "\tassert.Equal(t, int64(8000),   n.Load())", "assert.Equal(t, int64(8000), n.Load())"},
		{"\tch := make(chan int /* __ */)", "\tch := make(chan int, 1)", "1"},
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, []int{1, 2, 3}, got)", "[]int{1, 2, 3}"},
		{"\tx := 0 // __ : \"//\" is not a comment here", "\tx := len(\"//\")", "len(\"//\")"},
		{"\t// __ : the same", "\t// __ : the same", ""},
	} {
		assert.Equal(t, tc.want, answer(tc.koan, tc.sol), tc.koan)
	}
}

// A blank's comment is read without its markers: the * of /* __ */ is no
// answer.
func TestABlankCommentIsReadWithoutItsMarkers(t *testing.T) {
	line := "\tmeasure := func(i int, wg sync.WaitGroup /* __ */) { // __ : or &wg?"
	assert.Equal(t, "*", answer(line, "\tmeasure := func(i int, wg *sync.WaitGroup) {"))
	assert.Equal(t, []string{" __ ", " __ : or &wg?"}, blankComments(line))
}

func TestShortPlainAnswersAreLetThrough(t *testing.T) {
	for ans, want := range map[string]bool{
		"1": false, "true": false, "false": false, "ok": false, "nil": false, "3.5": false, "": false,
		"<-done": true, "wg.Wait()": true, "mu.Lock()": true, "int64": true, "total": true, `"a"`: true, "-1": true,
	} {
		assert.Equal(t, want, hidable(ans), ans)
	}
}

func TestAnAnswerMatchesOnTokenBoundaries(t *testing.T) {
	for _, tc := range []struct {
		text, ans string
		want      bool
	}{
		{"Call `wg.Wait()` before reading.", "wg.Wait()", true},
		{"Call wg.Wait(  ) first", "wg.Wait()", false},
		{"Receive   with <-done\n then", "<-done", true},
		{"The totally wrong total", "total", true},
		{"The totally wrong answer", "total", false},
		{"subtotal", "total", false},
		{"x<-done2", "<-done", false},
		{"use atomic.Int64s", "atomic.Int64", false},
		{"use .Add(1) on it", ".Add(1)", true},
		{"try myclose(ch)", "close(ch)", false},
	} {
		assert.Equal(t, tc.want, containsAnswer(tc.text, tc.ans), "%q in %q", tc.ans, tc.text)
	}
}

func TestABlankThatAnAssertionExpectsNeedsNoRun(t *testing.T) {
	for line, want := range map[string]bool{
		"\tassert.Equal(t, __, got)":              true,
		"\t\trequire.EqualValues(t, __, len(ch))": true,
		"\tassert.NotEqual(t, __, got)":           false,
		"\tassert.Contains(t, __, got)":           false,
		"\tmu.Lock() // __ : which lock?":         false,
	} {
		if got := certainToFail(line); got != want {
			t.Errorf("certainToFail(%q) = %v, want %v", line, got, want)
		}
	}
}

// The gate's fixture course: 01_gate has a koan for any Go and one whose
// file needs Go 1.99, 02_later only a 1.99 koan. verify checks what it can
// of them (the catalog, the mirror, the READMEs), runs none of them, and
// says which it skipped.
func TestVerifySkipsTheKoansANewerGoRunsAndSaysSo(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test -race on the fixture course")
	}
	opt := fixtureOptions(t)
	opt.Koans, opt.Solutions = "internal/verify/testdata/gate/koans", "internal/verify/testdata/gate/solutions"
	rep, err := Verify(context.Background(), opt)
	require.NoError(t, err)
	assert.Empty(t, rep.Problems)
	assert.Equal(t, []Skipped{{Koan: "TestAKoanForALaterGo", Concept: "01_gate", NeedsGo: "1.99"},
		{Koan: "TestAConceptWholeForALaterGo", Concept: "02_later", NeedsGo: "1.99"}}, rep.Skipped)
	var b strings.Builder
	WriteSkipped(&b, rep.Skipped)
	assert.Regexp(t, `^skipped 2 koan\(s\) that need a newer Go than go1\.\d+.*\(run again under it, e\.g\. GOTOOLCHAIN=go1\.99\.0\):
  01_gate/TestAKoanForALaterGo: needs Go 1\.99
  02_later/TestAConceptWholeForALaterGo: needs Go 1\.99
$`, b.String())

	sopt := StressOptions{Options: opt, SolutionRuns: 1, CPU: "1", KoanRuns: 1}
	srep, err := Stress(context.Background(), sopt)
	require.NoError(t, err)
	assert.Empty(t, srep.Flakes, "stress neither runs nor misses the koans this Go leaves out")
	ms, err := Mutate(context.Background(), opt, 1)
	require.NoError(t, err)
	for _, m := range ms {
		assert.Equal(t, "TestABufferedChannelHoldsWhatWasSent", m.Koan, "no mutant of a koan this Go cannot run")
	}
	arep, err := Adversary(context.Background(), AdversaryOptions{Options: opt})
	require.NoError(t, err)
	assert.Len(t, arep.Skipped, 2)
	for _, k := range arep.Koans {
		assert.Equal(t, "TestABufferedChannelHoldsWhatWasSent", k.Koan)
	}
}
