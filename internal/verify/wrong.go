package verify

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/goline"
	"github.com/gokoans/concurrency/internal/kind"
)

// The wrong answers a learner would try, as edits of a koan's solution
// file: those its catalog declares ([[koan.wrong]]) and the generic ones
// tried on every koan where they apply. Each is one variant of the file,
// the solution with that one answer replaced; adversary.go runs them.

// Where a wrong answer comes from.
const (
	Declared      = "declared"       // the catalog's [[koan.wrong]]
	ReturnAtBlank = "return"         // a return in place of a statement blank's answer
	SleepAtBlank  = "sleep"          // a sleep in place of the answer, or before the blank
	OtherArgument = "other argument" // assert.Equal(t, x, x): the blank filled with what it is compared with
)

// A variant is a solution file with one wrong answer in it.
type variant struct {
	source string // Declared, ReturnAtBlank, ...
	file   string // the solution file, repository-relative
	line   int    // the first line edited, in the solution as it is
	edit   string // what was done, in words
	why    string // the catalog's why (Declared)
	at     string // the catalog's file:line (Declared)
	info   bool   // a pass is information, not a problem
	// same: the variant compares a variable with itself, and cannot fail:
	// no need to run it.
	same  bool
	lines []string
}

// solutionFile is the solution file of the koan's own file, or of file
// (relative to the concept's directory) when it is set.
func solutionFile(k *course.Koan, sc *course.Concept, file string) string {
	if file != "" {
		return sc.Dir + "/" + filepath.ToSlash(file)
	}
	return sc.Dir + strings.TrimPrefix(k.File, k.Concept.Dir)
}

// funcSpans are the line spans of the named function of a file and, as a
// second group, of the plain functions of the same file that it calls.
func funcSpans(root, file, name string) (own [2]int, called [][2]int) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(file)), nil, parser.SkipObjectResolution)
	if err != nil {
		return own, nil
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
			funcs[fd.Name.Name] = fd
		}
	}
	span := func(fd *ast.FuncDecl) [2]int {
		return [2]int{fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line}
	}
	koan := funcs[name]
	if koan == nil {
		return own, nil
	}
	own = span(koan)
	seen := map[string]bool{name: true}
	ast.Inspect(koan, func(n ast.Node) bool {
		if call, ok := n.(*ast.CallExpr); ok {
			if id, ok := call.Fun.(*ast.Ident); ok && funcs[id.Name] != nil && !seen[id.Name] {
				seen[id.Name] = true
				called = append(called, span(funcs[id.Name]))
			}
		}
		return true
	})
	return own, called
}

// findLines splits a wrong answer's find into its lines, each trimmed.
func findLines(find string) []string {
	lines := strings.Split(strings.Trim(find, "\n"), "\n")
	for i := range lines {
		lines[i] = strings.TrimSpace(lines[i])
	}
	return lines
}

// sameLine reports whether a line of the solution is the line of a find:
// the same text, white space at either end put aside, with or without the
// line's trailing comment.
func sameLine(line, find string) bool {
	t := strings.TrimSpace(line)
	return t == find || strings.TrimSpace(codeOf(line)) == find
}

// codeOf is the line without its trailing comment.
func codeOf(line string) string {
	toks := goline.Tokens(line)
	if n := len(toks); n > 0 && toks[n-1].Kind == token.COMMENT {
		return strings.TrimRight(line[:toks[n-1].From], " \t")
	}
	return line
}

// matches are the first lines (1-based) where the find's lines stand in a
// row within the span.
func matches(lines, find []string, span [2]int) []int {
	var out []int
	for n := span[0]; n+len(find)-1 <= span[1] && n+len(find)-1 <= len(lines); n++ {
		ok := true
		for j, f := range find {
			if !sameLine(lines[n-1+j], f) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, n)
		}
	}
	return out
}

