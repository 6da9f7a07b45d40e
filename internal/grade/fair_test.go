package grade

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
)

// An answer's case: the shipped line of a koan, the learner's, and what
// grading says (want "" for graded, else a part of the reason).
type answerCase struct{ shipped, learner, want string }

// The honest answers of a learner are graded: a literal, a composite of
// literals, a constant, a conversion, a variable the assertion does not
// compare with, a blank outside an assertion.
var honestAnswers = []answerCase{
	{"\tassert.Equal(t, __, log)", "\tassert.Equal(t, []string{\"a\"}, log)", ""},
	{"\tassert.Equal(t, __, time.Since(start))", "\tassert.Equal(t, 5*time.Second, time.Since(start))", ""},
	{"\tassert.Equal(t, __, time.Since(start))", "\tassert.Equal(t, time.Duration(0), time.Since(start))", ""},
	{"\tassert.Equal(t, __, n.Load())", "\tassert.Equal(t, int64(1), n.Load())", ""},
	{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, want, got)", ""},
	{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, celsius(3), got)", ""},
	{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, errDisk, got)", ""},
	{"\tassert.Equal(t, __, bottom)", "\tassert.Equal(t, top, bottom)", ""},
	{"\tassert.Equal(t, __, context.Cause(step))", "\tassert.Equal(t, context.Canceled, context.Cause(step))", ""},
	{"\tassert.Equal(t, __, []int{asked, runtime.GOMAXPROCS(0)})", "\tassert.Equal(t, []int{3, 1}, []int{asked, runtime.GOMAXPROCS(0)})", ""},
	{"\tassert.Equal(t, __, len(a)+__)", "\tassert.Equal(t, 3, len(a)+1)", ""},
	{"\tassert.Equal(t, 8000, n) // __ : read it as it is written", "\tassert.Equal(t, int64(8000), n.Load())", ""},
	{"\t// __ : one statement is missing here", "\tassert.Equal(t, 1, <-ch)", ""},
	{"\t// __ : something must wait here", "\twg.Wait()", ""},
	{"\tch := make(chan int, __)", "\tch := make(chan int, len(log))", ""},
	{"\trequire.Len(t, log, __)", "\trequire.Len(t, log, 2)", ""},
}

// The answers that cannot fail are not graded: the other side itself, an
// expression computed from it, a part of it computed again, a function, an
// assertion of constants, both sides the same.
var cheatingAnswers = []answerCase{
	{"\tassert.Equal(t, __, log)", "\tassert.Equal(t, log, log)", "mentions log, which the assertion compares it with"},
	{"\tassert.Equal(t, __, log)", "\tassert.Equal(t, slices.Clone(log), log)", "mentions log"},
	{"\tassert.Equal(t, __, log)", "\tassert.Equal(t, append([]string{}, log...), log)", "mentions log"},
	{"\tassert.Equal(t, __, log)", "\tassert.Equal(t, (log), log)", "mentions log"},
	{"\tassert.Equal(t, __, time.Since(start))", "\tassert.Equal(t, time.Since(start), time.Since(start))", "mentions start"},
	{"\tassert.Equal(t, __, time.Since(start))", "\tassert.Equal(t, time.Now().Sub(start).Round(time.Second), time.Since(start))", "mentions start"},
	{"\tassert.Equal(t, __, n.Load())", "\tassert.Equal(t, n.Load(), n.Load())", "mentions n"},
	{"\tassert.Equal(t, __, len(ran))", "\tassert.Equal(t, cap(ran[:len(ran)]), len(ran))", "mentions ran"},
	{"\tassert.Equal(t, __, <-got)", "\tassert.Equal(t, <-got, <-got)", "mentions got"},
	{"\tassert.Equal(t, __, settings[\"mode\"])", "\tassert.Equal(t, settings[\"mode\"], settings[\"mode\"])", "mentions settings"},
	{"\tassert.Equal(t, __, []int{asked, runtime.GOMAXPROCS(0)})", "\tassert.Equal(t, []int{3, runtime.GOMAXPROCS(0)}, []int{asked, runtime.GOMAXPROCS(0)})", "computes `runtime.GOMAXPROCS(0)` again"},
	{"\tassert.Equal(t, __, runtime.NumGoroutine())", "\tassert.Equal(t, runtime.NumGoroutine(), runtime.NumGoroutine())", "computes `runtime.NumGoroutine()` again"},
	{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, func() int { t.SkipNow(); return 0 }(), got)", "holds a function"},
	{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, t.Name(), got)", "mentions t"},
	{"\tassert.Equal(t, __, len(a)+__)", "\tassert.Equal(t, 3, len(a)+(3-len(a)))", "mentions a"},
	{"\trequire.Len(t, log, __)", "\trequire.Len(t, log, len(log))", "mentions log"},
	{"\tassert.Equal(t, 8000, n) // __ : read it as it is written", "\tassert.Equal(t, n.Load(), n.Load())", "mentions n"},
	{"\tassert.Equal(t, 8000, n) // __ : read it as it is written", "\tassert.Equal(t, 8000, 8000)", "compares constants only"},
	{"\tassert.NoError(t, err) // __ : what did each goroutine report?", "\tassert.True(t, true)", "compares constants only"},
}

// gradeAnswers ships one koan per case, each with the case's shipped line,
// fills each with the learner's line, and grades the concept.
func gradeAnswers(t *testing.T, cases []answerCase) map[string]Result {
	t.Helper()
	root, c := answered(t, cases)
	v, err := shipped.Find(root)
	if err != nil {
		t.Fatal(err)
	}
	return Concept(root, v, c)
}

