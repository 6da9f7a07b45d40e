package shipped

import (
	"archive/tar"
	"bufio"
	"bytes"
	"compress/gzip"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"io"
	"maps"
	"os"
	"os/exec"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/gokoans/concurrency/internal/lang"
)

// RecordFile is the committed file, at the repository root, that names the
// git tree of koans/ as shipped.
const RecordFile = "koans.shipped"

// CourseEnv is the variable by which the course's own repository says so
// to its tests (make test and the course's CI set it to 1): the record
// test then holds koans.shipped to koans/ on disk. Anywhere else, koans/
// is a learner's work, which the record is not to follow.
const CourseEnv = "KOANS_MAINTAINER"

// CourseCheck reports whether the tests run in the course's own
// repository, by CourseEnv read through getenv (os.Getenv).
func CourseCheck(getenv func(string) string) bool { return getenv(CourseEnv) == "1" }

// A Version is one shipped state of koans/: a git tree.
type Version struct {
	root string
	tree string // the git tree hash of koans/
	// files holds the whole tree, read at the first need with two git
	// processes (one listing, one reading every blob), keyed by the
	// repository-relative path; loadErr is why it could not be.
	load    sync.Once
	files   map[string][]byte
	loadErr error
	// Name says which version this is, for the learner: the tree and
	// where it was found; Said is the same in the learner's language.
	Name string
	Said lang.Msg
}

// named sets the version's name.
func (v *Version) named(m lang.Msg) *Version {
	v.Said, v.Name = m, m.String()
	return v
}

// Tree is the git tree hash of koans/ in this version.
func (v *Version) Tree() string { return v.tree }

// Find finds the shipped version of koans/ for the repository at root: the
// tree koans.shipped names, else koans/ of the upstream remote's HEAD or
// main. It fails, saying why, when there is no git repository or no
// shipped version in it.
func Find(root string) (*Version, error) {
	if _, err := gitOut(root, "rev-parse", "--git-dir"); err != nil {
		return nil, lang.Errorf("this copy of the course is not a git repository (a downloaded ZIP?), so the koans as shipped are not here: download the course again, or clone it, to compare with them")
	}
	recorded, recErr := Recorded(root)
	if recErr == nil {
		if kind, err := gitOut(root, "cat-file", "-t", recorded); err == nil && kind == "tree" {
			return (&Version{root: root, tree: recorded}).named(lang.Msgf("the course as shipped (koans/ tree %s, named in %s)", short(recorded), RecordFile)), nil
		}
	}
	for _, ref := range []string{"upstream/HEAD", "upstream/main"} {
		tree, err := gitOut(root, "rev-parse", "--verify", "-q", ref+":koans")
		if err != nil {
			continue
		}
		commit, _ := gitOut(root, "rev-parse", "--short", ref)
		return (&Version{root: root, tree: tree}).named(lang.Msgf("koans/ of %s (commit %s)", ref, commit)), nil
	}
	if recErr == nil {
		return nil, lang.Errorf("%s names the koans/ tree %s, which this clone does not hold (a shallow clone? `git fetch --unshallow` brings the course's history)", RecordFile, short(recorded))
	}
	return nil, lang.Errorf("there is no %s at the root and no upstream remote, so the koans as shipped cannot be told from yours: add the course as a remote (`git remote add upstream <the course's URL> && git fetch upstream`)", RecordFile)
}

// Recorded reads the tree hash that koans.shipped names: its one line that
// is not a comment (#) or empty.
func Recorded(root string) (string, error) {
	data, err := os.ReadFile(filepath.Join(root, RecordFile))
	if err != nil {
		return "", err
	}
	for _, l := range strings.Split(string(data), "\n") {
		l = strings.TrimSpace(l)
		if l == "" || strings.HasPrefix(l, "#") {
			continue
		}
		if !isHash(l) {
			return "", fmt.Errorf("%s: %q is not a git tree hash", RecordFile, l)
		}
		return l, nil
	}
	return "", fmt.Errorf("%s names no tree", RecordFile)
}

// Read returns the shipped text of rel, a repository-relative file under
// koans/ ("koans/01_goroutines/a_go_statement_test.go"). A file that was
// not shipped is an error wrapping os.ErrNotExist.
func (v *Version) Read(rel string) ([]byte, error) {
	if err := v.loaded(); err != nil {
		return nil, err
	}
	text, ok := v.files[path.Clean(filepath.ToSlash(rel))]
	if !ok {
		return nil, fmt.Errorf("%s was not shipped: %w", rel, os.ErrNotExist)
	}
	return text, nil
}

// Files lists the repository-relative files that were shipped directly in
// dir, a concept's directory under koans/ ("koans/02_channels"), sorted.
func (v *Version) Files(dir string) ([]string, error) {
	if err := v.loaded(); err != nil {
		return nil, err
	}
	dir = path.Clean(filepath.ToSlash(dir))
	var files []string
	for f := range v.files {
		if path.Dir(f) == dir {
			files = append(files, f)
		}
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s was not shipped: %w", dir, os.ErrNotExist)
	}
	slices.Sort(files)
	return files, nil
}

func (v *Version) loaded() error {
	v.load.Do(func() { v.files, v.loadErr = readTree(v.root, v.tree) })
	return v.loadErr
}