// locate finds where a declared wrong answer applies: the solution file,
// and the first line of the one place its find occurs. Not found, or found
// more than once, it says so.
func locate(root string, k *course.Koan, sc *course.Concept, w course.WrongAnswer) (file string, line int, problem string) {
	file = solutionFile(k, sc, w.File)
	lines := course.SourceLines(root, file)
	if lines == nil {
		return file, 0, fmt.Sprintf("its file %s cannot be read", file)
	}
	find := findLines(w.Find)
	var where string
	var at []int
	if w.File == "" || file == solutionFile(k, sc, "") {
		own, called := funcSpans(root, file, k.Name)
		at, where = matches(lines, find, own), "the koan's function"
		if len(at) == 0 {
			for _, s := range called {
				at = append(at, matches(lines, find, s)...)
			}
			if len(at) > 0 {
				where = "the functions the koan calls"
			}
		}
	} else {
		at, where = matches(lines, find, [2]int{1, len(lines)}), file
	}
	switch {
	case len(at) == 0 && where == file:
		return file, 0, fmt.Sprintf("its find %q is not in %s: find is whole lines of the solution, each trimmed (a trailing comment may be left out)", strings.Join(find, `\n`), file)
	case len(at) == 0:
		return file, 0, fmt.Sprintf("its find %q is not in %s's function in %s (nor in the functions of that file it calls): find is whole lines of the solution, each trimmed (a trailing comment may be left out)", strings.Join(find, `\n`), k.Name, file)
	case len(at) > 1:
		var ns []string
		for _, n := range at {
			ns = append(ns, strconv.Itoa(n))
		}
		return file, 0, fmt.Sprintf("its find %q occurs %d times in %s (lines %s of %s): make it name one place", strings.Join(find, `\n`), len(at), where, strings.Join(ns, ", "), file)
	}
	return file, at[0], ""
}

// declared is the variant of a declared wrong answer: the find's lines
// replaced with the put's, re-indented like the first line found.
func declared(root string, k *course.Koan, sc *course.Concept, cat string, w course.WrongAnswer) (variant, string) {
	file, n, problem := locate(root, k, sc, w)
	if problem != "" {
		return variant{}, problem
	}
	lines := course.SourceLines(root, file)
	count := len(findLines(w.Find))
	put := reindent(w.Put, indentOf(lines[n-1]))
	out := slices.Concat(lines[:n-1], put, lines[n-1+count:])
	if usesTime(put) {
		out = withImport(out, "time")
	}
	what := "deleted"
	if len(put) > 0 {
		what = "put " + quote(strings.Join(trimAll(put), "; ")) + " in place of it"
	}
	return variant{
		source: Declared, file: file, line: n, why: w.Why, at: fmt.Sprintf("%s:%d", cat, w.Line),
		edit:  fmt.Sprintf("%s:%d %s %s", file, n, quote(strings.Join(findLines(w.Find), "; ")), what),
		lines: out,
	}, ""
}

// reindent gives put's lines the indent, keeping their own indents
// relative to one another; "" is no line at all.
func reindent(put, indent string) []string {
	put = strings.Trim(put, "\n")
	if strings.TrimSpace(put) == "" {
		return nil
	}
	lines := strings.Split(put, "\n")
	common, first := "", true
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			continue
		}
		in := indentOf(l)
		if first {
			common, first = in, false
			continue
		}
		for !strings.HasPrefix(in, common) {
			common = common[:len(common)-1]
		}
	}
	for i, l := range lines {
		if strings.TrimSpace(l) == "" {
			lines[i] = ""
			continue
		}
		lines[i] = indent + strings.TrimPrefix(l, common)
	}
	return lines
}

func indentOf(line string) string { return line[:len(line)-len(strings.TrimLeft(line, " \t"))] }

func trimAll(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimSpace(l)
	}
	return out
}

func quote(s string) string { return "`" + s + "`" }

var timeUse = regexp.MustCompile(`\btime\.`)

func usesTime(lines []string) bool {
	return slices.ContainsFunc(lines, timeUse.MatchString)
}

// withImport adds the import of path to a file's lines, unless the file
// imports it already: after `import (`, or as a line of its own after the
// first import or the package clause.
func withImport(lines []string, path string) []string {
	src := strings.Join(lines, "\n")
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.ImportsOnly)
	if err == nil {
		for _, im := range f.Imports {
			if p, _ := strconv.Unquote(im.Path.Value); p == path && (im.Name == nil || im.Name.Name == filepath.Base(path)) {
				return lines
			}
		}
	}
	for i, l := range lines {
		t := strings.TrimSpace(l)
		switch {
		case t == "import (":
			return slices.Insert(slices.Clone(lines), i+1, "\t"+strconv.Quote(path))
		case strings.HasPrefix(t, "import "):
			return slices.Insert(slices.Clone(lines), i+1, "import "+strconv.Quote(path))
		}
	}
	for i, l := range lines {
		if strings.HasPrefix(l, "package ") {
			return slices.Insert(slices.Clone(lines), i+1, "", "import "+strconv.Quote(path))
		}
	}
	return lines
}

