package grade

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/goline"
	"github.com/gokoans/concurrency/internal/lang"
)

// answers judges the answers of one learner's file: rel, parsed, with the
// names its concept declares as constants and types (decls).
type answers struct {
	rel   string
	fset  *token.FileSet
	file  *ast.File
	decls names
}

// fair checks every line the learner changed among mine (the shipped lines
// beside them) for an answer that cannot fail: in an assertion, an answer
// that holds a function, mentions a variable of what it is compared with,
// or computes again a part of it; on a line a blank in a comment freed, an
// assertion of constants only, or whose sides share a variable. The
// package doc states the rule.
func (a *answers) fair(shippedLines, mine []numbered) Result {
	for i := range min(len(shippedLines), len(mine)) {
		s, m := shippedLines[i].text, mine[i]
		if s == m.text || slices.EqualFunc(code(s), code(m.text), goline.Token.Same) {
			continue // as shipped, but for spacing and comments
		}
		if freed(s) {
			for _, call := range a.assertionsOn(m.n) {
				if r := a.written(call, m.n); !r.Within {
					return r
				}
			}
			continue
		}
		for _, h := range answersIn(s, m.text) {
			if r := a.filled(m, h); !r.Within {
				return r
			}
		}
	}
	return Result{Within: true}
}

// freed reports whether the shipped line holds a blank in a comment, which
// leaves the whole line to the learner.
func freed(shippedLine string) bool { return goline.BlankIn(shippedLine).InComment }

// filled judges the answer at h in the learner's line m, when it stands in
// an argument of an assertion: against the other arguments, and the rest
// of its own.
func (a *answers) filled(m numbered, h hole) Result {
	tf := a.fset.File(a.file.Pos())
	if tf == nil || m.n > tf.LineCount() {
		return Result{Within: true}
	}
	from := tf.LineStart(m.n) + token.Pos(h.from)
	to := from + token.Pos(h.to-h.from)
	var call *ast.CallExpr // the innermost assertion around the answer
	var arg int
	ast.Inspect(a.file, func(n ast.Node) bool {
		if n == nil || n.Pos() > from || n.End() < to {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok && a.assertion(c) {
			for i, x := range c.Args {
				if x.Pos() <= from && to <= x.End() {
					call, arg = c, i
				}
			}
		}
		return true
	})
	if call == nil {
		return Result{Within: true} // not in an assertion: nothing to compare it with
	}
	var answer ast.Expr
	ast.Inspect(call.Args[arg], func(n ast.Node) bool {
		if e, ok := n.(ast.Expr); ok && answer == nil && e.Pos() == from && e.End() == to {
			answer = e
		}
		return answer == nil
	})
	if answer == nil {
		return Result{Within: true}
	}
	var others []ast.Node
	for i, x := range call.Args {
		if i != arg {
			others = append(others, x)
		}
	}
	others = append(others, without{call.Args[arg], answer})
	return a.judge(answer, others, m.n)
}

// written judges an assertion on a line the learner wrote (a blank in a
// comment freed it): each compared argument is an answer, judged against
// the others; and at least one of them must hold a variable or a call.
func (a *answers) written(call *ast.CallExpr, line int) Result {
	computes := false
	for i, x := range call.Args {
		if i == 0 {
			continue // t
		}
		var others []ast.Node
		for j, y := range call.Args {
			if j != i {
				others = append(others, y)
			}
		}
		if r := a.judge(x, others, line); !r.Within {
			return r
		}
		computes = computes || len(a.variables(x)) > 0 || len(a.computed(x)) > 0
	}
	if !computes {
		where := fmt.Sprintf("%s:%d", a.rel, line)
		return notWithin(where, lang.Msgf("%s:%d: the assertion `%s` compares constants only: it cannot fail", a.rel, line, short(types.ExprString(call))))
	}
	return Result{Within: true}
}

// judge checks one answer against what it is compared with.
func (a *answers) judge(answer ast.Expr, others []ast.Node, line int) Result {
	where := fmt.Sprintf("%s:%d", a.rel, line)
	text := types.ExprString(answer)
	var lit bool
	ast.Inspect(answer, func(n ast.Node) bool {
		_, ok := n.(*ast.FuncLit)
		lit = lit || ok
		return !lit
	})
	if lit {
		return notWithin(where, lang.Msgf("%s:%d: the answer `%s` holds a function, which may do anything, even end the test: an answer is a value", a.rel, line, short(text)))
	}
	compared := map[string]bool{}
	computed := map[string]bool{}
	for _, o := range others {
		for _, v := range a.variables(o) {
			compared[v] = true
		}
		for _, c := range a.computed(o) {
			computed[c] = true
		}
	}
	for _, v := range a.variables(answer) {
		if compared[v] {
			return notWithin(where, lang.Msgf("%s:%d: the answer `%s` mentions %s, which the assertion compares it with: an answer computed from what it is checked against cannot fail", a.rel, line, short(text), v))
		}
	}
	for _, c := range a.computed(answer) {
		if computed[c] {
			return notWithin(where, lang.Msgf("%s:%d: the answer `%s` computes `%s` again, which the assertion compares it with: it cannot fail", a.rel, line, short(text), short(c)))
		}
	}
	return Result{Within: true}
}

// short cuts a long answer for a message.
func short(s string) string {
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "..."
	}
	return s
}

