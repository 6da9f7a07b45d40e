package grade

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
)

// A Result says whether one koan is as shipped but for its blanks, and
// its answers within the rules (see the package doc).
type Result struct {
	Within bool   // nothing changed but the blanks, and every answer can fail
	Why    string // when not: what changed, in a sentence, in English
	Where  string // when not: the learner's file:line ("" when no line)
	// Reason is Why as a message, for the learner's language (Say).
	Reason lang.Msg
}

// notWithin is the Result of a koan not graded, at where, for reason.
func notWithin(where string, reason lang.Msg) Result {
	return Result{Why: reason.In(lang.English), Where: where, Reason: reason}
}

// Say is why the koan earns no grade, in l; "" when it is within the
// rules.
func (r Result) Say(l lang.Lang) string {
	if r.Within {
		return ""
	}
	if r.Reason.Format == "" {
		return r.Why
	}
	return r.Reason.In(l)
}

// Concept checks every koan of c, as on disk under root, against v.
func Concept(root string, v *shipped.Version, c *course.Concept) map[string]Result {
	out := map[string]Result{}
	shippedFiles, err := v.Files(c.Dir)
	if err != nil {
		for _, k := range c.Koans {
			out[k.Name] = notWithin("", lang.Msgf("%s was not shipped in %s: there is nothing to compare its koans with", c.Dir, v.Name))
		}
		return out
	}
	shippedFiles = goFiles(shippedFiles)
	conceptWide := filesKept(root, c.Dir, shippedFiles)
	decls := declared(root, c.Dir)
	for _, f := range shippedFiles {
		fileResults, shared := file(root, v, f, decls)
		for name, r := range fileResults {
			out[name] = r
		}
		if conceptWide.Within {
			conceptWide = shared
		}
	}
	for _, k := range c.Koans {
		r, ok := out[k.Name]
		switch {
		case !ok:
			out[k.Name] = notWithin(fmt.Sprintf("%s:%d", k.File, k.Line), lang.Msgf("%s was not shipped: it is not a koan of the course", k.Name))
		case r.Within && !conceptWide.Within:
			out[k.Name] = conceptWide
		}
	}
	return out
}

// filesKept checks that the concept holds the Go files shipped, no more.
func filesKept(root, dir string, shippedFiles []string) Result {
	onDisk, _ := filepath.Glob(filepath.Join(root, filepath.FromSlash(dir), "*.go"))
	var mine []string
	for _, p := range onDisk {
		mine = append(mine, dir+"/"+filepath.Base(p))
	}
	for _, f := range mine {
		if !slices.Contains(shippedFiles, f) {
			return notWithin(f, lang.Msgf("%s was not shipped: a file added to a concept can change what its koans examine", f))
		}
	}
	for _, f := range shippedFiles {
		if !slices.Contains(mine, f) {
			return notWithin(f, lang.Msgf("%s, shipped with the concept, is gone", f))
		}
	}
	return Result{Within: true}
}

// file checks the koans of one shipped file, and the rest of the file (its
// shared code) apart: first the lines, then the answers in them.
func file(root string, v *shipped.Version, rel string, decls names) (map[string]Result, Result) {
	out := map[string]Result{}
	text, err := v.Read(rel)
	if err != nil {
		return out, notWithin(rel, lang.Msgf("%s cannot be read as shipped", rel))
	}
	_, _, shippedSpans, _ := parse(text)
	shippedLines := lines(text)
	mine, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(rel)))
	if err != nil {
		return out, notWithin(rel, lang.Msgf("%s, shipped with the concept, is gone", rel))
	}
	fset, f, mySpans, err := parse(mine)
	if err != nil {
		why := notWithin(rel, lang.Msgf("%s does not parse, so its koans cannot be compared with the shipped ones", rel))
		for name := range shippedSpans {
			out[name] = why
		}
		return out, why
	}
	a := &answers{rel: rel, fset: fset, file: f, decls: decls}
	myLines := lines(mine)
	for name, s := range shippedSpans {
		m, ok := mySpans[name]
		if !ok {
			out[name] = notWithin(rel, lang.Msgf("%s is gone from %s", name, rel))
			continue
		}
		sl, ml := shippedLines[s.from-1:s.to], myLines[m.from-1:m.to]
		if out[name] = compare(rel, sl, ml, m.from, true); out[name].Within {
			out[name] = a.fair(sl, ml)
		}
	}
	sl, ml := outside(shippedLines, shippedSpans), outside(myLines, mySpans)
	shared := compare(rel, sl, ml, 0, false)
	if shared.Within {
		shared = a.fair(sl, ml)
	}
	return out, shared
}

