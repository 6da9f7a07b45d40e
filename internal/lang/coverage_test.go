package lang

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"
)

// spoken are the directories whose words the learner reads: the diagnosis,
// the verdict, and the command. Every word printed there goes through the
// printer; elsewhere (course, walk, run, watch) only the errors a learner may
// read do, and the scan checks the formats given to the printer there too.
var spoken = []string{"../diagnose", "../render", "../../cmd/koans", "../cli", "../hint", "../reset"}

// sources are the directories of the runner's Go source, lang's own aside,
// and the koan helper's.
func sources(t *testing.T) []string {
	dirs, err := filepath.Glob("../*")
	if err != nil {
		t.Fatal(err)
	}
	cmds, err := filepath.Glob("../../cmd/*")
	if err != nil {
		t.Fatal(err)
	}
	var out []string
	// The koan helper speaks the learner's language too, under plain go test.
	cmds = append(cmds, "../../koan")
	for _, d := range append(dirs, cmds...) {
		if filepath.Base(d) != "lang" {
			out = append(out, d)
		}
	}
	return out
}

// english are the files of those directories that stay in English on
// purpose: the instructors' commands (verify, stress, mutate), whose
// readers write the course in English.
var english = []string{"verify.go", "stress.go"}

// A format is a constant format string found in the runner's source.
type format struct {
	text  string
	where string // file:line
}

// scan finds every format given to the printer (lang.Msgf, lang.Errorf,
// and the Sprintf and Fprintf of a Lang) in the runner's source, and, in
// the spoken directories, every call of fmt or errors.New that prints words
// without it (sentinel errors aside).
func scan(t *testing.T) (formats, bare []format) {
	t.Helper()
	fset := token.NewFileSet()
	for _, dir := range sources(t) {
		isSpoken := slices.Contains(spoken, dir)
		files, err := filepath.Glob(filepath.Join(dir, "*.go"))
		if err != nil {
			t.Fatal(err)
		}
		for _, file := range files {
			if strings.HasSuffix(file, "_test.go") || slices.Contains(english, filepath.Base(file)) {
				continue
			}
			f, err := parser.ParseFile(fset, file, nil, 0)
			if err != nil {
				t.Fatal(err)
			}
			sentinels := sentinelErrors(f)
			ast.Inspect(f, func(n ast.Node) bool {
				call, ok := n.(*ast.CallExpr)
				if !ok || sentinels[call] {
					return true
				}
				fs, bs := formatsOf(call)
				for _, e := range fs {
					formats = append(formats, found(fset, e))
				}
				for _, e := range bs {
					if isSpoken {
						bare = append(bare, found(fset, e))
					}
				}
				return true
			})
		}
	}
	return formats, bare
}

// sentinelErrors are the errors.New calls of package-level variables: a
// sentinel such as errHelp is compared, never printed.
func sentinelErrors(f *ast.File) map[*ast.CallExpr]bool {
	calls := map[*ast.CallExpr]bool{}
	for _, d := range f.Decls {
		if g, ok := d.(*ast.GenDecl); ok && g.Tok == token.VAR {
			ast.Inspect(g, func(n ast.Node) bool {
				if c, ok := n.(*ast.CallExpr); ok {
					if sel, ok := c.Fun.(*ast.SelectorExpr); ok && sel.Sel.Name == "New" {
						if id, ok := sel.X.(*ast.Ident); ok && id.Name == "errors" {
							calls[c] = true
						}
					}
				}
				return true
			})
		}
	}
	return calls
}

func found(fset *token.FileSet, e ast.Expr) format {
	p := fset.Position(e.Pos())
	text, ok := constant(e)
	if !ok {
		text = "(not a constant: cannot be translated)"
	}
	return format{text: text, where: fmt.Sprintf("%s:%d", filepath.ToSlash(p.Filename), p.Line)}
}

// formatsOf returns the format a call gives the printer, or the string
// literals with words a call of fmt or errors gives without it.
func formatsOf(call *ast.CallExpr) (formats, bare []ast.Expr) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok {
		return nil, nil
	}
	pkg := ""
	if id, ok := sel.X.(*ast.Ident); ok {
		pkg = id.Name
	}
	at := -1
	switch {
	case pkg == "fmt" || pkg == "errors" && sel.Sel.Name == "New":
		for _, a := range call.Args {
			if s, ok := constant(a); ok && hasWords(s) {
				bare = append(bare, a)
			}
		}
		return nil, bare
	case pkg == "lang" && sel.Sel.Name == "Msgf":
		at = 0
	case sel.Sel.Name == "Sprintf" || sel.Sel.Name == "Errorf":
		at = 0
	case sel.Sel.Name == "Fprintf":
		at = 1
	}
	if at < 0 || at >= len(call.Args) {
		return nil, nil
	}
	return []ast.Expr{call.Args[at]}, nil
}

// constant is the value of a string literal, or of literals joined by +.
func constant(e ast.Expr) (string, bool) {
	switch e := e.(type) {
	case *ast.BasicLit:
		if e.Kind == token.STRING {
			s, err := strconv.Unquote(e.Value)
			return s, err == nil
		}
	case *ast.BinaryExpr:
		x, ok1 := constant(e.X)
		y, ok2 := constant(e.Y)
		return x + y, ok1 && ok2 && e.Op == token.ADD
	case *ast.ParenExpr:
		return constant(e.X)
	}
	return "", false
}

var verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*(\d+|\*)?(\.\d+)?[a-zA-Z%]`)

// hasWords reports whether a format says something beyond its verbs and
// layout: a word of two letters or more.
func hasWords(s string) bool {
	return regexp.MustCompile(`[A-Za-z]{2,}`).MatchString(verbRE.ReplaceAllString(s, " "))
}

// Every sentence the runner says has its Chinese. The failure lists the
// English formats that wait for a translation (added in internal/lang/zh.go),
// those that print words without the printer, and translations nothing
// uses any more.
func TestEveryFormatHasChineseWords(t *testing.T) {
	formats, bare := scan(t)
	if len(formats) < 100 {
		t.Fatalf("found only %d formats: is the scan still looking at the runner's source?", len(formats))
	}
	var missing, used []string
	seen := map[string]bool{}
	for _, f := range formats {
		seen[f.text] = true
		if _, ok := chinese[f.text]; !ok && hasWords(f.text) {
			missing = append(missing, fmt.Sprintf("%s: %q", f.where, f.text))
		}
	}
	for en := range chinese {
		if !seen[en] && en != "The koan" {
			used = append(used, fmt.Sprintf("%q", en))
		}
	}
	sort.Strings(used)
	if len(missing) > 0 {
		t.Errorf("%d format(s) have no Chinese in internal/lang/zh.go:\n\t%s", len(missing), strings.Join(missing, "\n\t"))
	}
	for _, b := range bare {
		t.Errorf("%s: %q is printed without the printer (use lang.Msgf or a Lang's Sprintf/Fprintf/Errorf)", b.where, b.text)
	}
	if len(used) > 0 {
		t.Errorf("%d Chinese entr(ies) translate a format the runner no longer says:\n\t%s", len(used), strings.Join(used, "\n\t"))
	}
}
