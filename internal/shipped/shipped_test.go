package shipped

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The course's own record is true: koans.shipped names the tree koans/
// has on disk. This is a test of the course's own repository, which says
// so by setting KOANS_MAINTAINER=1 (see CourseCheck); in a learner's copy,
// koans/ holds the learner's work and differs from the record, as it
// should, and the test steps aside without a word on the record.
func TestTheRecordNamesTheKoansOnDisk(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	if exec.Command("git", "-C", root, "rev-parse", "--git-dir").Run() != nil {
		t.Skip("not a git repository")
	}
	recorded, err := Recorded(root)
	if err != nil {
		if !CourseCheck(os.Getenv) {
			t.Skipf("no record of the course as shipped here (%v): this check belongs to the course's own repository", err)
		}
		t.Fatal(err)
	}
	onDisk, err := treeOnDisk(root)
	if err != nil {
		t.Fatal(err)
	}
	if msg := recordCheck(recorded, onDisk, CourseCheck(os.Getenv)); msg.fail {
		t.Error(msg.text)
	} else if msg.text != "" {
		t.Skip(msg.text)
	}
}

type checked struct {
	fail bool
	text string
}

// recordCheck says what the record test says of the tree recorded and the
// tree on disk: nothing when they agree; a failure in the course's own
// repository (course); else a skip. Neither names the tree on disk: no
// message tells a learner what to write where to make grading take their
// edits for the course's.
func recordCheck(recorded, onDisk string, course bool) checked {
	switch {
	case recorded == onDisk:
		return checked{}
	case course:
		return checked{fail: true, text: fmt.Sprintf("%s names the koans/ tree %s, and koans/ on disk is another tree: the record of the course as shipped is out of date (see \"The koans as shipped\" in docs/instructors.md)", RecordFile, short(recorded))}
	}
	return checked{text: fmt.Sprintf("koans/ is not the tree the course shipped, as in any learner's copy: this check belongs to the course's own repository (%s=1)", CourseEnv)}
}

// In a learner's copy with edits the record test skips, and says nothing
// of the tree on disk; in the course's own repository it fails, and still
// does not.
func TestALearnersEditsAreNoFaultOfTheRecord(t *testing.T) {
	recorded, onDisk := strings.Repeat("a", 40), strings.Repeat("b", 40)
	for _, course := range []bool{false, true} {
		c := recordCheck(recorded, onDisk, course)
		if c.fail != course || c.text == "" {
			t.Errorf("course %v: %+v", course, c)
		}
		if strings.Contains(c.text, onDisk[:7]) || strings.Contains(c.text, "write") {
			t.Errorf("course %v: %q tells what to write in the record", course, c.text)
		}
	}
	if c := recordCheck(recorded, recorded, true); c != (checked{}) {
		t.Errorf("a true record: %+v", c)
	}
	for env, want := range map[string]bool{"1": true, "": false, "0": false, "yes": false} {
		if got := CourseCheck(func(string) string { return env }); got != want {
			t.Errorf("%s=%q: CourseCheck = %v, want %v", CourseEnv, env, got, want)
		}
	}
}

const shippedKoan = "package x\n\nfunc TestOne(t *testing.T) {\n\tassert.Equal(t, __, 1)\n}\n"

// course makes a git repository holding one koan file, committed as the
// course ships it, with koans.shipped naming its tree when record is set.
func course(t *testing.T, record bool) string {
	t.Helper()
	root := t.TempDir()
	write(t, root, "koans/01_x/a_test.go", shippedKoan)
	git(t, root, "init", "-q")
	git(t, root, "add", "koans")
	git(t, root, "commit", "-q", "-m", "the course")
	if record {
		write(t, root, RecordFile, "# a comment\n"+git(t, root, "rev-parse", "HEAD:koans")+"\n")
		git(t, root, "add", RecordFile)
		git(t, root, "commit", "-q", "-m", "record")
	}
	return root
}

