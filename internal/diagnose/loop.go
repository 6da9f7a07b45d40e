package diagnose

import (
	"go/ast"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/traceback"
)

// running reports whether a goroutine was running, not blocked, when the
// dump was taken.
func running(g traceback.Goroutine) bool { return g.State == "running" || g.State == "runnable" }

// loopPlace corrects the line of a running goroutine's frame. A loop with
// no call in it (for {} or for !done {}) is stopped by an asynchronous
// preemption whose PC the runtime may attribute to the file's line 1,
// outside the function. When the frame's line lies outside its function,
// the loop is looked up in the source: the first for statement of that
// function (not of a closure within it) with no condition, else its first
// for statement.
func (j *judge) loopPlace(f traceback.Frame) Place {
	p := j.place(f)
	src := j.c.File(j.root, p.File)
	af, fset := src.AST, src.Fset
	if af == nil || src.Err != nil {
		return p
	}
	body := funcBody(af, f.Func)
	if body == nil {
		return p
	}
	start, end := fset.Position(body.Pos()).Line, fset.Position(body.End()).Line
	if p.Line >= start && p.Line <= end {
		return p
	}
	if l := firstLoop(body); l != nil {
		p.Line = fset.Position(l.Pos()).Line
	}
	return p
}

// funcBody finds the body of a function named as a traceback names it:
// pkg.TestX, or pkg.TestX.func2 for the second closure of TestX (closures
// nested in closures, pkg.TestX.func1.1, are not told apart: the outer one
// is taken).
func funcBody(af *ast.File, name string) *ast.BlockStmt {
	name = name[strings.LastIndex(name, "/")+1:]
	parts := strings.Split(name, ".")
	if len(parts) < 2 {
		return nil
	}
	for _, d := range af.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != parts[1] || fd.Body == nil {
			continue
		}
		if len(parts) == 2 {
			return fd.Body
		}
		n, err := strconv.Atoi(strings.TrimPrefix(parts[2], "func"))
		if err != nil {
			return nil
		}
		var lits []*ast.FuncLit
		ast.Inspect(fd.Body, func(x ast.Node) bool {
			if lit, ok := x.(*ast.FuncLit); ok {
				lits = append(lits, lit)
				return false
			}
			return true
		})
		if n >= 1 && n <= len(lits) {
			return lits[n-1].Body
		}
	}
	return nil
}

// firstLoop is the first for statement without a condition in body, else
// the first for statement, not counting closures.
func firstLoop(body *ast.BlockStmt) ast.Node {
	var first, endless ast.Node
	ast.Inspect(body, func(x ast.Node) bool {
		switch s := x.(type) {
		case *ast.FuncLit:
			return false
		case *ast.ForStmt:
			if first == nil {
				first = s
			}
			if s.Cond == nil && endless == nil {
				endless = s
			}
		case *ast.RangeStmt:
			if first == nil {
				first = s
			}
		}
		return true
	})
	if endless != nil {
		return endless
	}
	return first
}