// without is a node with one of its subtrees left out: the argument that
// holds an answer, without the answer.
type without struct {
	ast.Node
	hole ast.Node
}

// visit visits the nodes of n in depth-first order, leaving out a without's
// hole, a selector's field or method name and a composite literal's keys
// (they name no variable).
func visit(n ast.Node, each func(ast.Node)) {
	skip := map[ast.Node]bool{}
	if w, ok := n.(without); ok {
		n, skip[w.hole] = w.Node, true
	}
	ast.Inspect(n, func(n ast.Node) bool {
		if n == nil || skip[n] {
			return false
		}
		switch x := n.(type) {
		case *ast.SelectorExpr:
			skip[x.Sel] = true
		case *ast.KeyValueExpr:
			if _, ok := x.Key.(*ast.Ident); ok {
				skip[x.Key] = true
			}
		}
		each(n)
		return true
	})
}

// variables are the identifiers in n that name a variable or a function
// (anything but a constant, a type, a package or a predeclared name), each
// once, in order.
func (a *answers) variables(n ast.Node) []string {
	var out []string
	seen := map[string]bool{}
	visit(n, func(n ast.Node) {
		id, ok := n.(*ast.Ident)
		if !ok || seen[id.Name] || id.Name == "_" || id.Name == goline.BlankName || a.fixed(id.Name) {
			return
		}
		seen[id.Name] = true
		out = append(out, id.Name)
	})
	return out
}

// fixed reports whether name is a constant, a type, a package or a
// predeclared name: what an honest answer may share with what it is
// compared with. A name the concept declares as a variable, a function or
// a parameter anywhere is none of those; unknown names are variables.
func (a *answers) fixed(name string) bool {
	switch {
	case a.decls.varying[name]:
		return false
	case a.decls.fixed[name], types.Universe.Lookup(name) != nil:
		return true
	}
	return a.packageNames()[name]
}

// packageNames are the names the learner's file imports.
func (a *answers) packageNames() map[string]bool {
	out := map[string]bool{}
	for _, im := range a.file.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		name := path.Base(p)
		if len(name) > 1 && name[0] == 'v' && strings.Trim(name[1:], "0123456789") == "" && path.Dir(p) != "." {
			name = path.Base(path.Dir(p)) // math/rand/v2
		}
		if im.Name != nil {
			name = im.Name.Name
		}
		out[name] = true
	}
	return out
}

