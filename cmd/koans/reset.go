package main

import (
	"bufio"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/walk"
)

// resetCmd restores the shipped version of a koan's file, after asking, and
// keeps the learner's version in a backup first. The shipped version is the
// one internal/shipped finds (the tree koans.shipped names), never the
// learner's own pushes; a symbolic link is replaced, never written through.
func (a *app) resetCmd(args []string, stdin io.Reader) error {
	fs := a.newFlags("reset")
	yes := fs.Bool("y", false, a.lang.Sprintf("do not ask for confirmation"))
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return lang.Errorf("usage: go tool koans reset [-y] KOAN|FILE (a koan's test name, or a file under koans/)")
	}
	v, err := shipped.Find(a.root)
	if err != nil {
		return lang.Errorf("cannot reset: %w", err)
	}
	rel, err := a.koanFile(v, fs.Arg(0))
	if err != nil {
		return err
	}
	text, err := v.Read(rel)
	if err != nil {
		return lang.Errorf("%s was not shipped in %s: reset has nothing to put back", rel, v.Name)
	}
	state, err := shipped.StateOf(a.root, rel, text)
	if err != nil {
		return err
	}
	if state == shipped.Same {
		a.lang.Fprintf(a.stdout, "%s is already as shipped in %s: nothing to do.\n", rel, v.Name)
		return nil
	}
	backup := filepath.ToSlash(filepath.Join(walk.StateDir, "backups", time.Now().Format("20060102-150405"), rel))
	if !*yes {
		a.lang.Fprintf(a.stdout, "Reset %s to %s? Your version will be kept in %s. [y/N] ", rel, v.Name, backup)
		answer, _ := bufio.NewReader(stdin).ReadString('\n')
		if ans := strings.ToLower(strings.TrimSpace(answer)); ans != "y" && ans != "yes" {
			a.lang.Fprintf(a.stdout, "Nothing changed.\n")
			return nil
		}
	}
	kept, err := shipped.Restore(a.root, rel, text, backup)
	if kept != "" {
		a.lang.Fprintf(a.stdout, "Your version is kept in %s\n", kept)
	}
	if err != nil {
		return err
	}
	if state == shipped.Link {
		a.lang.Fprintf(a.stdout, "%s was a symbolic link: it is now a file of its own, and what the link pointed to is untouched.\n", rel)
	}
	a.lang.Fprintf(a.stdout, "%s is back as shipped (from %s).\n", rel, v.Name)
	return nil
}

// koanFile resolves a koan's name or a path to a repository-relative file
// under koans/, refusing anything else.
func (a *app) koanFile(v *shipped.Version, arg string) (string, error) {
	if !strings.ContainsAny(arg, "/\\.") {
		c, err := course.Load(a.root, "koans")
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
	rel, err := filepath.Rel(a.root, abs)
	if err != nil {
		return "", err
	}
	rel = filepath.ToSlash(rel)
	if !strings.HasPrefix(rel, "koans/") || strings.Contains(rel, "..") {
		return "", lang.Errorf("reset only restores files under koans/, not %s", arg)
	}
	return rel, nil
}
