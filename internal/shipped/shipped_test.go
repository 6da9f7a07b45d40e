package shipped

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// The course's own record is true: koans.shipped names the tree koans/
// has on disk. After a change to koans/ this fails with the hash to write.
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
		t.Fatal(err)
	}
	onDisk, err := OnDisk(root)
	if err != nil {
		t.Fatal(err)
	}
	if recorded != onDisk {
		t.Errorf("%s names the koans/ tree %s, but koans/ on disk is the tree %s: write %s in %s", RecordFile, recorded, onDisk, onDisk, RecordFile)
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
