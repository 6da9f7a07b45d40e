package diagnose

import (
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strings"
)

// initExit finds a call to os.Exit or log.Fatal in an init function of the
// concept's files, or failing that in its TestMain: what ends a test binary
// before any koan runs. It returns the call's place, the call as written,
// and the function that holds it ("init" or "TestMain").
func (j *judge) initExit() (Place, string, string, bool) {
	names, err := os.ReadDir(filepath.Join(j.root, j.c.Dir))
	if err != nil {
		return Place{}, "", "", false
	}
	type found struct {
		at   Place
		call string
	}
	byFunc := map[string][]found{}
	for _, e := range names {
		if e.IsDir() || !strings.HasSuffix(e.Name(), ".go") {
			continue
		}
		rel := j.c.Dir + "/" + e.Name()
		src := j.c.File(j.root, rel)
		f, fset := src.AST, src.Fset
		if f == nil || src.Err != nil {
			continue
		}
		for _, d := range f.Decls {
			fd, ok := d.(*ast.FuncDecl)
			if !ok || fd.Recv != nil || fd.Body == nil || fd.Name.Name != "init" && fd.Name.Name != "TestMain" {
				continue
			}
			ast.Inspect(fd.Body, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok {
					return true
				}
				sel, ok := call.Fun.(*ast.SelectorExpr)
				if !ok {
					return true
				}
				pkg, ok := sel.X.(*ast.Ident)
				if !ok || !(pkg.Name == "os" && sel.Sel.Name == "Exit" || pkg.Name == "log" && slices.Contains([]string{"Fatal", "Fatalf", "Fatalln"}, sel.Sel.Name)) {
					return true
				}
				line := fset.Position(call.Pos()).Line
				text := j.sourceLine(rel, line)
				if m := exitCallRE.FindStringIndex(text); m != nil {
					text = text[m[0]:]
					if end := strings.Index(text, ")"); end >= 0 {
						text = text[:end+1]
					}
				}
				byFunc[fd.Name.Name] = append(byFunc[fd.Name.Name], found{Place{File: rel, Line: line}, strings.TrimSpace(text)})
				return true
			})
		}
	}
	for _, fn := range []string{"init", "TestMain"} {
		if fs := byFunc[fn]; len(fs) > 0 {
			return fs[0].at, fs[0].call, fn, true
		}
	}
	return Place{}, "", "", false
}
