package grade

import (
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/shipped"
)

func TestAllowed(t *testing.T) {
	for _, c := range []struct {
		shipped, learner string
		want             bool
	}{
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, \"pong\", got)", true},
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, []int{1, 2}, got)", true},
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t,   3 ,got) // noted", true},
		{"\tassert.Equal(t, __, got)", "\tassert.True(t, true)", false},
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, got, got) // one expression: the line rule holds (the answer rule does not, see fair_test.go)", true},
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, 1, 1)", false},
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, got), assert.True(t, true", false},
		{"\tassert.Equal(t, __, got)", "", false},
		{"\tassert.Equal(t, __, got)", "\t// assert.Equal(t, __, got)", false},
		{"\tassert.Equal(t, __, len(a)+__)", "\tassert.Equal(t, 3, len(a)+1)", true},
		{"\tassert.Equal(t, __, len(a)+__)", "\tassert.Equal(t, 3, len(b)+1)", false},
		{"\tch := make(chan int, __)", "\tch := make(chan int, 2)", true},
		{"\t// __ something must wait here", "\twg.Wait()", true},
		{"\tgo work() // __ this must not leak", "\tgo work(ctx)", true},
		{"\tassert.Equal(t, 2, got)", "\tassert.Equal(t, 3, got)", false},
		{"\tassert.Equal(t, 2, got)", "\tassert.Equal(t, 2, got) // I see", true},
		{"\tmu.Lock()", "\t// mu.Lock()", false},
		{"// Package x is a koan.", "//go:build ignore", false},
		{"\tx := \"__\"", "\tx := \"y\"", false},
	} {
		if got := Allowed(c.shipped, c.learner); got != c.want {
			t.Errorf("Allowed(%q, %q) = %v, want %v", c.shipped, c.learner, got, c.want)
		}
	}
}

// Every solution of the course fills its koan's blanks and changes nothing
// else: graded over the koans as shipped, every koan is within the rules.
// (The rule is no stricter than the course's own answers.)
func TestEverySolutionIsWithinTheRules(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if exec.Command("git", "-C", repo, "rev-parse", "--git-dir").Run() != nil {
		t.Skip("not a git repository")
	}
	v, err := shipped.Find(repo)
	if err != nil {
		t.Fatal(err)
	}
	learner := t.TempDir()
	copyDir(t, filepath.Join(repo, "solutions"), filepath.Join(learner, "koans"))
	copyDir(t, filepath.Join(repo, "koans"), filepath.Join(learner, "koans"), "catalog.toml")
	copyFile(t, filepath.Join(repo, "go.mod"), filepath.Join(learner, "go.mod"))
	c, err := course.Load(learner, "koans")
	if err != nil {
		t.Fatal(err)
	}
	n := 0
	for _, cc := range c.Concepts {
		for name, r := range Concept(learner, v, cc) {
			n++
			if !r.Within {
				t.Errorf("%s: %s", name, r.Why)
			}
		}
	}
	if n < 100 {
		t.Errorf("graded %d koans, want the whole course", n)
	}
}

func copyDir(t *testing.T, from, to string, only ...string) {
	t.Helper()
	err := filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil || info.IsDir() {
			return err
		}
		if len(only) > 0 && !strings.HasSuffix(p, string(filepath.Separator)+only[0]) {
			return nil
		}
		rel, _ := filepath.Rel(from, p)
		copyFile(t, p, filepath.Join(to, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	data, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.MkdirAll(filepath.Dir(to), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// Every assertion blank of the course (assert.Equal(t, __, got) and kin),
// filled with the other side, passes whatever the koan does: no such koan
// is graded.
func TestTheOtherSideIsNeverGraded(t *testing.T) {
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if exec.Command("git", "-C", repo, "rev-parse", "--git-dir").Run() != nil {
		t.Skip("not a git repository")
	}
	v, err := shipped.Find(repo)
	if err != nil {
		t.Fatal(err)
	}
	blank := regexp.MustCompile(`^(\s*)(assert|require)\.(\w+)\(t, __, (.*?)(, "[^"]*")?\)$`)
	learner := t.TempDir()
	copyFile(t, filepath.Join(repo, "go.mod"), filepath.Join(learner, "go.mod"))
	copyDir(t, filepath.Join(repo, "koans"), filepath.Join(learner, "koans"))
	asked := map[string]bool{} // the koans with an assertion blank
	c, err := course.Load(learner, "koans")
	if err != nil {
		t.Fatal(err)
	}
	for _, cc := range c.Concepts {
		for _, k := range cc.Koans {
			p := filepath.Join(learner, filepath.FromSlash(k.File))
			data, err := os.ReadFile(p)
			if err != nil {
				t.Fatal(err)
			}
			lines := strings.Split(string(data), "\n")
			for i := k.Line - 1; i < k.EndLine && i < len(lines); i++ {
				if m := blank.FindStringSubmatch(lines[i]); m != nil {
					lines[i] = m[1] + m[2] + "." + m[3] + "(t, " + m[4] + ", " + m[4] + m[5] + ")"
					asked[k.Name] = true
				}
			}
			if err := os.WriteFile(p, []byte(strings.Join(lines, "\n")), 0o644); err != nil {
				t.Fatal(err)
			}
		}
	}
	for _, cc := range c.Concepts {
		for name, r := range Concept(learner, v, cc) {
			if asked[name] && r.Within {
				t.Errorf("%s is graded with its assertion blank filled with the other side", name)
			}
		}
	}
	if len(asked) < 20 {
		t.Errorf("%d koans with an assertion blank, want the whole course's", len(asked))
	}
}
