package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/goline"
	"github.com/gokoans/concurrency/internal/run"
)

// blankLines are the lines of k's file that give the learner a blank to
// fill for k: those holding __ in the koan itself, or in a function of the
// same file that the koan calls (a helper the koan exercises, like a
// transfer between two accounts). In the order of the file, each once.
func blankLines(root string, k *course.Koan) []int {
	lines := course.SourceLines(root, k.File)
	var out []int
	seen := map[int]bool{}
	blanksIn := func(from, to int) {
		for n := from; n <= to && n <= len(lines); n++ {
			if goline.BlankIn(lines[n-1]).Any() && !seen[n] {
				seen[n] = true
				out = append(out, n)
			}
		}
	}
	blanksIn(k.Line, k.EndLine)
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(root, k.File), nil, parser.SkipObjectResolution)
	if err != nil {
		return out
	}
	funcs := map[string]*ast.FuncDecl{}
	for _, d := range f.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil {
			funcs[fd.Name.Name] = fd
		}
	}
	if koan := funcs[k.Name]; koan != nil {
		ast.Inspect(koan, func(n ast.Node) bool {
			if call, ok := n.(*ast.CallExpr); ok {
				if id, ok := call.Fun.(*ast.Ident); ok && funcs[id.Name] != nil && id.Name != k.Name {
					fd := funcs[id.Name]
					blanksIn(fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line)
				}
			}
			return true
		})
	}
	slices.Sort(out)
	return out
}

// A filled blank is one line of a koan's blanks with its solution's text:
// the line holds __ in the koan and differs from the solution's line.
type filled struct {
	line           int
	koan, solution string // the two lines, as they are
}

// filledBlanks pairs k's blank lines with its solution's lines. It returns
// nil when the koan's file has no mirror in sols of the same length (the
// mirror check reports that), and the solution file's path.
func filledBlanks(root string, k *course.Koan, sols *course.Concept) ([]filled, string) {
	if sols == nil {
		return nil, ""
	}
	solFile := sols.Dir + strings.TrimPrefix(k.File, k.Concept.Dir)
	kl, sl := course.SourceLines(root, k.File), course.SourceLines(root, solFile)
	if len(kl) != len(sl) {
		return nil, solFile
	}
	var out []filled
	for _, n := range blankLines(root, k) {
		if kl[n-1] != sl[n-1] {
			out = append(out, filled{line: n, koan: kl[n-1], solution: sl[n-1]})
		}
	}
	return out, solFile
}

// blanksNeeded: in a koan whose blanks sit on two or more lines, each blank
// is needed. For each of them in turn, the solution runs with that one line
// put back as shipped (through go test -overlay, so no file changes), under
// -race with the leak check, and must fail. A pass means a learner could
// leave that blank as it is: it teaches nothing, or another blank gives its
// answer away. A koan with one blank line needs no run: the shipped-koan
// check is the same test. One koan per go test process: the race detector
// reports once per process, and a crash ends it.
func (v *verifier) blanksNeeded(ctx context.Context, c *course.Concept) error {
	sc := v.sols.Concept(c.Name)
	tmp, err := os.MkdirTemp("", "koans-blanks")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	for _, k := range c.Koans {
		blanks, solFile := filledBlanks(v.opt.Root, k, sc)
		if len(blanks) < 2 || !v.only(k) {
			continue
		}
		sl := course.SourceLines(v.opt.Root, solFile)
		for _, b := range blanks {
			if certainToFail(b.koan) {
				continue
			}
			text := append([]string(nil), sl...)
			text[b.line-1] = b.koan
			ov, err := writeOverlay(tmp, v.opt.Root, solFile, strings.Join(text, "\n")+"\n")
			if err != nil {
				return err
			}
			verdict, err := v.runAlone(ctx, sc, k.Name, ov)
			if err != nil {
				return err
			}
			v.opt.Log(fmt.Sprintf("  %s with the blank on line %d as shipped: %s", k.Name, b.line, verdict))
			if verdict == "passes" {
				v.problem(fmt.Sprintf("%s:%d", k.File, b.line), "%s passes with the blank on line %d left as shipped: that blank is not needed (or another blank gives its answer away)", k.Name, b.line)
			}
		}
	}
	return nil
}

// expectsTheBlank matches a line whose assertion expects the blank value:
// assert.Equal(t, __, got) and its kin.
var expectsTheBlank = regexp.MustCompile(`^\s*(assert|require)\.(Equal|EqualValues|Exactly)\(t, __, `)

// certainToFail reports whether a koan line fails wherever it stands, so
// that putting it back needs no run: an assertion that expects the blank
// value compares a koan.Blank, which equals nothing but another Blank.
func certainToFail(koanLine string) bool {
	return expectsTheBlank.MatchString(koanLine)
}

// runAlone runs the koan named alone from the solutions with the overlay,
// and gives its verdict (see verdictOf). It runs without vet first, which
// saves a step of each run: a koan that fails without vet fails with it. A
// pass is run again with vet, as the learner's go test runs it, since a
// line put back may be one vet rejects.
func (v *verifier) runAlone(ctx context.Context, sc *course.Concept, name, overlay string) (string, error) {
	verdict := ""
	for _, vet := range []string{"off", ""} {
		res, err := v.opt.Go(ctx, run.Options{Dir: v.opt.Root, Race: true, Vet: vet, Count: 1, Overlay: overlay, Run: "^" + name + "$", Timeout: 20 * time.Second}, "./"+sc.Dir)
		if err != nil {
			return "", err
		}
		if verdict = verdictOf(sc, res.Packages[sc.ImportPath(v.sols.Module)], name, v.opt.Root); verdict != "passes" {
			return verdict, nil
		}
	}
	return verdict, nil
}

// verdictOf says how the koan named fared in a run of its package alone:
// "passes" only when the koan ran and passed and so did the package (the
// leak check, the race detector); else "fails" and the kind.
func verdictOf(sc *course.Concept, pkg *run.Package, name, root string) string {
	if pkg == nil {
		return "fails (no result)"
	}
	if t := pkg.Test(name); t != nil && t.Result == "pass" && pkg.Result == "pass" && !pkg.FailedBuild {
		return "passes"
	}
	for _, o := range diagnose.Judge(sc, pkg, root) {
		if o.Failure != nil && (o.Koan.Name == name || pkg.FailedBuild) {
			return "fails (" + string(o.Failure.Kind) + ")"
		}
	}
	return "fails"
}

// writeOverlay writes text in place of the repository-relative file, for go
// test -overlay, and returns the overlay's path.
func writeOverlay(tmp, root, file, text string) (string, error) {
	src := filepath.Join(tmp, "replaced.go")
	if err := os.WriteFile(src, []byte(text), 0o644); err != nil {
		return "", err
	}
	overlay, _ := json.Marshal(map[string]map[string]string{"Replace": {filepath.Join(root, filepath.FromSlash(file)): src}})
	ov := filepath.Join(tmp, "overlay.json")
	return ov, os.WriteFile(ov, overlay, 0o644)
}
