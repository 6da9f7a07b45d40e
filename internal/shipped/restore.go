package shipped

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// State is how a koan file on disk stands against its shipped text.
type State int

const (
	Same    State = iota // a regular file holding the shipped text
	Changed              // a regular file holding other text
	Gone                 // no file
	Link                 // a symbolic link, whatever it points to
)

// StateOf tells how the repository-relative file rel stands against the
// shipped text. It refuses a path whose directories are symbolic links:
// a write there would land outside koans/.
func StateOf(root, rel string, shipped []byte) (State, error) {
	parts := strings.Split(filepath.ToSlash(rel), "/")
	for i := 1; i < len(parts); i++ {
		dir := strings.Join(parts[:i], "/")
		if fi, err := os.Lstat(filepath.Join(root, dir)); err == nil && fi.Mode()&os.ModeSymlink != 0 {
			return 0, fmt.Errorf("%s is a symbolic link: reset will not write through it (make it a directory again)", dir)
		}
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	fi, err := os.Lstat(p)
	switch {
	case os.IsNotExist(err):
		return Gone, nil
	case err != nil:
		return 0, err
	case fi.Mode()&os.ModeSymlink != 0:
		return Link, nil
	case !fi.Mode().IsRegular():
		return 0, fmt.Errorf("%s is not a regular file: reset leaves it alone", rel)
	}
	cur, err := os.ReadFile(p)
	if err != nil {
		return 0, err
	}
	if bytes.Equal(cur, shipped) {
		return Same, nil
	}
	return Changed, nil
}

// Restore puts the shipped text back in rel as a new regular file, after
// keeping what was there in backup (both repository-relative): a file's
// text, or a link as a link (where links cannot be made, a note of its
// target, in backup+".link"). It replaces rel by renaming a new file over
// it, so a link is replaced and never written through. It returns the
// backup's path, "" when there was nothing to keep.
func Restore(root, rel string, shipped []byte, backup string) (string, error) {
	st, err := StateOf(root, rel, shipped)
	if err != nil {
		return "", err
	}
	p := filepath.Join(root, filepath.FromSlash(rel))
	kept, err := keep(root, p, backup, st)
	if err != nil {
		return "", fmt.Errorf("cannot keep a backup, so nothing changed: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return kept, err
	}
	tmp, err := os.CreateTemp(filepath.Dir(p), ".reset-*")
	if err != nil {
		return kept, err
	}
	defer os.Remove(tmp.Name()) // gone after the rename; left behind only on failure
	if _, err := tmp.Write(shipped); err != nil {
		tmp.Close()
		return kept, err
	}
	if err := tmp.Close(); err != nil {
		return kept, err
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return kept, err
	}
	return kept, os.Rename(tmp.Name(), p)
}

// keep copies what stands at p to backup, as its state says.
func keep(root, p, backup string, st State) (string, error) {
	if st == Gone || st == Same {
		return "", nil
	}
	dst := filepath.Join(root, filepath.FromSlash(backup))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return "", err
	}
	if st == Link {
		target, err := os.Readlink(p)
		if err != nil {
			return "", err
		}
		if os.Symlink(target, dst) == nil {
			return backup, nil
		}
		note := fmt.Sprintf("koans/ held a symbolic link here, to %s\n", target)
		return backup + ".link", os.WriteFile(dst+".link", []byte(note), 0o644)
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return "", err
	}
	return backup, os.WriteFile(dst, data, 0o644)
}
