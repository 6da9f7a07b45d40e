package shipped

import (
	"archive/tar"
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"testing"
)

// writeTarball writes a gzipped tar archive of files (name: text) at p.
func writeTarball(t *testing.T, p string, files map[string]string) {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	tw := tar.NewWriter(zw)
	for name, text := range files {
		if err := tw.WriteHeader(&tar.Header{Name: name, Mode: 0o644, Size: int64(len(text)), Typeflag: tar.TypeReg}); err != nil {
			t.Fatal(err)
		}
		if _, err := tw.Write([]byte(text)); err != nil {
			t.Fatal(err)
		}
	}
	if err := tw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, b.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func TestATarballOfTheCourseIsAShippedVersion(t *testing.T) {
	dir := t.TempDir()
	for _, top := range []string{"", "./", "course/"} {
		p := filepath.Join(dir, "course.tar.gz")
		writeTarball(t, p, map[string]string{
			top + "koans/01_x/a_test.go":       shippedKoan,
			top + "solutions/01_x/a_test.go":   "the answers travel apart",
			top + "go.mod":                     "module x\n",
			top + "koans/../../etc/passwd":     "no",
			top + "koans/01_x/catalog.toml":    "title = \"X\"\n",
			top + "koans/01_x/testdata/in.txt": "data",
		})
		v, err := Open(p)
		if err != nil {
			t.Fatalf("%q: %v", top, err)
		}
		all, _ := v.All()
		want := []string{"koans/01_x/a_test.go", "koans/01_x/catalog.toml", "koans/01_x/testdata/in.txt"}
		if len(all) != len(want) {
			t.Fatalf("%q: files %v, want %v", top, all, want)
		}
		for i := range want {
			if all[i] != want[i] {
				t.Fatalf("%q: files %v, want %v", top, all, want)
			}
		}
		if text, err := v.Read("koans/01_x/a_test.go"); err != nil || string(text) != shippedKoan {
			t.Fatalf("%q: read %q, %v", top, text, err)
		}
	}
}

func TestATarballWithoutKoansIsNoCourse(t *testing.T) {
	dir := t.TempDir()
	p := filepath.Join(dir, "other.tar.gz")
	writeTarball(t, p, map[string]string{"README.md": "hello"})
	if _, err := Open(p); err == nil {
		t.Fatal("an archive with no koans/ opened as the course as shipped")
	}
	if err := os.WriteFile(p, []byte("not gzip"), 0o644); err != nil {
		t.Fatal(err)
	}
	if _, err := Open(p); err == nil {
		t.Fatal("a file that is no archive opened as the course as shipped")
	}
}
