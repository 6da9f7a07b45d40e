package verify

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The duplicates fixture: testdata/duplicates/{koans,solutions}. 02_again
// repeats two lessons of 01_locks by the same edits under other names (a
// lock around a write; two deferred calls put in order); its third koan
// (wait instead of sleeping) and its fourth (a second name declared, an
// edit too plain to tell) repeat nothing.
func duplicatesFixture(t *testing.T) *verifier {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	opt := Options{Root: root, Koans: "internal/verify/testdata/duplicates/koans", Solutions: "internal/verify/testdata/duplicates/solutions"}
	opt.defaults()
	koans, sols, err := opt.load()
	require.NoError(t, err)
	return &verifier{opt: opt, r: &Report{}, koans: koans, sols: sols}
}

func TestTwoKoansSolvedByTheSameEditAreReported(t *testing.T) {
	v := duplicatesFixture(t)
	v.sameEdits(v.koans.Concepts)
	k := v.opt.Koans
	assert.Equal(t, []string{
		k + "/02_again/a_again_test.go:15: TestAMutexGuardsAMapToo is solved by the same edit as TestAMutexGuardsACounter (" + k + "/01_locks/a_locks_test.go:10): (nothing) → X.Lock ( ); (nothing) → X.Unlock ( ). One lesson, once: cut one, make it teach what the course lacks, or say in its catalog why the two are two lessons (same_edit = { TestAMutexGuardsACounter = \"why\" })",
		k + "/02_again/a_again_test.go:37: TestDeferredCleanupsRunLastFirst is solved by the same edit as TestDeferredCallsRunLastFirst (" + k + "/01_locks/a_locks_test.go:25): the 2 lines `defer`, `defer` put in another order. One lesson, once: cut one, make it teach what the course lacks, or say in its catalog why the two are two lessons (same_edit = { TestDeferredCallsRunLastFirst = \"why\" })",
	}, problems(v))

	v = duplicatesFixture(t)
	v.sameEdits(v.koans.Concepts[:1])
	assert.Len(t, problems(v), 2, "a pair is reported when either koan's concept is verified")
}

// A pair whose later koan says in its catalog why the two are two lessons
// is not reported; a same_edit without a reason still is.
func TestASameEditExplainedInTheCatalogIsNotReported(t *testing.T) {
	v := duplicatesFixture(t)
	cat := v.koans.Concept("02_again").Catalog
	for i := range cat.Koans {
		switch cat.Koans[i].Name {
		case "TestAMutexGuardsAMapToo":
			cat.Koans[i].SameEdit = map[string]string{"TestAMutexGuardsACounter": "a map, not a counter: the lesson is the map's own rule"}
		case "TestDeferredCleanupsRunLastFirst":
			cat.Koans[i].SameEdit = map[string]string{"TestDeferredCallsRunLastFirst": " "}
		}
	}
	v.sameEdits(v.koans.Concepts)
	ps := problems(v)
	require.Len(t, ps, 1)
	assert.Contains(t, ps[0], "TestDeferredCleanupsRunLastFirst is solved by the same edit")
}

// Names and literals are put aside; what is called, keywords and operators
// stay.
func TestAnEditIsComparedWithoutItsNames(t *testing.T) {
	for _, tc := range []struct{ koan, sol, want string }{
		{"\t// __ (one statement is missing here)", "\tcounter.mu.Lock()", "(nothing) → X.Lock ( )"},
		{"\ttime.Sleep(time.Second) // __ : is a sleep a wait?", "\twg.Wait()", "X.Sleep ( X → X.Wait ("},
		{"\tch := make(chan int /* __ */)", "\tch := make(chan int, len(words))", "(nothing) → , len ( X )"},
		{"\tmu.Lock() // __", "\tmu.RLock()", "X.Lock → X.RLock"},
		{"\tif len(jobs) == 0 { // __", "\tfor len(jobs) == 0 {", "if → for"},
		{"\tstop = true // __", "\tstop.Store(true)", "X = LIT → X.Store ( LIT )"},
		{"\t// __ : the same", "\t// __ : the same", ""},
	} {
		assert.Equal(t, tc.want, editShape(codeTokens(tc.koan), codeTokens(tc.sol)), tc.sol)
	}
	for line, want := range map[string]bool{
		"\tassert.Equal(t, __, got)":                 true,
		"\trequire.Len(t, log, __)":                  true,
		"\tassert.Equal(t, 8000, n) // __ : read it": false,
		"\tch := make(chan int, __)":                 false,
	} {
		assert.Equal(t, want, expectedValue(line), line)
	}
}
