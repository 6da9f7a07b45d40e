package reset

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/state"
)

// Options say what to reset, and how to talk with the learner.
type Options struct {
	Root string
	Arg  string // a koan's test name, or a file under koans/
	Yes  bool   // do not ask for confirmation
	In   io.Reader
	Out  io.Writer
	Lang lang.Lang
}

// Reset restores the shipped version of the file opt.Arg names, asking
// first unless opt.Yes. A file already as shipped is left alone.
func Reset(opt Options) error {
	v, err := shipped.Find(opt.Root)
	if err != nil {
		return lang.Errorf("cannot reset: %w", err)
	}
	rel, err := koanFile(opt.Root, v, opt.Arg)
	if err != nil {
		return err
	}
	text, err := v.Read(rel)
	if files, ferr := v.Files(rel); err != nil && ferr == nil && len(files) > 0 {
		// A concept's folder (deleted, say): each of its files, in turn.
		for _, f := range files {
			o := opt
			o.Arg = filepath.Join(opt.Root, filepath.FromSlash(f))
			if err := Reset(o); err != nil {
				return err
			}
		}
		return nil
	}
	if err != nil {
		return lang.Errorf("%s was not shipped in %s: reset has nothing to put back", rel, v.Said)
	}
	st, err := shipped.StateOf(opt.Root, rel, text)
	if err != nil {
		return err
	}
	l, w := opt.Lang, opt.Out
	if st == shipped.Same {
		l.Fprintf(w, "%s is already as shipped in %s: nothing to do.\n", rel, v.Said)
		return nil
	}
	backup := state.Backup(rel, time.Now())
	if !opt.Yes {
		if st == shipped.Gone { // nothing of the learner's to keep
			l.Fprintf(w, "Bring %s back as shipped in %s? [y/N] ", rel, v.Said)
		} else {
			l.Fprintf(w, "Reset %s to %s? Your version will be kept in %s. [y/N] ", rel, v.Said, backup)
		}
		answer, _ := bufio.NewReader(opt.In).ReadString('\n')
		if ans := strings.ToLower(strings.TrimSpace(answer)); ans != "y" && ans != "yes" {
			l.Fprintf(w, "Nothing changed.\n")
			return nil
		}
	}
	kept, err := shipped.Restore(opt.Root, rel, text, backup)
	if kept != "" {
		l.Fprintf(w, "Your version is kept in %s\n", kept)
	}
	if err != nil {
		return err
	}
	if st == shipped.Link {
		l.Fprintf(w, "%s was a symbolic link: it is now a file of its own, and what the link pointed to is untouched.\n", rel)
	}
	l.Fprintf(w, "%s is back as shipped (from %s).\n", rel, v.Said)
	return nil
}

// koanFile resolves a koan's name or a path to a repository-relative file
// under koans/, refusing anything else.
func koanFile(root string, v *shipped.Version, arg string) (string, error) {
	if !strings.ContainsAny(arg, "/\\.") {
		c, err := course.Load(root, "koans")
		if err != nil {
			return "", err
		}
		if k := c.Find(arg); k != nil {
			return k.File, nil
		}
		for _, cc := range c.Concepts { // a koan deleted: the file that held it
			if f, err := v.Locate(cc.Dir, arg); err == nil {
				return f, nil
			}
		}
		return "", lang.Errorf("no koan named %s, on disk or as shipped (give a test name, or a file under koans/)", arg)
	}
	abs, err := filepath.Abs(arg)
	if err != nil {
		return "", err
	}
	rel, err := filepath.Rel(root, abs)
	if err != nil {
		return "", err
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "koans/") || strings.Contains(rel, "..") {
		return "", lang.Errorf("reset only restores files under koans/, not %s", arg)
	}
	return rel, nil
}
