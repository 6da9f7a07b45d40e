package verify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/grade"
)

// verify (which lines are a koan's blanks, which may differ from the
// solution's) and grading (which lines a learner may change) read the
// blank by one rule, goline.BlankIn: a __ in a string literal is no blank
// for either; a comment-only // __ line is one for both, and frees the
// whole line.
func TestVerifyAndGradeReadABlankByOneRule(t *testing.T) {
	lines := []struct {
		shipped, changed string
		blank            bool
	}{
		{"\tassert.Equal(t, __, got)", "\tassert.Equal(t, 3, got)", true},
		{"\t// __ : two lines are missing here", "\twg.Wait()", true},
		{"\twg.Wait() // __ : or is it?", "\tmu.Lock()", true},
		{"\tassert.Equal(t, \"__\", got)", "\tassert.Equal(t, \"x\", got)", false},
		{"\tfmt.Println(`a __ b`) // say it", "\tfmt.Println(`a b`) // say it", false},
	}
	src := []string{"package p", "", "func TestX(t *testing.T) {"}
	for _, l := range lines {
		src = append(src, l.shipped)
	}
	src = append(src, "}", "")
	root := t.TempDir()
	require.NoError(t, os.WriteFile(filepath.Join(root, "x_test.go"), []byte(strings.Join(src, "\n")), 0o644))
	k := &course.Koan{Name: "TestX", File: "x_test.go", Line: 3, EndLine: 4 + len(lines)}
	isBlank := map[int]bool{}
	for _, n := range blankLines(root, k) {
		isBlank[n] = true
	}
	for i, l := range lines {
		assert.Equal(t, l.blank, isBlank[4+i], "verify: is %q a blank line?", l.shipped)
		assert.Equal(t, l.blank, grade.Allowed(l.shipped, l.changed), "grade: may %q become %q?", l.shipped, l.changed)
	}
}
