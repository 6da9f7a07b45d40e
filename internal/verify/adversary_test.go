package verify

import (
	"context"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
)

// The adversary's fixture course, testdata/adversary: 01_holes has a koan
// a declared wrong answer passes (and whose other declared answer names
// text that is not there), one a return at its blank passes, a "race"
// koan a sleep passes, and one where every wrong answer fails.
const (
	holesKoans     = "internal/verify/testdata/adversary/koans"
	holesSolutions = "internal/verify/testdata/adversary/solutions"
	holesFile      = holesSolutions + "/01_holes/a_holes_test.go"
	holesCatalog   = holesKoans + "/01_holes/catalog.toml"
)

func holes(t *testing.T) *verifier {
	t.Helper()
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	opt := Options{Root: root, Koans: holesKoans, Solutions: holesSolutions, Log: func(s string) { t.Log(s) }}
	opt.defaults()
	koans, sols, err := opt.load()
	require.NoError(t, err)
	return &verifier{opt: opt, r: &Report{}, koans: koans, sols: sols}
}

// The edits each koan of 01_holes is tried with, without running them.
func TestTheWrongAnswersOfAKoanAreItsDeclaredAndGenericOnes(t *testing.T) {
	v := holes(t)
	c, sc := v.koans.Concept("01_holes"), v.sols.Concept("01_holes")
	edits := func(name string) []string {
		k := c.Koan(name)
		var out []string
		e, _ := c.Entry(name)
		for _, w := range e.Wrong {
			d, problem := declared(v.opt.Root, k, sc, c.Catalog.File, w)
			if problem != "" {
				out = append(out, "not applied: "+problem)
				continue
			}
			out = append(out, d.source+": "+d.edit)
		}
		for _, g := range generic(v.opt.Root, k, sc) {
			out = append(out, g.source+": "+g.edit)
		}
		return out
	}
	assert.Equal(t, []string{
		"declared: " + holesFile + ":16 `mu.Lock(); n++; mu.Unlock()` put `n++` in place of it",
		`not applied: its find "wg.Wait()" is not in TestADeclaredWrongAnswerPasses's function in ` + holesFile + " (nor in the functions of that file it calls): find is whole lines of the solution, each trimmed (a trailing comment may be left out)",
		"other argument: " + holesFile + ":19 the blank filled with what it is compared with, `n`",
	}, edits("TestADeclaredWrongAnswerPasses"))
	assert.Equal(t, []string{
		"return: " + holesFile + ":25 `return` in place of `got++`",
	}, edits("TestAReturnAtTheBlankPasses"), "no sleep: an assert koan")
	assert.Equal(t, []string{
		"return: " + holesFile + ":37 `return` in place of `<-done`",
		"sleep: " + holesFile + ":37 `time.Sleep(50 * time.Millisecond)` in place of `<-done`",
		"sleep: " + holesFile + ":37 `time.Sleep(time.Second)` in place of `<-done`",
	}, edits("TestASleepPassesThisRaceKoan"))

	// The variants are the solution with that one answer in place, and
	// "time" imported where a sleep needs it.
	k := c.Koan("TestASleepPassesThisRaceKoan")
	vs := generic(v.opt.Root, k, sc)
	sol := course.SourceLines(v.opt.Root, holesFile)
	assert.Equal(t, []string{"import (", "\t\"time\"", "\t\"sync\""}, vs[1].lines[2:5])
	assert.Equal(t, "\ttime.Sleep(50 * time.Millisecond)", vs[1].lines[37])
	assert.Equal(t, len(sol)+1, len(vs[1].lines))
	assert.Equal(t, "\treturn", vs[0].lines[36])
	d, _ := declared(v.opt.Root, c.Koan("TestADeclaredWrongAnswerPasses"), sc, c.Catalog.File, c.Catalog.Koans[0].Wrong[0])
	assert.Equal(t, []string{"\tn := 0", "\tn++", "\tassert.Equal(t, 1, n)"}, d.lines[14:17])
}

// verify's static check of the wrong answers: each find names one place,
// and a koan judged by a detector declares at least one.
func TestEveryDetectorKoanDeclaresAWrongAnswerThatNamesOnePlace(t *testing.T) {
	v := holes(t)
	row := Row{Kinds: map[kind.Kind]int{}}
	v.wrongAnswers(v.koans.Concept("01_holes"), &row)
	assert.Equal(t, []string{
		holesCatalog + ":18: TestADeclaredWrongAnswerPasses: its find \"wg.Wait()\" is not in TestADeclaredWrongAnswerPasses's function in " + holesFile + " (nor in the functions of that file it calls): find is whole lines of the solution, each trimmed (a trailing comment may be left out)",
		holesKoans + "/01_holes/a_holes_test.go:33: TestASleepPassesThisRaceKoan is judged by a detector (race) but its catalog entry declares no wrong answer: add a [[koan.wrong]] with the answer a learner would try, which the detector must catch",
	}, problems(v))
	assert.Equal(t, 3, row.Wrong)
}

