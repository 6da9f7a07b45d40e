package waitfor

import (
	"fmt"
	"go/ast"
	"go/token"
	"go/types"
	"regexp"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/traceback"
)

// A frame is one koan frame of a goroutine, with its function. g is nil
// for the frame of a goroutine that no longer runs (the creator of a
// goroutine, known only by its go statement).
type frame struct {
	g    *traceback.Goroutine
	at   int // index in g.Frames
	fn   *function
	line int
}

// instance names one run of the frame's function: locals of two runs are
// different variables.
func (f frame) instance() string {
	if f.g == nil {
		return "once"
	}
	return fmt.Sprintf("g%df%d", f.g.ID, f.at)
}

// A ref is what an expression of a frame names: keys that identify it
// (a variable of a run of a function, an address), and a name for the
// learner. A lower score is a better name: the koan's own variable.
type ref struct {
	keys  []string
	name  string
	score int
	param int      // the parameter it was followed to in its own frame, or -1
	roots []string // the variables it was followed through, by name
}

// hint helps pick, among the parameters a local may hold (first, second :=
// from, to), the one it holds: the lock's address when the traceback shows
// it, or a parameter another name of the frame already holds.
type hint struct {
	addr    uint64
	exclude int // a parameter index, or -1
}

var noHint = hint{exclude: -1}

// maxDepth bounds how many calls a parameter is followed through.
const maxDepth = 16

// resolve follows x, an expression of frame f, to the variable it names.
func (a *analysis) resolve(f frame, x ast.Expr, h hint) ref {
	text := types.ExprString(x)
	id, path := rootOf(x)
	if id == nil || f.fn == nil {
		return ref{keys: []string{"expr:" + f.instance() + ":" + text}, name: text, score: 2, param: -1}
	}
	roots := []string{id.Name}
	obj := f.fn.objectOf(id)
	if obj == nil {
		return ref{keys: []string{"pkg:" + id.Name + path}, name: id.Name + path, param: -1, roots: roots}
	}
	declFn := a.src.funcDeclaring(f.fn.file, obj.Pos())
	switch {
	case declFn == nil:
		return ref{keys: []string{"pkg:" + id.Name + path}, name: id.Name + path, param: -1, roots: roots}
	case declFn != f.fn: // captured from an enclosing function
		return ref{keys: []string{a.varKey(obj, a.instanceOf(f.g, declFn), path)}, name: id.Name + path, param: -1, roots: roots}
	}
	if i := paramIndex(f.fn, obj); i >= 0 {
		return a.resolveParam(f, i, path)
	}
	if cands := paramsBehind(f.fn, obj); len(cands) > 0 {
		if i, ok := a.pick(f, cands, h); ok {
			return a.resolveParam(f, i, path)
		}
	}
	score := 1
	if f.fn.isTest {
		score = 0
	}
	return ref{keys: []string{a.varKey(obj, f.instance(), path)}, name: id.Name + path, score: score, param: -1, roots: roots}
}

func exprString(x ast.Expr) string {
	if x == nil {
		return ""
	}
	return types.ExprString(x)
}

func (a *analysis) varKey(obj types.Object, instance, path string) string {
	return fmt.Sprintf("var:%d:%s%s", obj.Pos(), instance, path)
}

// rootOf splits a.b.c into the identifier a and the path ".b.c"; & and *
// are looked through (they name the same lock). It returns nil for an
// expression not rooted in a variable (an index, a call).
func rootOf(x ast.Expr) (*ast.Ident, string) {
	path := ""
	for {
		switch e := x.(type) {
		case *ast.SelectorExpr:
			path = "." + e.Sel.Name + path
			x = e.X
		case *ast.ParenExpr:
			x = e.X
		case *ast.StarExpr:
			x = e.X
		case *ast.UnaryExpr:
			if e.Op != token.AND {
				return nil, path
			}
			x = e.X
		case *ast.Ident:
			return e, path
		default:
			return nil, path
		}
	}
}

func paramIndex(fn *function, obj types.Object) int {
	for i, p := range fn.params {
		if p != nil && fn.objectOf(p) == obj {
			return i
		}
	}
	return -1
}

