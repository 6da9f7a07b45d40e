package waitfor

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"os"
	"path/filepath"
	"strings"
)

// An opKind is what a statement of the koan does to a lock, a channel, a
// WaitGroup or a Cond.
type opKind int

const (
	opLock opKind = iota + 1
	opRLock
	opUnlock
	opRUnlock
	opSend
	opReceive
	opClose
	opWait // WaitGroup.Wait or Cond.Wait: which one, the state says
	opDone
	opSelect
)

// An op is one such statement, found in a function's body.
type op struct {
	kind     opKind
	x        ast.Expr // the lock, channel, WaitGroup or Cond, as written
	line     int
	deferred bool
}

// A function is a FuncDecl or a FuncLit of a koan's file, with what the
// analysis needs of it: its parameters and the ops and loops of its own body
// (not of the function literals inside it, which run in other frames).
type function struct {
	node   ast.Node
	file   *ast.File
	info   *types.Info  // of the file: which variable each identifier is
	params []*ast.Ident // receiver first, then the parameters; nil for "_" or unnamed
	ops    []op
	loops  [][2]int // first and last line of each for or range statement
	isTest bool     // a top-level func TestX(t *testing.T)
}

// pendingAt reports whether o may still run when the function is at line:
// it comes later, or a loop around line comes back to it.
func (f *function) pendingAt(o op, line int) bool {
	if o.line > line {
		return true
	}
	for _, l := range f.loops {
		if l[0] <= line && line <= l[1] && l[0] <= o.line && o.line <= l[1] {
			return true
		}
	}
	return false
}

// objectOf returns the variable (or other object) id names, or nil for a
// name of another file or package.
func (f *function) objectOf(id *ast.Ident) types.Object {
	return f.info.ObjectOf(id)
}

// source reads and parses the koan's files, each once.
type source struct {
	fset  *token.FileSet
	files map[string]*ast.File
	infos map[*ast.File]*types.Info
	funcs map[ast.Node]*function
}

func newSource() *source {
	return &source{fset: token.NewFileSet(), files: map[string]*ast.File{}, infos: map[*ast.File]*types.Info{}, funcs: map[ast.Node]*function{}}
}

// file parses path, or returns nil if it cannot be read or parsed. The file
// is type-checked alone, its imports unresolved (the check goes on past
// those errors): that is enough to tie each identifier to its declaration,
// which is how two frames are seen to name the same variable, and costs no
// build.
func (s *source) file(path string) *ast.File {
	if f, ok := s.files[path]; ok {
		return f
	}
	var f *ast.File
	if data, err := os.ReadFile(path); err == nil {
		f, _ = parser.ParseFile(s.fset, path, data, parser.SkipObjectResolution)
	}
	s.files[path] = f
	if f != nil {
		info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
		conf := types.Config{Importer: noImports{}, Error: func(error) {}}
		_, _ = conf.Check(f.Name.Name, s.fset, []*ast.File{f}, info)
		s.infos[f] = info
	}
	return f
}

// noImports is an importer that finds nothing: the analysis needs the
// koan's own variables only.
type noImports struct{}

func (noImports) Import(path string) (*types.Package, error) {
	return nil, fmt.Errorf("not imported: %s", path)
}

func (s *source) line(p token.Pos) int { return s.fset.Position(p).Line }

// funcAt returns the function of path that a frame at line runs: the
// innermost one whose body holds line and has a call or an op of its own
// there (a frame's line is a call, or the op it waits in; an empty
// func() {} on the same line is not it).
func (s *source) funcAt(path string, line int) *function {
	f := s.file(path)
	if f == nil {
		return nil
	}
	var around []ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		var body *ast.BlockStmt
		switch fn := n.(type) {
		case *ast.FuncDecl:
			body = fn.Body
		case *ast.FuncLit:
			body = fn.Body
		}
		if body != nil && s.line(body.Lbrace) <= line && line <= s.line(body.Rbrace) {
			around = append(around, n)
		}
		return true
	})
	for i := len(around) - 1; i >= 0; i-- {
		fn := s.function(f, around[i])
		if len(s.callsAt(fn, line)) > 0 || fn.opAt(line) != nil {
			return fn
		}
	}
	if len(around) > 0 {
		return s.function(f, around[len(around)-1])
	}
	return nil
}