// The learner commits an answer and pushes it: their origin/HEAD is their
// own work. The record still finds the shipped text.
func TestTheRecordOutlivesTheLearnersCommits(t *testing.T) {
	root := course(t, true)
	write(t, root, "koans/01_x/a_test.go", strings.Replace(shippedKoan, "__", "1", 1))
	git(t, root, "commit", "-q", "-am", "my answer")
	git(t, root, "update-ref", "refs/remotes/origin/HEAD", "HEAD")

	v, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	got, err := v.Read("koans/01_x/a_test.go")
	if err != nil || string(got) != shippedKoan {
		t.Errorf("Read = %q, %v; want the shipped text", got, err)
	}
	if !strings.Contains(v.Name, "named in koans.shipped") {
		t.Errorf("Name = %q, want it to say where the version came from", v.Name)
	}
	if f, err := v.Locate("koans/01_x", "TestOne"); err != nil || f != "koans/01_x/a_test.go" {
		t.Errorf("Locate = %q, %v", f, err)
	}
	if _, err := v.Locate("koans/01_x", "TestNever"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Locate of an unknown koan: %v, want ErrNotExist", err)
	}
	if _, err := v.Read("koans/01_x/new_test.go"); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("Read of a file never shipped: %v, want ErrNotExist", err)
	}
}

// Without a record, a remote named upstream is the shipped version.
func TestAnUpstreamRemoteIsTheFallback(t *testing.T) {
	root := course(t, false)
	git(t, root, "update-ref", "refs/remotes/upstream/main", "HEAD")
	write(t, root, "koans/01_x/a_test.go", "changed\n")
	git(t, root, "commit", "-q", "-am", "mine")

	v, err := Find(root)
	if err != nil {
		t.Fatal(err)
	}
	if got, _ := v.Read("koans/01_x/a_test.go"); string(got) != shippedKoan {
		t.Errorf("Read = %q, want the shipped text", got)
	}
	if !strings.Contains(v.Name, "upstream/main") {
		t.Errorf("Name = %q, want upstream/main named", v.Name)
	}
}

func TestNoShippedVersionIsSaidPlainly(t *testing.T) {
	zip := t.TempDir()
	write(t, zip, "koans/01_x/a_test.go", shippedKoan)
	if _, err := Find(zip); err == nil || !strings.Contains(err.Error(), "not a git repository") {
		t.Errorf("Find without git: %v", err)
	}
	if _, err := Find(course(t, false)); err == nil || !strings.Contains(err.Error(), "upstream") {
		t.Errorf("Find without record or upstream: %v", err)
	}
	shallow := course(t, false)
	write(t, shallow, RecordFile, strings.Repeat("ab", 20)+"\n")
	if _, err := Find(shallow); err == nil || !strings.Contains(err.Error(), "does not hold") {
		t.Errorf("Find with a record of a tree not here: %v", err)
	}
	write(t, shallow, RecordFile, "HEAD\n")
	if _, err := Recorded(shallow); err == nil {
		t.Error("Recorded accepted a ref for a tree hash")
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

// treeOnDisk is the git tree hash koans/ would have if committed as it is on
// disk now (files git ignores left out). It writes git objects, never the
// index or the working tree: a temporary index holds the files.
func treeOnDisk(root string) (string, error) {
	tmp, err := os.MkdirTemp("", "koans-shipped")
	if err != nil {
		return "", err
	}
	defer os.RemoveAll(tmp)
	env := append(os.Environ(), "GIT_INDEX_FILE="+filepath.Join(tmp, "index"))
	for _, args := range [][]string{{"add", "-A", "--", "koans"}, {"write-tree", "--prefix=koans/"}} {
		cmd := exec.Command("git", args...)
		cmd.Dir, cmd.Env = root, env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		if err != nil {
			return "", fmt.Errorf("git %s: %v: %s", args[0], err, strings.TrimSpace(stderr.String()))
		}
		if args[0] == "write-tree" {
			return strings.TrimSpace(string(out)), nil
		}
	}
	return "", nil
}