// paramsBehind returns the parameters a local may hold when it is only
// ever assigned parameters or locals that are (first, second := from, to;
// first, second = second, first), else nil.
func paramsBehind(fn *function, obj types.Object) []int {
	seen := map[types.Object]bool{}
	var out []int
	var follow func(o types.Object) bool
	follow = func(o types.Object) bool {
		if seen[o] {
			return true
		}
		seen[o] = true
		if i := paramIndex(fn, o); i >= 0 {
			out = append(out, i)
			return true
		}
		ok, any := true, false
		ast.Inspect(fn.node, func(n ast.Node) bool {
			as, isAssign := n.(*ast.AssignStmt)
			if !isAssign || !ok {
				return ok
			}
			for k, l := range as.Lhs {
				if id, isID := l.(*ast.Ident); isID && fn.objectOf(id) == o {
					any = true
					rhs, isID := rhsAt(as, k).(*ast.Ident)
					ok = isID && fn.objectOf(rhs) != nil && follow(fn.objectOf(rhs))
				}
			}
			return ok
		})
		return ok && any
	}
	if !follow(obj) {
		return nil
	}
	return out
}

func rhsAt(as *ast.AssignStmt, k int) ast.Expr {
	if len(as.Lhs) != len(as.Rhs) {
		return nil
	}
	return as.Rhs[k]
}

// pick chooses the parameter a local holds: the one whose pointer is the
// nearest at or below the lock's address (the object the lock is in), or
// the only one left once another name's parameter is excluded.
func (a *analysis) pick(f frame, cands []int, h hint) (int, bool) {
	if f.g == nil {
		return 0, false
	}
	args := splitArgs(f.g.Frames[f.at].Args)
	best, found := 0, false
	var bestPtr uint64
	if h.addr != 0 {
		for _, i := range cands {
			if p, ok := pointer(args, i); ok && p <= h.addr && (!found || p > bestPtr) {
				best, bestPtr, found = i, p, true
			}
		}
		return best, found
	}
	var left []int
	for _, i := range cands {
		if i != h.exclude && !contains(left, i) {
			left = append(left, i)
		}
	}
	if len(left) == 1 && h.exclude >= 0 {
		return left[0], true
	}
	return 0, false
}

func contains(xs []int, x int) bool {
	for _, y := range xs {
		if x == y {
			return true
		}
	}
	return false
}

// resolveParam follows parameter i of frame f to the argument its caller
// passed (the calling frame, or the go statement that started the
// goroutine), and keeps the pointer the traceback shows for it.
func (a *analysis) resolveParam(f frame, i int, path string) ref {
	r := ref{param: i, score: 1}
	if f.g != nil {
		if p, ok := pointer(splitArgs(f.g.Frames[f.at].Args), i); ok {
			r.keys = append(r.keys, fmt.Sprintf("ptr:%#x%s", p, path))
		}
	}
	name := "?"
	if id := f.fn.params[i]; id != nil {
		name = id.Name
		r.roots = append(r.roots, id.Name)
		if obj := f.fn.objectOf(id); obj != nil {
			r.keys = append(r.keys, a.varKey(obj, f.instance(), path))
		}
	}
	r.name = name + path
	if a.depth >= maxDepth { // a dump that loops (a goroutine its own creator)
		return r
	}
	a.depth++
	defer func() { a.depth-- }()
	caller, call := a.caller(f)
	if call == nil {
		return r
	}
	arg := argOf(call, f.fn, i)
	if arg == nil {
		return r
	}
	sub := a.resolve(caller, arg, noHint)
	for _, k := range sub.keys {
		r.keys = append(r.keys, k+path)
	}
	r.name, r.score = strings.TrimLeft(sub.name, "&*")+path, sub.score
	r.roots = append(r.roots, sub.roots...)
	return r
}

// argOf returns the argument of call that parameter i of fn receives (the
// receiver is parameter 0 of a method), or nil if call does not fit fn.
func argOf(call *ast.CallExpr, fn *function, i int) ast.Expr {
	if d, ok := fn.node.(*ast.FuncDecl); ok && d.Recv != nil {
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok || len(call.Args) != len(fn.params)-1 {
			return nil
		}
		if i == 0 {
			return sel.X
		}
		return call.Args[i-1]
	}
	if len(call.Args) != len(fn.params) {
		return nil
	}
	return call.Args[i]
}