// A numbered line is one line of a file and its number.
type numbered struct {
	n    int
	text string
}

func lines(src []byte) []numbered {
	var out []numbered
	for i, l := range strings.Split(strings.TrimSuffix(string(src), "\n"), "\n") {
		out = append(out, numbered{i + 1, strings.TrimRight(l, "\r")})
	}
	return out
}

// outside is the lines that belong to no span.
func outside(all []numbered, spans map[string]span) []numbered {
	var out []numbered
	for _, l := range all {
		in := false
		for _, s := range spans {
			in = in || s.from <= l.n && l.n <= s.to
		}
		if !in {
			out = append(out, l)
		}
	}
	return out
}

// compare checks the learner's lines against the shipped ones, line for
// line: the lines of a koan (inKoan) or those outside the koans. first is
// the learner's first line (for a fault at the end of an empty run of
// lines).
func compare(rel string, shippedLines, mine []numbered, first int, inKoan bool) Result {
	fault := func(at int, count bool) Result {
		where := fmt.Sprintf("%s:%d", rel, at)
		switch {
		case inKoan && count:
			return notWithin(where, lang.Msgf("%s:%d: lines were added to or deleted from the koan (only its blanks may change)", rel, at))
		case inKoan:
			return notWithin(where, lang.Msgf("%s:%d differs from the koan as shipped, and not in a blank only", rel, at))
		case count:
			return notWithin(where, lang.Msgf("%s:%d: lines were added or deleted outside the koans, in code the koans examine", rel, at))
		}
		return notWithin(where, lang.Msgf("%s:%d, outside the koans, differs from the course as shipped: the koans examine that code", rel, at))
	}
	for i := range min(len(shippedLines), len(mine)) {
		if Allowed(shippedLines[i].text, mine[i].text) {
			continue
		}
		return fault(mine[i].n, len(shippedLines) != len(mine))
	}
	if len(shippedLines) != len(mine) {
		at := first
		if n := min(len(shippedLines), len(mine)); n > 0 {
			at = mine[n-1].n
		}
		if len(mine) > len(shippedLines) {
			at = mine[len(shippedLines)].n
		}
		return fault(at, true)
	}
	return Result{Within: true}
}

// A span is the lines of one koan function, first to last.
type span struct{ from, to int }

// parse parses a file and finds its Test functions that take a
// *testing.T: the koans, by name. TestMain is shared code, not a koan.
func parse(src []byte) (*token.FileSet, *ast.File, map[string]span, error) {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution|parser.ParseComments)
	if err != nil {
		return nil, nil, nil, err
	}
	out := map[string]span{}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || !strings.HasPrefix(fd.Name.Name, "Test") || !takesT(fd) {
			continue
		}
		out[fd.Name.Name] = span{fset.Position(fd.Pos()).Line, fset.Position(fd.End()).Line}
	}
	return fset, f, out, nil
}

func takesT(fd *ast.FuncDecl) bool {
	ps := fd.Type.Params.List
	if len(ps) != 1 || len(ps[0].Names) > 1 {
		return false
	}
	star, ok := ps[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "T"
}

func goFiles(files []string) []string {
	var out []string
	for _, f := range files {
		if strings.HasSuffix(f, ".go") {
			out = append(out, f)
		}
	}
	return out
}
