package crash

import (
	"bytes"
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/lang"
)

// Every goroutine the runner starts goes through Go or Guard: a go
// statement elsewhere, or a function literal handed to a .Go method
// (sync.WaitGroup.Go, errgroup) unguarded, would die with Go's own trace
// and no crash log.
func TestEveryGoroutineOfTheRunnerIsGuarded(t *testing.T) {
	fset := token.NewFileSet()
	var bad []string
	for _, top := range []string{"../../cmd", "../../internal"} {
		err := filepath.WalkDir(top, func(p string, d fs.DirEntry, err error) error {
			if err != nil {
				return err
			}
			if d.IsDir() && d.Name() == "testdata" {
				return filepath.SkipDir
			}
			if d.IsDir() || !strings.HasSuffix(p, ".go") || strings.HasSuffix(p, "_test.go") || filepath.Dir(p) == "." {
				return nil
			}
			f, err := parser.ParseFile(fset, p, nil, 0)
			if err != nil {
				return err
			}
			inCrash := f.Name.Name == "crash"
			ast.Inspect(f, func(n ast.Node) bool {
				switch n := n.(type) {
				case *ast.GoStmt:
					if !inCrash {
						bad = append(bad, fset.Position(n.Pos()).String()+": go statement (use crash.Go)")
					}
				case *ast.CallExpr:
					if sel, ok := n.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "Go" && len(n.Args) == 1 && !isCrash(sel.X) {
						if _, lit := n.Args[0].(*ast.FuncLit); lit {
							bad = append(bad, fset.Position(n.Pos()).String()+": unguarded .Go(func...) (wrap in crash.Guard)")
						}
					}
				}
				return true
			})
			return nil
		})
		require.NoError(t, err)
	}
	assert.Empty(t, bad)
}

// A goroutine's panic is reported once, with its own stack, and ends the
// process with status 2; the terminal's restore runs first.
func TestAGoroutinesPanicIsReportedAndExits(t *testing.T) {
	dir := t.TempDir()
	var stderr bytes.Buffer
	exited := make(chan int, 1)
	r := &Reporter{Args: []string{"watch"}, Stderr: &stderr, Exit: func(code int) { exited <- code }}
	r.SetDir(dir)
	Install(r)
	defer Install(nil)
	restored := false
	OnCrash(func() { restored = true })
	removed := false
	OnCrash(func() { removed = true })() // taken back: not run

	Go(func() { panic("boom") })
	assert.Equal(t, ExitStatus, <-exited)
	assert.True(t, restored, "the terminal is restored")
	assert.False(t, removed, "a restore taken back does not run")
	assert.Contains(t, stderr.String(), "koans: the runner itself failed (boom).")
	assert.Contains(t, stderr.String(), filepath.Join(dir, LogName))

	log, err := os.ReadFile(filepath.Join(dir, LogName))
	require.NoError(t, err)
	for _, want := range []string{"panic: boom\n", "args: [\"watch\"]\n", "go: go1.", "crash.TestAGoroutinesPanicIsReportedAndExits.func"} {
		assert.Contains(t, string(log), want)
	}
}

// The paragraph is in the learner's language; a log that cannot be
// written leaves the stack on stderr instead.
func TestALogThatCannotBeWrittenLeavesTheStackOnStderr(t *testing.T) {
	file := filepath.Join(t.TempDir(), "file")
	require.NoError(t, os.WriteFile(file, nil, 0o644))
	var stderr bytes.Buffer
	r := &Reporter{Lang: lang.Chinese, Stderr: &stderr}
	r.SetDir(filepath.Join(file, ".koans")) // under a file: cannot be made
	assert.Equal(t, "", r.Report("boom", debug.Stack()))
	assert.Contains(t, stderr.String(), "运行器自身出错了（boom），也没能写下崩溃日志")
	assert.Contains(t, stderr.String(), "TestALogThatCannotBeWrittenLeavesTheStackOnStderr")
}

func isCrash(x ast.Expr) bool {
	id, ok := x.(*ast.Ident)
	return ok && id.Name == "crash"
}
