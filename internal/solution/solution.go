package solution

import (
	"errors"
	"fmt"
	"go/ast"
	"go/doc"
	"go/parser"
	"go/token"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/edition"
)

// Tree is the directory that holds the solutions, beside koans/.
const Tree = "solutions"

// ErrNoSolutions: the repository does not ship solutions/ (a learner's copy
// may leave it out).
var ErrNoSolutions = errors.New("no solutions/ in this repository")

// A Func is one koan's function in one tree.
type Func struct {
	File  string   // repository-relative
	Line  int      // of func
	Lines []string // from func to the closing brace
}

// A Comparison is a koan's solution beside the learner's own.
type Comparison struct {
	Koan *course.Koan
	// Lesson is the koan's one-line summary: its name as a sentence, and
	// the first sentence of the comment above it.
	Sentence, Lesson string
	Yours, Solution  Func
	Diff             []Line // Yours against Solution, every line
}

// A Line of a diff: Op is ' ' (in both), '-' (yours only) or '+' (the
// solution's only).
type Line struct {
	Op   byte
	Text string
}

// Same reports whether the learner's function is the solution, line for line.
func (c *Comparison) Same() bool {
	for _, l := range c.Diff {
		if l.Op != ' ' {
			return false
		}
	}
	return true
}

// Compare reads koan k (of the koans tree) in the learner's file and in
// solutions/, and sets them side by side.
func Compare(root string, k *course.Koan) (*Comparison, error) {
	yours, _, err := readFunc(root, k.File, k.Name)
	if err != nil {
		return nil, err
	}
	solFile := SolutionFile(k)
	if _, err := os.Stat(filepath.Join(root, Tree)); errors.Is(err, fs.ErrNotExist) {
		return nil, ErrNoSolutions
	}
	// The lesson comes from the solution, which is never put in Chinese
	// (lang zh rewrites the learner's copy only).
	sol, comment, err := readFunc(root, solFile, k.Name)
	if err != nil {
		return nil, err
	}
	sol.Lines = edition.Like(root, k, sol.Lines, sol.Line)
	c := &Comparison{Koan: k, Sentence: k.Sentence(), Lesson: new(doc.Package).Synopsis(comment), Yours: yours, Solution: sol}
	c.Diff = diff(yours.Lines, sol.Lines)
	return c, nil
}

// SolutionFile is the repository-relative file that holds k's solution.
func SolutionFile(k *course.Koan) string {
	rel := strings.TrimPrefix(filepath.ToSlash(k.File), "koans/")
	return Tree + "/" + rel
}

// readFunc reads the function name of a repository-relative Go file, and
// the comment above it.
func readFunc(root, file, name string) (Func, string, error) {
	path := filepath.Join(root, filepath.FromSlash(file))
	src, err := os.ReadFile(path)
	if err != nil {
		return Func{}, "", err
	}
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, path, src, parser.ParseComments|parser.SkipObjectResolution)
	if af == nil {
		return Func{}, "", err
	}
	for _, d := range af.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil || fd.Name.Name != name {
			continue
		}
		from, to := fset.Position(fd.Pos()), fset.Position(fd.End())
		lines := strings.Split(string(src[from.Offset:to.Offset]), "\n")
		return Func{File: file, Line: from.Line, Lines: lines}, fd.Doc.Text(), nil
	}
	return Func{}, "", fmt.Errorf("%s: no func %s", file, name)
}

// diff is the shortest edit from a to b, every line of both in order (the
// functions are short: a longest common subsequence is cheap).
func diff(a, b []string) []Line {
	// lcs[i][j] is the length of the longest common subsequence of a[i:], b[j:].
	lcs := make([][]int, len(a)+1)
	for i := range lcs {
		lcs[i] = make([]int, len(b)+1)
	}
	for i := len(a) - 1; i >= 0; i-- {
		for j := len(b) - 1; j >= 0; j-- {
			if a[i] == b[j] {
				lcs[i][j] = lcs[i+1][j+1] + 1
			} else {
				lcs[i][j] = max(lcs[i+1][j], lcs[i][j+1])
			}
		}
	}
	var out []Line
	i, j := 0, 0
	for i < len(a) || j < len(b) {
		switch {
		case i < len(a) && j < len(b) && a[i] == b[j]:
			out = append(out, Line{' ', a[i]})
			i, j = i+1, j+1
		case j == len(b) || (i < len(a) && lcs[i+1][j] >= lcs[i][j+1]):
			out = append(out, Line{'-', a[i]})
			i++
		default:
			out = append(out, Line{'+', b[j]})
			j++
		}
	}
	return out
}