// The sleeps tried at the blanks of race, leak, deadlock and timeout koans.
var sleeps = []string{"time.Sleep(50 * time.Millisecond)", "time.Sleep(time.Second)"}

// sleepKinds are the kinds whose koans are tried with a sleep.
func sleepKind(k kind.Kind) bool {
	return k == kind.Race || k == kind.Leak || k == kind.Deadlock || k == kind.Timeout
}

// A blank group is one answer of a koan: a blank line, or a run of
// comment-only blank lines (// __ ... two lines are missing here).
type blankGroup struct {
	from, to int    // the lines, 1-based
	koan     string // the koan's first line
	// statement: the answer is whole statements (a // __ line, or a line
	// whose blank is only in its comment and whose solution is one simple
	// statement), which a return or a sleep may stand in for.
	statement bool
	// inCode: the koan's line holds __ in its code (an expression blank).
	inCode bool
}

// blankGroups groups a koan's filled blanks into its answers.
func blankGroups(blanks []filled) []blankGroup {
	var out []blankGroup
	for _, b := range blanks {
		code := strings.TrimSpace(codeWithoutComments(b.koan))
		commentOnly := code == ""
		if commentOnly && len(out) > 0 {
			last := &out[len(out)-1]
			if last.to == b.line-1 && strings.TrimSpace(codeWithoutComments(last.koan)) == "" {
				last.to = b.line
				continue
			}
		}
		g := blankGroup{from: b.line, to: b.line, koan: b.koan}
		g.inCode = goline.BlankIn(b.koan).InCode
		switch {
		case commentOnly, code == goline.BlankName:
			g.statement = true
		case !g.inCode:
			g.statement = simpleStatement(codeOf(b.solution))
		}
		out = append(out, g)
	}
	return out
}

// codeWithoutComments is the line with every comment taken out.
func codeWithoutComments(line string) string {
	var b strings.Builder
	for _, t := range goline.Tokens(line) {
		if t.Kind != token.COMMENT {
			b.WriteString(t.Text)
			b.WriteByte(' ')
		}
	}
	return b.String()
}

// simpleStatement reports whether the line is one whole statement that a
// return could stand in for: an expression, a send, an inc/dec, an
// assignment (not a declaration: what it declares is used further on), a
// go or a defer.
func simpleStatement(code string) bool {
	src := "package p\nfunc _() {\n" + code + "\n}\n"
	f, err := parser.ParseFile(token.NewFileSet(), "", src, parser.SkipObjectResolution)
	if err != nil {
		return false
	}
	body := f.Decls[0].(*ast.FuncDecl).Body.List
	if len(body) != 1 {
		return false
	}
	switch s := body[0].(type) {
	case *ast.ExprStmt, *ast.SendStmt, *ast.IncDecStmt, *ast.GoStmt, *ast.DeferStmt:
		return true
	case *ast.AssignStmt:
		return s.Tok != token.DEFINE
	}
	return false
}

// generic are the generic wrong answers of a koan: a return at each
// statement blank; for a race, leak, deadlock or timeout koan, a sleep at
// each blank (in place of a statement's answer, else before the statement
// that holds the blank, left as shipped); and each assertion blank filled
// with what it is compared with.
func generic(root string, k *course.Koan, sc *course.Concept) []variant {
	blanks, file := filledBlanks(root, k, sc)
	if len(blanks) == 0 {
		return nil
	}
	sl := course.SourceLines(root, file)
	var out []variant
	replace := func(g blankGroup, with string) []string {
		lines := slices.Clone(sl)
		lines[g.from-1] = indentOf(sl[g.from-1]) + with
		for n := g.from + 1; n <= g.to; n++ {
			lines[n-1] = ""
		}
		return lines
	}
	answer := func(g blankGroup) string {
		var a []string
		for n := g.from; n <= g.to; n++ {
			a = append(a, strings.TrimSpace(codeOf(sl[n-1])))
		}
		return strings.Join(a, "; ")
	}
	for _, g := range blankGroups(blanks) {
		if g.statement {
			out = append(out, variant{
				source: ReturnAtBlank, file: file, line: g.from, lines: replace(g, "return"),
				edit: fmt.Sprintf("%s:%d `return` in place of %s", file, g.from, quote(answer(g))),
			})
		}
		if sleepKind(k.Kind) {
			for _, s := range sleeps {
				switch {
				case g.statement:
					out = append(out, variant{
						source: SleepAtBlank, file: file, line: g.from, lines: withImport(replace(g, s), "time"),
						edit: fmt.Sprintf("%s:%d %s in place of %s", file, g.from, quote(s), quote(answer(g))),
					})
				case !g.inCode:
					if lines, at := sleepBefore(sl, g, s, root, file); lines != nil {
						out = append(out, variant{
							source: SleepAtBlank, file: file, line: g.from, lines: withImport(lines, "time"),
							edit: fmt.Sprintf("%s:%d the blank left as shipped, %s on line %d before it", file, g.from, quote(s), at),
						})
					}
				}
			}
		}
		if g.inCode {
			if line, other := otherArgument(g.koan); line != "" {
				lines := slices.Clone(sl)
				lines[g.from-1] = line
				out = append(out, variant{
					source: OtherArgument, file: file, line: g.from, lines: lines, info: true, same: plain(other),
					edit: fmt.Sprintf("%s:%d the blank filled with what it is compared with, %s", file, g.from, quote(other)),
				})
			}
		}
	}
	return out
}