// The adversary builds and runs each wrong answer and reports the holes:
// the declared answer that passes, the return, the sleeps, the find that
// is not there; the blank filled with the other argument is information.
// The sound koan's answers fail every run.
func TestTheAdversaryReportsEveryHoleOfTheFixture(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the fixture's wrong answers under -race")
	}
	v := holes(t)
	rep, err := Adversary(context.Background(), AdversaryOptions{Options: v.opt, CPUs: []int{1, 2}})
	require.NoError(t, err)
	var got []string
	for _, p := range rep.Problems {
		if strings.Contains(p.What, "_zh") {
			continue // the fixture has no Chinese twins: twins_test.go's subject
		}
		got = append(got, p.String())
	}
	assert.ElementsMatch(t, []string{
		holesCatalog + ":18: TestADeclaredWrongAnswerPasses: a wrong answer cannot be tried: its find \"wg.Wait()\" is not in TestADeclaredWrongAnswerPasses's function in " + holesFile + " (nor in the functions of that file it calls): find is whole lines of the solution, each trimmed (a trailing comment may be left out)",
		holesCatalog + ":10: TestADeclaredWrongAnswerPasses passes with the wrong answer " + holesFile + ":16 `mu.Lock(); n++; mu.Unlock()` put `n++` in place of it: it passed 2 of 2 runs at -cpu 1,2; every run must fail (why it is wrong: Without the lock the increment races (but nothing runs beside it here).)",
		holesKoans + "/01_holes/a_holes_test.go:25: TestAReturnAtTheBlankPasses passes with the generic wrong answer " + holesFile + ":25 `return` in place of `got++`: it passed 2 of 2 runs at -cpu 1,2; every run must fail",
		holesKoans + "/01_holes/a_holes_test.go:37: TestASleepPassesThisRaceKoan passes with the generic wrong answer " + holesFile + ":37 `return` in place of `<-done`: it passed 2 of 2 runs at -cpu 1,2; every run must fail",
		holesKoans + "/01_holes/a_holes_test.go:37: TestASleepPassesThisRaceKoan passes with the generic wrong answer " + holesFile + ":37 `time.Sleep(50 * time.Millisecond)` in place of `<-done`: it passed 2 of 2 runs at -cpu 1,2; every run must fail",
		holesKoans + "/01_holes/a_holes_test.go:37: TestASleepPassesThisRaceKoan passes with the generic wrong answer " + holesFile + ":37 `time.Sleep(time.Second)` in place of `<-done`: it passed 2 of 2 runs at -cpu 1,2; every run must fail",
	}, got)
	require.Len(t, rep.Info, 1)
	assert.Equal(t, holesFile+":19: TestADeclaredWrongAnswerPasses passes with "+holesFile+":19 the blank filled with what it is compared with, `n` (it compares a value with itself, equal every time: not run): it cannot fail, so it must not be graded", rep.Info[0].String())
	sound := rep.Koans[3]
	require.Equal(t, "TestEveryWrongAnswerFails", sound.Koan)
	var results []string
	for _, a := range sound.Attempts {
		results = append(results, a.Source+" "+a.Result+" "+a.Summary())
	}
	assert.Equal(t, []string{
		"declared fails failed 2 of 2 runs at -cpu 1,2",
		"return fails failed 2 of 2 runs at -cpu 1,2",
		"sleep fails failed 2 of 2 runs at -cpu 1,2",
		"sleep fails failed 2 of 2 runs at -cpu 1,2",
	}, results)
}

// A blank filled with the argument it is compared with.
func TestTheOtherArgumentFillsAnAssertionBlank(t *testing.T) {
	for line, want := range map[string]string{
		"\tassert.Equal(t, __, got)":                       "\tassert.Equal(t, got, got)",
		"\t\trequire.EqualValues(t, __, len(ch), \"msg\")": "\t\trequire.EqualValues(t, len(ch), len(ch), \"msg\")",
		"\tassert.Equal(t, __, <-ch) // __ what was sent?": "\tassert.Equal(t, <-ch, <-ch) // __ what was sent?",
		"\tassert.Equal(t, want, __)":                      "\tassert.Equal(t, want, want)",
		"\tassert.NotEqual(t, __, got)":                    "",
		"\tassert.Equal(t, __, __)":                        "",
		"\tx := __":                                        "",
	} {
		got, _ := otherArgument(line)
		assert.Equal(t, want, got, line)
	}
}

