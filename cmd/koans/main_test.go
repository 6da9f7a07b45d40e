package main

import (
	"bytes"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/testscript"
)

var updateScripts = flag.Bool("update", false, "rewrite the scripts' expected output where cmp fails")

func TestMain(m *testing.M) {
	testscript.Main(m, map[string]func(){
		"koans": func() { os.Exit(Main(os.Args[1:], os.Stdout, os.Stderr)) },
		"exits": func() { os.Exit(exits(os.Args[1:])) },
	})
}

// TestScripts runs the real binary end to end on small course trees: each
// script in testdata/script builds one in $WORK from the fixture koans of
// internal/diagnose/testdata (their build tag removed) and the repository's
// own go.mod and koan helper, so that go test works offline with the
// module and build caches of the machine.
func TestScripts(t *testing.T) {
	if testing.Short() {
		t.Skip("runs go test on fixture trees")
	}
	repo, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	goenv := map[string]string{}
	for _, k := range []string{"GOMODCACHE", "GOCACHE", "GOROOT", "GOPATH"} {
		out, err := exec.Command("go", "env", k).Output()
		if err != nil {
			t.Fatal(err)
		}
		goenv[k] = strings.TrimSpace(string(out))
	}
	testscript.Run(t, testscript.Params{
		Dir:                 "testdata/script",
		UpdateScripts:       *updateScripts,
		RequireExplicitExec: true,
		Cmds:                scriptCmds,
		Setup: func(env *testscript.Env) error {
			for k, v := range goenv {
				env.Setenv(k, v)
			}
			env.Setenv("GOFLAGS", "-mod=mod")
			env.Setenv("GOPROXY", "off")
			env.Setenv("GOTOOLCHAIN", "local")
			env.Setenv("NO_COLOR", "")
			// As under make koans, so the runner names make's targets;
			// gotool.txtar clears it to see go tool's commands named.
			env.Setenv("MAKELEVEL", "1")
			env.Setenv("PATH", filepath.Join(goenv["GOROOT"], "bin")+string(os.PathListSeparator)+os.Getenv("PATH"))
			return layCourse(repo, env.WorkDir)
		},
	})
}

// layCourse lays out a course without koans in dir: go.mod, go.sum, the koan
// helper and what it imports, and the fixtures under fixtures/.
func layCourse(repo, dir string) error {
	for _, p := range []string{"go.mod", "go.sum", "koan", "internal/traceback", "internal/lang"} {
		if err := copyTree(filepath.Join(repo, p), filepath.Join(dir, p), false); err != nil {
			return err
		}
	}
	if err := os.MkdirAll(filepath.Join(dir, "koans"), 0o755); err != nil {
		return err
	}
	return copyTree(filepath.Join(repo, "internal/diagnose/testdata/koans"), filepath.Join(dir, "fixtures"), true)
}

// copyTree copies a file or a directory; untag drops the koanfixture build
// constraint from Go files.
func copyTree(from, to string, untag bool) error {
	return filepath.Walk(from, func(p string, info os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(from, p)
		dst := filepath.Join(to, rel)
		if info.IsDir() {
			return os.MkdirAll(dst, 0o755)
		}
		if strings.HasSuffix(p, "_test.go") && filepath.Base(from) == "koan" {
			return nil // the helper's own tests (and its packages') are not needed
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		if untag {
			data = bytes.Replace(data, []byte("//go:build koanfixture\n\n"), nil, 1)
		}
		return os.WriteFile(dst, data, 0o644)
	})
}