// opAt returns the first op of fn on line, or nil.
func (f *function) opAt(line int) *op {
	for i := range f.ops {
		if f.ops[i].line == line && !f.ops[i].deferred {
			return &f.ops[i]
		}
	}
	return nil
}

// funcDeclaring returns the innermost function of f whose node holds pos
// (a parameter's or a local's declaration), or nil at package level.
func (s *source) funcDeclaring(f *ast.File, pos token.Pos) *function {
	var found ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		switch n.(type) {
		case *ast.FuncDecl, *ast.FuncLit:
			if n.Pos() <= pos && pos < n.End() {
				found = n
			}
		}
		return n == nil || n.Pos() <= pos && pos < n.End()
	})
	if found == nil {
		return nil
	}
	return s.function(f, found)
}

func (s *source) funcAround(f *ast.File, holds func(*ast.BlockStmt) bool) *function {
	var found ast.Node
	ast.Inspect(f, func(n ast.Node) bool {
		switch fn := n.(type) {
		case *ast.FuncDecl:
			if fn.Body != nil && holds(fn.Body) {
				found = n
			}
		case *ast.FuncLit:
			if holds(fn.Body) {
				found = n
			}
		}
		return true
	})
	if found == nil {
		return nil
	}
	return s.function(f, found)
}

// function reads a FuncDecl or FuncLit once.
func (s *source) function(f *ast.File, n ast.Node) *function {
	if fn, ok := s.funcs[n]; ok {
		return fn
	}
	fn := &function{node: n, file: f, info: s.infos[f]}
	var typ *ast.FuncType
	var body *ast.BlockStmt
	switch d := n.(type) {
	case *ast.FuncDecl:
		typ, body = d.Type, d.Body
		if d.Recv != nil {
			fn.params = append(fn.params, fieldNames(d.Recv)...)
		}
		fn.isTest = d.Recv == nil && strings.HasPrefix(d.Name.Name, "Test") && d.Name.Name != "TestMain"
	case *ast.FuncLit:
		typ, body = d.Type, d.Body
	}
	fn.params = append(fn.params, fieldNames(typ.Params)...)
	s.readBody(fn, body)
	s.funcs[n] = fn
	return fn
}

// fieldNames lists a field list's names, one per parameter (nil for an
// unnamed one), so that index i is the i-th argument.
func fieldNames(fl *ast.FieldList) []*ast.Ident {
	var out []*ast.Ident
	if fl == nil {
		return nil
	}
	for _, field := range fl.List {
		if len(field.Names) == 0 {
			out = append(out, nil)
		}
		out = append(out, field.Names...)
	}
	return out
}

// readBody collects the ops and loops of a body, not entering function
// literals.
func (s *source) readBody(fn *function, body *ast.BlockStmt) {
	if body == nil {
		return
	}
	ast.Inspect(body, func(n ast.Node) bool {
		switch x := n.(type) {
		case *ast.FuncLit:
			return false
		case *ast.DeferStmt:
			if o, ok := callOp(x.Call); ok {
				o.line, o.deferred = s.line(x.Pos()), true
				fn.ops = append(fn.ops, o)
			}
			return false
		case *ast.CallExpr:
			if o, ok := callOp(x); ok {
				o.line = s.line(x.Pos())
				fn.ops = append(fn.ops, o)
			}
		case *ast.SendStmt:
			fn.ops = append(fn.ops, op{kind: opSend, x: x.Chan, line: s.line(x.Arrow)})
		case *ast.UnaryExpr:
			if x.Op == token.ARROW {
				fn.ops = append(fn.ops, op{kind: opReceive, x: x.X, line: s.line(x.OpPos)})
			}
		case *ast.SelectStmt:
			fn.ops = append(fn.ops, op{kind: opSelect, line: s.line(x.Pos())})
		case *ast.RangeStmt:
			fn.ops = append(fn.ops, op{kind: opReceive, x: x.X, line: s.line(x.Pos())})
			fn.loops = append(fn.loops, [2]int{s.line(x.Pos()), s.line(x.End())})
		case *ast.ForStmt:
			fn.loops = append(fn.loops, [2]int{s.line(x.Pos()), s.line(x.End())})
		}
		return true
	})
}