// A put is re-indented like the line it replaces, its own indents kept.
func TestAPutIsReindentedLikeTheFoundLine(t *testing.T) {
	assert.Equal(t, []string{"\t\tdefault:", "\t\t\tx()"}, reindent("\ndefault:\n\tx()\n", "\t\t"))
	assert.Equal(t, []string{"\tselect {", "", "\tcase <-a:", "\t}"}, reindent("  select {\n\n  case <-a:\n  }", "\t"))
	assert.Nil(t, reindent("", "\t"))
}

// A variant the compiler rejects for an unused import or variable is
// mended as a learner would.
func TestAnUnusedImportOrVariableIsMended(t *testing.T) {
	lines := []string{"package p", "import (", "\t\"errors\"", "\t\"time\"", ")", "func f() {", "\tx := 1", "\treturn", "}"}
	out := "# p\nsolutions/p/a_test.go:3:2: \"errors\" imported and not used\nsolutions/p/a_test.go:7:2: declared and not used: x\n"
	assert.Equal(t, []string{"package p", "import (", "\t\"time\"", ")", "func f() {", "\tx := 1", "\t_ = &x", "\treturn", "}"}, mend(lines, out, "a_test.go"))
	assert.Nil(t, mend(lines, "a_test.go:3:2: undefined: y", "a_test.go"))
	assert.Nil(t, mend(lines, out, "b_test.go"), "another file's errors")
}

func TestAFindMatchesWholeLinesWithOrWithoutTheirComment(t *testing.T) {
	lines := strings.Split("func TestX(t *testing.T) {\n\tmu.Lock() // guard n\n\tn++\n\tmu.Unlock()\n\tn++\n}", "\n")
	assert.Equal(t, []int{2}, matches(lines, []string{"mu.Lock()", "n++"}, [2]int{1, 6}))
	assert.Equal(t, []int{3, 5}, matches(lines, []string{"n++"}, [2]int{1, 6}))
	assert.Empty(t, matches(lines, []string{"mu.Lock"}, [2]int{1, 6}), "not a part of a line")
	assert.Equal(t, []int{5}, matches(lines, []string{"n++"}, [2]int{4, 6}), "only in the span")
}

// A variable, a field or a literal compared with itself is equal every
// time: that answer needs no run. A receive or a call may differ.
func TestAPlainExpressionComparedWithItselfNeedsNoRun(t *testing.T) {
	for src, want := range map[string]bool{
		"got": true, "s.count": true, "(v)": true, `"x"`: true,
		"<-ch": false, "len(ch)": false, "time.Since(start)": false, "xs[0]": false, "pending.Load()": false,
	} {
		assert.Equal(t, want, plain(src), src)
	}
}

// verify -koan checks one koan: its runs only (the shipped koan, its
// solution, its blanks), its concept's static checks whole, and the
// adversary's wrong answers of that koan.
func TestVerifyOfOneKoanTriesItsWrongAnswers(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test -race on the fixture course")
	}
	opt := holes(t).opt
	opt.Koan = "TestAReturnAtTheBlankPasses"
	rep, err := Verify(context.Background(), opt)
	require.NoError(t, err)
	var got []string
	for _, p := range rep.Problems {
		if strings.Contains(p.What, "_zh") {
			continue // the fixture has no Chinese twins: twins_test.go's subject
		}
		got = append(got, p.String())
	}
	assert.ElementsMatch(t, []string{
		holesCatalog + ":18: TestADeclaredWrongAnswerPasses: its find \"wg.Wait()\" is not in TestADeclaredWrongAnswerPasses's function in " + holesFile + " (nor in the functions of that file it calls): find is whole lines of the solution, each trimmed (a trailing comment may be left out)",
		holesKoans + "/01_holes/a_holes_test.go:33: TestASleepPassesThisRaceKoan is judged by a detector (race) but its catalog entry declares no wrong answer: add a [[koan.wrong]] with the answer a learner would try, which the detector must catch",
		holesKoans + "/01_holes: no README.md: each concept needs one, with the sections ## What you will learn, ## Prerequisites, ## Further reading",
		holesKoans + "/01_holes: no README.zh-CN.md: each concept needs one, with the sections ## 你将学到什么, ## 预备知识, ## 延伸阅读",
		holesKoans + "/01_holes/a_holes_test.go:25: TestAReturnAtTheBlankPasses passes with the generic wrong answer " + holesFile + ":25 `return` in place of `got++`: it passed 5 of 5 runs at -cpu 1,2,4,1,2; every run must fail",
	}, got, "TestASleepPassesThisRaceKoan fails as assert, not race: not judged here")
	require.NotNil(t, rep.Adversary)
	require.Len(t, rep.Adversary.Koans, 1)
	assert.Equal(t, "TestAReturnAtTheBlankPasses", rep.Adversary.Koans[0].Koan)
}