// computed are the parts of n that compute a value at run time (a call
// that is not a conversion to a type of its own, a receive, an index, a
// slice, a dereference, a type assertion), each as Go text.
func (a *answers) computed(n ast.Node) []string {
	var out []string
	visit(n, func(n ast.Node) {
		switch x := n.(type) {
		case *ast.CallExpr:
			if id, ok := x.Fun.(*ast.Ident); ok && a.fixed(id.Name) && len(x.Args) == 1 && id.Name != "len" && id.Name != "cap" && !a.isBuiltinFunc(id.Name) {
				return // int64(3): a conversion
			}
			out = append(out, types.ExprString(x))
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				out = append(out, types.ExprString(x))
			}
		case *ast.IndexExpr, *ast.SliceExpr, *ast.StarExpr, *ast.TypeAssertExpr:
			out = append(out, types.ExprString(x.(ast.Expr)))
		}
	})
	return out
}

// isBuiltinFunc reports whether name is a predeclared function (len, min,
// real...), not shadowed by the concept.
func (a *answers) isBuiltinFunc(name string) bool {
	_, ok := types.Universe.Lookup(name).(*types.Builtin)
	return ok && !a.decls.varying[name] && !a.decls.fixed[name]
}

// assertion reports whether c calls testify: assert.X or require.X, by the
// names the file imports those packages under.
func (a *answers) assertion(c *ast.CallExpr) bool {
	sel, ok := c.Fun.(*ast.SelectorExpr)
	if !ok {
		return false
	}
	id, ok := sel.X.(*ast.Ident)
	if !ok {
		return false
	}
	for _, im := range a.file.Imports {
		p, _ := strconv.Unquote(im.Path.Value)
		if p != "github.com/stretchr/testify/assert" && p != "github.com/stretchr/testify/require" {
			continue
		}
		name := path.Base(p)
		if im.Name != nil {
			name = im.Name.Name
		}
		if id.Name == name {
			return true
		}
	}
	return false
}

// assertionsOn are the assertions that start on line n of the file.
func (a *answers) assertionsOn(n int) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(a.file, func(x ast.Node) bool {
		if x == nil {
			return false
		}
		if a.fset.Position(x.Pos()).Line > n || a.fset.Position(x.End()).Line < n {
			return false
		}
		if c, ok := x.(*ast.CallExpr); ok && a.assertion(c) && a.fset.Position(c.Pos()).Line == n {
			out = append(out, c)
		}
		return true
	})
	return out
}

// names are the names a concept's Go files declare, anywhere in them: as
// constants or types (fixed), or as variables, functions, parameters or
// fields (varying).
type names struct{ fixed, varying map[string]bool }

// declared reads the names the Go files of the concept's directory
// declare.
func declared(root, dir string) names {
	fixed, varying := map[string]bool{}, map[string]bool{}
	files, _ := filepath.Glob(filepath.Join(root, filepath.FromSlash(dir), "*.go"))
	for _, p := range files {
		src, err := os.ReadFile(p)
		if err != nil {
			continue
		}
		f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
		if f == nil {
			continue
		}
		_ = err // a file that half parses still declares what it declares
		ast.Inspect(f, func(n ast.Node) bool {
			switch x := n.(type) {
			case *ast.GenDecl:
				for _, s := range x.Specs {
					switch s := s.(type) {
					case *ast.TypeSpec:
						fixed[s.Name.Name] = true
					case *ast.ValueSpec:
						for _, id := range s.Names {
							if x.Tok == token.CONST {
								fixed[id.Name] = true
							} else {
								varying[id.Name] = true
							}
						}
					}
				}
			case *ast.FuncDecl:
				if x.Recv == nil {
					varying[x.Name.Name] = true
				}
			case *ast.Field:
				for _, id := range x.Names {
					varying[id.Name] = true
				}
			case *ast.AssignStmt:
				if x.Tok == token.DEFINE {
					for _, l := range x.Lhs {
						if id, ok := l.(*ast.Ident); ok {
							varying[id.Name] = true
						}
					}
				}
			case *ast.RangeStmt:
				if x.Tok == token.DEFINE {
					for _, l := range []ast.Expr{x.Key, x.Value} {
						if id, ok := l.(*ast.Ident); ok {
							varying[id.Name] = true
						}
					}
				}
			}
			return true
		})
	}
	return names{fixed, varying}
}