// callOp reads x.Lock(), x.Unlock(), wg.Wait(), close(ch)... as an op.
func callOp(call *ast.CallExpr) (op, bool) {
	if id, ok := call.Fun.(*ast.Ident); ok && id.Name == "close" && len(call.Args) == 1 {
		return op{kind: opClose, x: call.Args[0]}, true
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || len(call.Args) != 0 {
		return op{}, false
	}
	kinds := map[string]opKind{"Lock": opLock, "RLock": opRLock, "Unlock": opUnlock, "RUnlock": opRUnlock, "Wait": opWait, "Done": opDone}
	if k, ok := kinds[sel.Sel.Name]; ok {
		return op{kind: k, x: sel.X}, true
	}
	return op{}, false
}

// callsAt returns the calls that start on line of fn's own body, outermost
// first.
func (s *source) callsAt(fn *function, line int) []*ast.CallExpr {
	var out []*ast.CallExpr
	ast.Inspect(fn.node, func(n ast.Node) bool {
		if _, ok := n.(*ast.FuncLit); ok && n != fn.node {
			return false
		}
		if c, ok := n.(*ast.CallExpr); ok && s.line(c.Pos()) == line {
			out = append(out, c)
		}
		return true
	})
	return out
}

// goCallAt returns the call of a go statement on line of f, if there is one.
func (s *source) goCallAt(path string, line int) *ast.CallExpr {
	f := s.file(path)
	if f == nil {
		return nil
	}
	var out *ast.CallExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if g, ok := n.(*ast.GoStmt); ok && s.line(g.Pos()) == line && out == nil {
			out = g.Call
		}
		return out == nil
	})
	return out
}

// goCallOf returns the call X.Go(lit) that passes the function literal lit
// (a goroutine's outermost function), and the function the call is in.
func (s *source) goCallOf(lit *ast.FuncLit, f *ast.File) (*ast.SelectorExpr, *function) {
	var sel *ast.SelectorExpr
	ast.Inspect(f, func(n ast.Node) bool {
		if c, ok := n.(*ast.CallExpr); ok && len(c.Args) == 1 && c.Args[0] == lit {
			if x, ok := c.Fun.(*ast.SelectorExpr); ok && x.Sel.Name == "Go" {
				sel = x
			}
		}
		return sel == nil
	})
	if sel == nil {
		return nil, nil
	}
	return sel, s.funcAround(f, func(body *ast.BlockStmt) bool {
		return body.Lbrace < sel.Pos() && sel.Pos() < body.Rbrace
	})
}

// readPackage parses the other Go files beside path (the koan's package),
// so that a search of the files read sees the whole package.
func (s *source) readPackage(path string) {
	if !strings.HasSuffix(path, ".go") {
		return
	}
	names, _ := filepath.Glob(filepath.Join(filepath.Dir(path), "*.go"))
	for _, n := range names {
		s.file(n)
	}
}

// methodValuePassed finds the one method value x.name passed as the
// argument of a call (wg.Go(k.keep)) in the files read so far, and the
// function it is in; nil if there is none or more than one.
func (s *source) methodValuePassed(name string) (*ast.SelectorExpr, *function) {
	var found *ast.SelectorExpr
	var in *ast.File
	n := 0
	for _, f := range s.files {
		if f == nil {
			continue
		}
		ast.Inspect(f, func(node ast.Node) bool {
			if c, ok := node.(*ast.CallExpr); ok && len(c.Args) == 1 {
				if sel, ok := c.Args[0].(*ast.SelectorExpr); ok && sel.Sel.Name == name {
					found, in = sel, f
					n++
				}
			}
			return true
		})
	}
	if n != 1 {
		return nil, nil
	}
	return found, s.funcAround(in, func(body *ast.BlockStmt) bool {
		return body.Lbrace < found.Pos() && found.Pos() < body.Rbrace
	})
}