// answered is the course of the cases, answered: its root and its concept.
func answered(t *testing.T, cases []answerCase) (string, *course.Concept) {
	t.Helper()
	header := `package x

import (
	"context"
	"runtime"
	"slices"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const want = 3

type celsius int

var errDisk = errors.New("disk full")
`
	body := func(i int, line string) string {
		return fmt.Sprintf("\nfunc TestCase%d(t *testing.T) {\n\tlog, top, bottom, got, ran, a, asked := setUp()\n%s\n}\n", i, line)
	}
	var ship, mine strings.Builder
	ship.WriteString(header)
	mine.WriteString(header)
	for i, c := range cases {
		ship.WriteString(body(i, c.shipped))
		mine.WriteString(body(i, c.learner))
	}
	root := t.TempDir()
	write(t, root, "go.mod", "module example.com/x\n")
	write(t, root, "koans/01_x/a_test.go", ship.String())
	var cat strings.Builder
	for i := range cases {
		fmt.Fprintf(&cat, "[[koan]]\nname = \"TestCase%d\"\nkind = \"assert\"\nhints = [\"a\", \"b\"]\n\n", i)
	}
	write(t, root, "koans/01_x/catalog.toml", cat.String())
	git(t, root, "init", "-q")
	git(t, root, "add", "koans")
	git(t, root, "commit", "-q", "-m", "the course")
	write(t, root, shipped.RecordFile, git(t, root, "rev-parse", "HEAD:koans")+"\n")
	write(t, root, "koans/01_x/a_test.go", mine.String())
	c, err := course.Load(root, "koans")
	if err != nil {
		t.Fatal(err)
	}
	if len(c.Concepts) != 1 {
		t.Fatalf("%d concepts", len(c.Concepts))
	}
	return root, c.Concepts[0]
}

func checkAnswers(t *testing.T, cases []answerCase) {
	t.Helper()
	results := gradeAnswers(t, cases)
	for i, c := range cases {
		r := results[fmt.Sprintf("TestCase%d", i)]
		switch {
		case c.want == "" && !r.Within:
			t.Errorf("%s\n  not graded: %s", strings.TrimSpace(c.learner), r.Why)
		case c.want != "" && r.Within:
			t.Errorf("%s\n  graded; want it not graded, saying %q", strings.TrimSpace(c.learner), c.want)
		case c.want != "" && !strings.Contains(r.Why, c.want):
			t.Errorf("%s\n  not graded: %s\n  want the reason to say %q", strings.TrimSpace(c.learner), r.Why, c.want)
		case c.want != "" && r.Where != fmt.Sprintf("koans/01_x/a_test.go:%d", 22+5*i):
			t.Errorf("%s\n  where = %s", strings.TrimSpace(c.learner), r.Where)
		}
	}
}

func TestAnHonestAnswerIsGraded(t *testing.T) { checkAnswers(t, honestAnswers) }

// Before this rule, every one of these was graded.
func TestAnAnswerThatCannotFailIsNotGraded(t *testing.T) { checkAnswers(t, cheatingAnswers) }

// The reason is said in the learner's language.
func TestTheReasonIsSaidInTheLearnersLanguage(t *testing.T) {
	r := gradeAnswers(t, cheatingAnswers[:1])["TestCase0"]
	if r.Within {
		t.Fatal("graded")
	}
	if en := r.Say(lang.English); en != r.Why {
		t.Errorf("Say(English) = %q, want Why %q", en, r.Why)
	}
	if zh := r.Say(lang.Chinese); zh == r.Why || !strings.Contains(zh, "log") {
		t.Errorf("Say(Chinese) = %q", zh)
	}
}

// When a koan passes, the runner can say at once that it is not graded,
// and why; of a koan within the rules it says nothing.
func TestAPassedKoanSaysWhyItIsNotGraded(t *testing.T) {
	root, c := answered(t, []answerCase{cheatingAnswers[0], honestAnswers[0]})
	cheat, honest := c.Koan("TestCase0"), c.Koan("TestCase1")
	want := "Passed, but not graded: koans/01_x/a_test.go:22: the answer `log` mentions log"
	if got := Passed(root, cheat, lang.English); !strings.HasPrefix(got, want) {
		t.Errorf("Passed = %q, want it to start %q", got, want)
	}
	if got := Passed(root, cheat, lang.Chinese); !strings.HasPrefix(got, "通过了，但不计分：koans/01_x/a_test.go:22：答案 `log` 用到了 log") {
		t.Errorf("Passed in Chinese = %q", got)
	}
	if got := Passed(root, honest, lang.English); got != "" {
		t.Errorf("Passed of an honest answer = %q, want nothing", got)
	}
	if r, ok := Koan(root, honest); !ok || !r.Within {
		t.Errorf("Koan of an honest answer = %+v, %v", r, ok)
	}
	if got := Passed(t.TempDir(), cheat, lang.English); got != "" {
		t.Errorf("Passed without a shipped version = %q, want nothing (list says why)", got)
	}
}

func write(t *testing.T, root, rel, text string) {
	t.Helper()
	p := filepath.Join(root, filepath.FromSlash(rel))
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}

func git(t *testing.T, root string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=k", "-c", "user.email=k@example.com"}, args...)...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	if err != nil {
		t.Fatalf("git %v: %v\n%s", args, err, out)
	}
	return strings.TrimSpace(string(out))
}