// sleepBefore is the solution with the blank's line as shipped and a sleep
// inserted before the statement that holds it, and that statement's line.
func sleepBefore(sl []string, g blankGroup, sleep, root, file string) ([]string, int) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(file)), nil, parser.SkipObjectResolution)
	if err != nil {
		return nil, 0
	}
	at := 0
	ast.Inspect(f, func(n ast.Node) bool {
		var list []ast.Stmt
		switch b := n.(type) {
		case *ast.BlockStmt:
			list = b.List
		case *ast.CaseClause:
			list = b.Body
		case *ast.CommClause:
			list = b.Body
		default:
			return true
		}
		for _, s := range list {
			from, to := fset.Position(s.Pos()).Line, fset.Position(s.End()).Line
			if from <= g.from && g.from <= to {
				at = from // the innermost wins: Inspect goes deeper after
			}
		}
		return true
	})
	if at == 0 {
		return nil, 0
	}
	lines := slices.Clone(sl)
	lines[g.from-1] = g.koan
	return slices.Insert(lines, at-1, indentOf(sl[at-1])+sleep), at
}

// plain reports whether an expression reads a variable, a field of one, or
// a literal, and no more: compared with itself, it is equal every time.
func plain(src string) bool {
	e, err := parser.ParseExpr(src)
	if err != nil {
		return false
	}
	for {
		switch x := e.(type) {
		case *ast.Ident, *ast.BasicLit:
			return true
		case *ast.SelectorExpr:
			e = x.X
		case *ast.ParenExpr:
			e = x.X
		default:
			return false
		}
	}
}

// equalities are the assertions whose blank, filled with the other
// argument, compares a value with itself.
var equalities = []string{"Equal", "EqualValues", "Exactly", "ElementsMatch", "Same", "JSONEq", "YAMLEq", "InDelta", "InEpsilon", "WithinDuration", "Subset"}

// otherArgument is the koan's line with its assertion blank filled with
// the argument it is compared with (assert.Equal(t, __, got) becomes
// assert.Equal(t, got, got)), and that argument; "" if the line is not
// such an assertion.
func otherArgument(koanLine string) (string, string) {
	code := codeOf(koanLine)
	indent := indentOf(code)
	expr, err := parser.ParseExpr(strings.TrimSpace(code))
	if err != nil {
		return "", ""
	}
	call, ok := expr.(*ast.CallExpr)
	if !ok || len(call.Args) < 3 {
		return "", ""
	}
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || !slices.Contains(equalities, sel.Sel.Name) {
		return "", ""
	}
	if pkg, ok := sel.X.(*ast.Ident); !ok || pkg.Name != "assert" && pkg.Name != "require" {
		return "", ""
	}
	isBlank := func(e ast.Expr) bool { id, ok := e.(*ast.Ident); return ok && id.Name == goline.BlankName }
	src := strings.TrimSpace(code)
	text := func(e ast.Expr) string { return src[e.Pos()-1 : e.End()-1] }
	var blank, other ast.Expr
	switch {
	case isBlank(call.Args[1]) && !isBlank(call.Args[2]):
		blank, other = call.Args[1], call.Args[2]
	case isBlank(call.Args[2]) && !isBlank(call.Args[1]):
		blank, other = call.Args[2], call.Args[1]
	default:
		return "", ""
	}
	o := text(other)
	line := indent + src[:blank.Pos()-1] + o + src[blank.End()-1:] + koanLine[len(code):]
	return line, o
}
