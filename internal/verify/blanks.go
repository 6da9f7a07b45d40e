package verify

import (
	"context"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"

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
	src := k.Concept.File(root, k.File)
	lines := src.Lines
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
	f, fset := src.AST, src.Fset
	if f == nil || src.Err != nil {
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
	kl, sl := k.Concept.Lines(root, k.File), sols.Lines(root, solFile)
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
// -race with the leak check, and must fail (runBlanks). A pass means a
// learner could leave that blank as it is: it teaches nothing, or another
// blank gives its answer away. A koan with one blank line needs no run: the
// shipped-koan check is the same test.
func (v *verifier) blanksNeeded(c *course.Concept) {
	for _, k := range c.Koans {
		blanks, _ := filledBlanks(v.opt.Root, k, v.sols.Concept(c.Name))
		for _, b := range blanks {
			if v.blanks[blankAt{k, b.line}] == "passes" {
				v.problem(fmt.Sprintf("%s:%d", k.File, b.line), "%s passes with the blank on line %d left as shipped: that blank is not needed (or another blank gives its answer away)", k.Name, b.line)
			}
		}
	}
}

// A blankAt is a blank's line in a koan.
type blankAt struct {
	koan *course.Koan
	line int
}

// A putBack is the solution of a koan with one blank line put back.
type putBack struct {
	at   blankAt
	sc   *course.Concept // the solved concept
	file string          // the solution's file, repository-relative
	text string          // its text with the line as shipped
}

// putBacks are the solutions with one blank put back that need a run, for
// each of the concepts that has any: a koan with two blank lines or more,
// a line that could pass wherever it stands.
func (v *verifier) putBacks(concepts []*course.Concept) [][]putBack {
	var out [][]putBack
	for _, c := range concepts {
		sc := v.sols.Concept(c.Name)
		var q []putBack
		for _, k := range c.Koans {
			blanks, solFile := filledBlanks(v.opt.Root, k, sc)
			if len(blanks) < 2 || !v.only(k) {
				continue
			}
			sl := sc.Lines(v.opt.Root, solFile)
			for _, b := range blanks {
				if certainToFail(b.koan) {
					continue
				}
				text := append([]string(nil), sl...)
				text[b.line-1] = b.koan
				q = append(q, putBack{at: blankAt{k, b.line}, sc: sc, file: solFile, text: strings.Join(text, "\n") + "\n"})
			}
		}
		if len(q) > 0 {
			out = append(out, q)
		}
	}
	return out
}

// runBlanks runs every solution with a blank put back (putBacks) and
// gives each its verdict (see verdictOf). A go test call runs one of each
// concept's, side by side (sideBySide). They run without vet first, which
// saves a step of each build: one that fails without vet fails with it. A
// pass runs again with vet, as the learner's go test runs it, since a line
// put back may be one vet rejects.
func (v *verifier) runBlanks(ctx context.Context, concepts []*course.Concept) (map[blankAt]string, error) {
	tmp, err := os.MkdirTemp("", "koans-blanks")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	verdicts := map[blankAt]string{}
	queues := v.putBacks(concepts)
	for _, vet := range []string{"off", ""} {
		var passed [][]putBack
		err := rounds(queues, func(r int, round []putBack) error {
			edits := make([]edit, len(round))
			for i, p := range round {
				edits[i] = edit{sc: p.sc, file: p.file, text: p.text, koan: p.at.koan.Name}
			}
			pkgs, err := sideBySide(ctx, v.opt, v.sols.Module, filepath.Join(tmp, fmt.Sprintf("%s%d", vet, r)), edits, vet, "")
			if err != nil {
				return err
			}
			for i, p := range round {
				verdicts[p.at] = verdictOf(p.sc, pkgs[i], p.at.koan.Name, v.opt.Root)
				v.opt.Log(fmt.Sprintf("  %s with the blank on line %d as shipped: %s", p.at.koan.Name, p.at.line, verdicts[p.at]))
			}
			passed = append(passed, passes(round, verdicts)...)
			return nil
		})
		if err != nil {
			return nil, err
		}
		queues = passed
	}
	return verdicts, nil
}

// passes are the put-backs of a round that passed, each a queue of its own
// concept's.
func passes(round []putBack, verdicts map[blankAt]string) [][]putBack {
	var out [][]putBack
	for _, p := range round {
		if verdicts[p.at] != "passes" {
			continue
		}
		if n := len(out); n > 0 && out[n-1][0].sc == p.sc {
			out[n-1] = append(out[n-1], p)
		} else {
			out = append(out, []putBack{p})
		}
	}
	return out
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
