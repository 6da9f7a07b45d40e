package main

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/walk"
)

// resetCmd restores the shipped version of a koan's file, after asking, and
// keeps the learner's version in a backup first. The shipped version is the
// one git has upstream (origin's HEAD or main), else in HEAD.
func (a *app) resetCmd(args []string, stdin io.Reader) error {
	fs := a.newFlags("reset")
	yes := fs.Bool("y", false, a.lang.Sprintf("do not ask for confirmation"))
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() != 1 {
		return lang.Errorf("usage: go tool koans reset [-y] KOAN|FILE (a koan's test name, or a file under koans/)")
	}
	rel, err := a.koanFile(fs.Arg(0))
	if err != nil {
		return err
	}
	shipped, ref, err := a.shippedVersion(rel)
	if err != nil {
		return err
	}
	current, err := os.ReadFile(filepath.Join(a.root, rel))
	if err == nil && bytes.Equal(current, shipped) {
		a.lang.Fprintf(a.stdout, "%s is already as shipped: nothing to do.\n", rel)
		return nil
	}
	backup := filepath.Join(walk.StateDir, "backups", time.Now().Format("20060102-150405"), rel)
	if !*yes {
		a.lang.Fprintf(a.stdout, "Reset %s to the version in %s? Your version will be kept in %s. [y/N] ", rel, ref, backup)
		answer, _ := bufio.NewReader(stdin).ReadString('\n')
		if ans := strings.ToLower(strings.TrimSpace(answer)); ans != "y" && ans != "yes" {
			a.lang.Fprintf(a.stdout, "Nothing changed.\n")
			return nil
		}
	}
	if err == nil { // there is a learner's version to keep
		if err := os.MkdirAll(filepath.Join(a.root, filepath.Dir(backup)), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(filepath.Join(a.root, backup), current, 0o644); err != nil {
			return lang.Errorf("cannot keep a backup, so nothing changed: %w", err)
		}
		a.lang.Fprintf(a.stdout, "Your version is kept in %s\n", filepath.ToSlash(backup))
	}
	if err := os.MkdirAll(filepath.Join(a.root, filepath.Dir(rel)), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(filepath.Join(a.root, rel), shipped, 0o644); err != nil {
		return err
	}
	a.lang.Fprintf(a.stdout, "%s is back as shipped (from %s).\n", rel, ref)
	return nil
}

// koanFile resolves a koan's name or a path to a repository-relative file
// under koans/, refusing anything else.
func (a *app) koanFile(arg string) (string, error) {
	if !strings.ContainsAny(arg, "/\\.") {
		c, err := course.Load(a.root, "koans")
		if err != nil {
			return "", err
		}
		if k := c.Find(arg); k != nil {
			return k.File, nil
		}
		return "", lang.Errorf("no koan named %s (give a test name, or a file under koans/)", arg)
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

// shippedVersion reads rel from git: upstream first, then HEAD.
func (a *app) shippedVersion(rel string) ([]byte, string, error) {
	for _, ref := range []string{"origin/HEAD", "origin/main", "HEAD"} {
		cmd := exec.Command("git", "show", ref+":"+rel)
		cmd.Dir = a.root
		if out, err := cmd.Output(); err == nil {
			return out, ref, nil
		}
	}
	return nil, "", lang.Errorf("git knows no shipped version of %s (is this a clone of the course?)", rel)
}
