package reset

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
)

const shippedKoan = "package x\n\nfunc TestOne(t *testing.T) {\n\tassert.Equal(t, __, 1)\n}\n"

// shippedCourse makes a git repository holding one koan file, committed as the
// course ships it, with koans.shipped naming its tree.
func shippedCourse(t *testing.T) (root, file string) {
	t.Helper()
	root = t.TempDir()
	file = filepath.Join(root, "koans", "01_x", "a_test.go")
	require.NoError(t, os.MkdirAll(filepath.Dir(file), 0o755))
	require.NoError(t, os.WriteFile(file, []byte(shippedKoan), 0o644))
	git(t, root, "init", "-q")
	git(t, root, "add", "koans")
	git(t, root, "commit", "-q", "-m", "the course")
	tree := git(t, root, "rev-parse", "HEAD:koans")
	require.NoError(t, os.WriteFile(filepath.Join(root, shipped.RecordFile), []byte(tree+"\n"), 0o644))
	return root, file
}

func git(t *testing.T, root string, args ...string) string {
	t.Helper()
	cmd := exec.Command("git", append([]string{"-c", "user.name=k", "-c", "user.email=k@example.com"}, args...)...)
	cmd.Dir = root
	out, err := cmd.CombinedOutput()
	require.NoError(t, err, "git %v\n%s", args, out)
	return strings.TrimSpace(string(out))
}

func reset(t *testing.T, root, arg, answer string) string {
	t.Helper()
	var out strings.Builder
	err := Reset(Options{Root: root, Arg: arg, In: strings.NewReader(answer), Out: &out, Lang: lang.English})
	require.NoError(t, err, out.String())
	return out.String()
}

// Reset asks first; "no" changes nothing, "y" puts the shipped text back
// and keeps the learner's in a backup that it names; a file as shipped is
// left alone.
func TestResetAsksThenPutsTheShippedTextBack(t *testing.T) {
	root, file := shippedCourse(t)
	mine := strings.Replace(shippedKoan, "__", "1", 1)
	require.NoError(t, os.WriteFile(file, []byte(mine), 0o644))

	said := reset(t, root, file, "\n")
	assert.Contains(t, said, "Reset koans/01_x/a_test.go to the course as shipped")
	assert.Contains(t, said, "Nothing changed.")
	got, _ := os.ReadFile(file)
	assert.Equal(t, mine, string(got))

	said = reset(t, root, file, "y\n")
	assert.Contains(t, said, "koans/01_x/a_test.go is back as shipped")
	got, _ = os.ReadFile(file)
	assert.Equal(t, shippedKoan, string(got))
	_, kept, ok := strings.Cut(said, "Your version is kept in ")
	require.True(t, ok, said)
	backup, _, _ := strings.Cut(kept, "\n")
	got, err := os.ReadFile(filepath.Join(root, backup))
	require.NoError(t, err)
	assert.Equal(t, mine, string(got))

	assert.Contains(t, reset(t, root, file, ""), "is already as shipped")
}

// Only files under koans/ are reset.
func TestResetRefusesAFileOutsideTheKoans(t *testing.T) {
	root, _ := shippedCourse(t)
	err := Reset(Options{Root: root, Arg: filepath.Join(root, "go.mod"), Yes: true, Out: &strings.Builder{}, Lang: lang.English})
	assert.ErrorContains(t, err, "reset only restores files under koans/")
}