// readTree reads every file of the git tree (koans/ as shipped) into
// memory, keyed by repository-relative path.
func readTree(root, tree string) (map[string][]byte, error) {
	list, err := gitOut(root, "ls-tree", "-r", "-z", tree)
	if err != nil {
		return nil, fmt.Errorf("git cannot list the koans/ tree %s: %w", short(tree), err)
	}
	var paths, blobs []string
	for _, entry := range strings.Split(list, "\x00") {
		meta, name, ok := strings.Cut(entry, "\t") // "<mode> blob <hash>\t<path>"
		if f := strings.Fields(meta); ok && len(f) == 3 && f[1] == "blob" {
			paths, blobs = append(paths, "koans/"+name), append(blobs, f[2])
		}
	}
	cmd := exec.Command("git", "cat-file", "--batch")
	cmd.Dir = root
	cmd.Stdin = strings.NewReader(strings.Join(blobs, "\n") + "\n")
	out, err := cmd.Output()
	if err != nil {
		return nil, fmt.Errorf("git cannot read the koans/ tree %s: %w", short(tree), err)
	}
	files := map[string][]byte{}
	r := bufio.NewReader(bytes.NewReader(out))
	for _, p := range paths {
		header, err := r.ReadString('\n') // "<hash> blob <size>"
		f := strings.Fields(header)
		if err != nil || len(f) != 3 {
			return nil, fmt.Errorf("git cat-file gave %q for %s", header, p)
		}
		size, err := strconv.Atoi(f[2])
		if err != nil {
			return nil, fmt.Errorf("git cat-file gave %q for %s", header, p)
		}
		text := make([]byte, size+1) // the content and its newline
		if _, err := io.ReadFull(r, text); err != nil {
			return nil, fmt.Errorf("git cat-file ended inside %s", p)
		}
		files[p] = text[:size]
	}
	return files, nil
}

// Locate finds the shipped file of the concept directory dir that declares
// the test function name: where a deleted koan was.
func (v *Version) Locate(dir, name string) (string, error) {
	files, err := v.Files(dir)
	if err != nil {
		return "", err
	}
	for _, f := range files {
		if !strings.HasSuffix(f, "_test.go") {
			continue
		}
		src, err := v.Read(f)
		if err != nil {
			continue
		}
		if declares(src, name) {
			return f, nil
		}
	}
	return "", fmt.Errorf("no file of %s declared %s as shipped: %w", dir, name, os.ErrNotExist)
}

// declares reports whether the Go source declares a function name.
func declares(src []byte, name string) bool {
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if f == nil {
		return false
	}
	_ = err // a file that half parses still names its functions
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && fd.Name.Name == name {
			return true
		}
	}
	return false
}

func gitOut(root string, args ...string) (string, error) {
	cmd := exec.Command("git", args...)
	cmd.Dir = root
	out, err := cmd.Output()
	return strings.TrimSpace(string(out)), err
}

func isHash(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	return strings.Trim(s, "0123456789abcdef") == ""
}

func short(hash string) string {
	if len(hash) > 12 {
		return hash[:12]
	}
	return hash
}

// FromDir is the version of koans/ shipped in dir, a directory that holds
// koans/ as the course shipped it (the teacher's copy, or an autograder's
// bundle): grading then trusts nothing of the learner's repository, not
// even its koans.shipped.
func FromDir(dir string) (*Version, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return nil, err
	}
	files := map[string][]byte{}
	top := filepath.Join(abs, "koans")
	err = filepath.WalkDir(top, func(p string, d os.DirEntry, err error) error {
		if err != nil || d.IsDir() || !d.Type().IsRegular() {
			return err
		}
		rel, err := filepath.Rel(abs, p)
		if err != nil {
			return err
		}
		text, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		files[filepath.ToSlash(rel)] = text
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("%s holds no koans/ as shipped: %w", dir, err)
	}
	v := (&Version{root: abs, files: files}).named(lang.Msgf("the course as shipped in %s", dir))
	v.load.Do(func() {}) // loaded already
	return v, nil
}

// FromTarball is the version of koans/ shipped in the gzipped tar archive
// at file (make autograder builds one): its koans/ tree, at the top of the
// archive or under one directory that holds the course. Like FromDir, it
// trusts nothing of the learner's repository.
func FromTarball(file string) (*Version, error) {
	f, err := os.Open(file)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s is no gzipped tar archive of the course: %w", file, err)
	}
	files := map[string][]byte{}
	tr := tar.NewReader(zr)
	for {
		h, err := tr.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s is no gzipped tar archive of the course: %w", file, err)
		}
		rel, ok := koansPath(h.Name)
		if !ok || h.Typeflag != tar.TypeReg {
			continue
		}
		text, err := io.ReadAll(tr)
		if err != nil {
			return nil, fmt.Errorf("%s: %s: %w", file, h.Name, err)
		}
		files[rel] = text
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("%s holds no koans/ as shipped", file)
	}
	v := &Version{files: files, Name: fmt.Sprintf("the course as shipped in %s", filepath.Base(file))}
	v.load.Do(func() {}) // loaded already
	return v, nil
}

// koansPath is the repository-relative path of an archive's member under
// koans/ ("koans/..." or "course/koans/..."), false for any other member.
func koansPath(name string) (string, bool) {
	name = path.Clean(strings.TrimPrefix(filepath.ToSlash(name), "./"))
	if strings.HasPrefix(name, "koans/") {
		return name, !strings.Contains(name, "../")
	}
	if _, rest, ok := strings.Cut(name, "/"); ok && strings.HasPrefix(rest, "koans/") {
		return rest, !strings.Contains(rest, "../")
	}
	return "", false
}

// Open is the version shipped at p: a directory (FromDir) or a gzipped tar
// archive of the course (FromTarball).
func Open(p string) (*Version, error) {
	if fi, err := os.Stat(p); err == nil && fi.Mode().IsRegular() {
		return FromTarball(p)
	}
	return FromDir(p)
}

// All lists every file of this version, repository-relative, sorted.
func (v *Version) All() ([]string, error) {
	if err := v.loaded(); err != nil {
		return nil, err
	}
	files := slices.Collect(maps.Keys(v.files))
	slices.Sort(files)
	return files, nil
}