// caller returns the frame that called f and the call on its line that
// fits f: the next frame outward if it is the koan's, else the go
// statement that started the goroutine.
func (a *analysis) caller(f frame) (frame, *ast.CallExpr) {
	if f.g == nil {
		return frame{}, nil
	}
	g := f.g
	if next := f.at + 1; next < len(g.Frames) && a.mine(g.Frames[next].File) {
		c := a.frameAt(g, next)
		return c, a.fittingCall(a.src.callsAt(c.fn, c.line), f)
	}
	if a.outermost(f) {
		return a.startedByMethodValue(f)
	}
	if f.at+1 != len(g.Frames) || !a.mine(g.CreatedBy.File) {
		return frame{}, nil
	}
	call := a.src.goCallAt(g.CreatedBy.File, g.CreatedBy.Line)
	fn := a.src.funcAt(g.CreatedBy.File, g.CreatedBy.Line)
	if call == nil || fn == nil {
		return frame{}, nil
	}
	c := frame{fn: fn, line: g.CreatedBy.Line}
	if cg := a.goroutine(g.CreatorID); cg != nil {
		for j := range cg.Frames {
			if cg.Frames[j].File == g.CreatedBy.File && cg.Frames[j].Line == g.CreatedBy.Line {
				c = a.frameAt(cg, j)
			}
		}
	}
	return c, call
}

// outermost reports whether f is the last koan frame of its goroutine,
// below frames of the standard library (sync.(*WaitGroup).Go.func1).
func (a *analysis) outermost(f frame) bool {
	for j := f.at + 1; j < len(f.g.Frames); j++ {
		if a.mine(f.g.Frames[j].File) {
			return false
		}
	}
	return f.at+1 < len(f.g.Frames)
}

// startedByMethodValue finds, for a goroutine whose first koan frame is a
// method started through a library (wg.Go(k.keep)), the method value that
// was passed and the frame it was passed in, as a call with no arguments:
// the receiver is the method's parameter 0.
func (a *analysis) startedByMethodValue(f frame) (frame, *ast.CallExpr) {
	d, ok := f.fn.node.(*ast.FuncDecl)
	if !ok || d.Recv == nil || len(f.fn.params) != 1 {
		return frame{}, nil
	}
	a.src.readPackage(f.g.Frames[f.at].File)
	sel, encl := a.src.methodValuePassed(d.Name.Name)
	if sel == nil {
		return frame{}, nil
	}
	c := frame{fn: encl, line: a.src.line(sel.Pos())}
	if cg := a.goroutine(f.g.CreatorID); cg != nil {
		for j := range cg.Frames {
			if a.mine(cg.Frames[j].File) && a.frameAt(cg, j).fn == encl {
				c = a.frameAt(cg, j)
			}
		}
	}
	return c, &ast.CallExpr{Fun: sel}
}

// fittingCall chooses, among the calls on a caller's line, the one that
// called f: the one named like f's function, else the innermost whose
// arguments fit f's parameters.
func (a *analysis) fittingCall(calls []*ast.CallExpr, f frame) *ast.CallExpr {
	name := f.g.Frames[f.at].Func
	name = name[strings.LastIndex(name, ".")+1:]
	var fit *ast.CallExpr
	for _, c := range calls {
		if argOf(c, f.fn, 0) == nil && len(f.fn.params) > 0 {
			continue
		}
		switch fun := c.Fun.(type) {
		case *ast.Ident:
			if fun.Name == name {
				return c
			}
		case *ast.SelectorExpr:
			if fun.Sel.Name == name {
				return c
			}
		}
		fit = c
	}
	return fit
}

// instanceOf names the run of fn that a goroutine's closures see: a frame
// of fn in g, else in the goroutine that started g (and so on), else the
// one run of a function that has returned.
func (a *analysis) instanceOf(g *traceback.Goroutine, fn *function) string {
	for depth := 0; g != nil && depth < 8; depth++ {
		for j := range g.Frames {
			if a.mine(g.Frames[j].File) && a.frameAt(g, j).fn == fn {
				return frame{g: g, at: j}.instance()
			}
		}
		g = a.goroutine(g.CreatorID)
	}
	return "once"
}

// splitArgs splits a frame's argument list at its top-level commas: one
// entry per parameter, a multi-word one in braces.
func splitArgs(s string) []string {
	var out []string
	depth, start := 0, 0
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '{':
			depth++
		case '}':
			depth--
		case ',':
			if depth == 0 {
				out = append(out, strings.TrimSpace(s[start:i]))
				start = i + 1
			}
		}
	}
	if strings.TrimSpace(s) != "" {
		out = append(out, strings.TrimSpace(s[start:]))
	}
	return out
}

var pointerRE = regexp.MustCompile(`^0x[0-9a-f]{5,}$`)

// pointer returns argument i when it is one word that looks like a pointer
// and that the runtime is sure of (no "?").
func pointer(args []string, i int) (uint64, bool) {
	if i >= len(args) || !pointerRE.MatchString(args[i]) {
		return 0, false
	}
	p, err := strconv.ParseUint(args[i][2:], 16, 64)
	return p, err == nil
}
