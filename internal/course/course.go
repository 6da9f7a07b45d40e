package course

import (
	"errors"
	"fmt"
	"go/ast"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
	"golang.org/x/mod/modfile"

	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
)

// CatalogFile is the name of a concept's catalog, beside its koans.
const CatalogFile = "catalog.toml"

// A Course is every concept of one tree (koans/ or solutions/).
type Course struct {
	Root     string // the repository root, absolute
	Tree     string // "koans" or "solutions"
	Module   string // the module path from go.mod
	Concepts []*Concept
}

// A Concept is one package of koans.
type Concept struct {
	Name    string // the directory, e.g. "02_channels"
	Dir     string // repository-relative, e.g. "koans/02_channels"
	Title   string // from the catalog, or made from the name
	TitleZh string // the Chinese title, from the catalog ("" if none)
	Koans   []*Koan
	Catalog *Catalog // nil when the concept has no catalog
	// Missing lists catalog entries with no Test function on disk: a koan
	// deleted or renamed.
	Missing []*Koan
	// Problems lists what could not be read (a file that does not parse, a
	// catalog that is not valid TOML); the koans of such files are unknown.
	Problems []string
	// BadCatalog says where the catalog is wrong (file:line: what), or is "".
	BadCatalog string
	// Timeout is how long the concept's test binary may run, from the
	// catalog's timeout (0: the runner's default).
	Timeout time.Duration
	// Main says whether the package has a TestMain, and whose.
	Main Main
	// Package is the Go package name of its test files.
	Package string
	// GateProblems say where a koan's build constraint and its catalog's go
	// key disagree (file:line: what): verify's to report, like the
	// catalog's WrongProblems.
	GateProblems []string
	// Gone is set for a concept of the course whose directory is not in the
	// tree (deleted or moved): its koans are those of its solution.
	Gone bool

	files *files // the course's files as read (files.go)
}

// Main is what runs a package's tests.
type Main int

const (
	// NoMain: no TestMain; go test's own main runs the tests, with no leak
	// check and no hang guard.
	NoMain Main = iota
	// HelperMain: a TestMain that calls the koan helper's koan.Main.
	HelperMain
	// OwnMain: a TestMain of the package's own.
	OwnMain
)

// ImportPath is the Go import path of the concept's package.
func (c *Concept) ImportPath(module string) string { return module + "/" + c.Dir }

// A Koan is one Test function.
type Koan struct {
	Name    string    // TestAnUnbufferedSendWaitsForAReceiver
	File    string    // repository-relative
	Line    int       // the line of func
	EndLine int       // the line of the closing brace
	Kind    kind.Kind // how it fails as shipped, from the catalog ("" if unlisted)
	Hints   []string
	HintsZh []string // the Chinese twins of Hints, in the same order
	Notes   string
	Concept *Concept
	// Twin is the koan's title and texts as the catalog gives them: the
	// English title when the sentence made from the name reads wrong, and
	// the Chinese twins of the title, the lesson, the prompts and the other
	// comments.
	Twin Twin
	// Text is the koan's own comments as its file holds them: the lesson
	// above it, the prompts beside its blanks, its other comments.
	Text Text
	// RenamedFrom names the catalog's koan this one seems to be, renamed:
	// the concept's only koan missing from disk, when this is its only test
	// the catalog does not list. The missing koan's verdict points here ("" for
	// a koan of the catalog).
	RenamedFrom string
	// NeedsGo is the Go release the koan's file needs ("1.27"), from its
	// //go:build line (go1.27); "" when any Go the course supports runs it.
	// On an older go the file is left out of the package (see Runnable).
	NeedsGo string
}

// Sentence is the koan's name as the sentence it reads as:
// TestAnUnbufferedSendWaitsForAReceiver -> "an unbuffered send waits for a
// receiver". Acronyms stay whole (TestHTTPServerStops -> "HTTP server stops").
// The catalog's title, where it gives one, replaces the sentence made from
// the name (which cannot know an apostrophe: "one caller's cancel").
func (k *Koan) Sentence() string {
	if k.Twin.Title != "" {
		return k.Twin.Title
	}
	return Sentence(k.Name)
}

// Title is the koan's title in l: its Chinese title (title_zh) in Chinese
// when the catalog has one, else its sentence with a capital.
func (k *Koan) Title(l lang.Lang) string {
	if l == lang.Chinese && k.Twin.TitleZh != "" {
		return k.Twin.TitleZh
	}
	s := k.Sentence()
	r, n := utf8.DecodeRuneInString(s)
	return string(unicode.ToUpper(r)) + s[n:]
}

// Catalog is the content of a concept's catalog.toml.
type Catalog struct {
	Title   string `toml:"title"`
	TitleZh string `toml:"title_zh"`
	// Timeout, a duration such as "10s", lets the concept's test binary
	// run longer than the runner's default, for koans slow by design.
	Timeout string         `toml:"timeout"`
	Koans   []CatalogEntry `toml:"koan"`
	// File is the catalog's repository-relative path.
	File string `toml:"-"`
	// WrongProblems say where a [[koan.wrong]] table is malformed
	// (file:line: what): a key other than find, put, why and file, no find,
	// no why. They are verify's to report: a learner's runner needs no
	// wrong answer, so they do not make the catalog bad.
	WrongProblems []string `toml:"-"`
}

// A CatalogEntry describes one koan.
type CatalogEntry struct {
	Name  string    `toml:"name"`
	Kind  kind.Kind `toml:"kind"`
	Hints []string  `toml:"hints"`
	// HintsZh are the Chinese twins of Hints, as many and in the same order.
	HintsZh []string `toml:"hints_zh"`
	Notes   string   `toml:"notes"`
	// Twin is the title and the Chinese twins of the koan's texts.
	Twin
	// Needless explains, line by line, a line of the solution that the
	// mutation check may remove without the koan failing: the key is the
	// line's text (trimmed), the value why the koan does not need it.
	Needless map[string]string `toml:"needless"`
	// Wrong are the wrong answers a learner would try, each of which must
	// fail (verify's adversary proves it): [[koan.wrong]] tables after the
	// [[koan]] they belong to.
	Wrong []WrongAnswer `toml:"wrong"`
	// SameEdit names earlier koans solved by the same edit as this one
	// (verify's duplicate check), each with why the two still teach two
	// lessons: the key is the earlier koan's test name.
	SameEdit map[string]string `toml:"same_edit"`
	// Go is the Go release the koan needs ("1.27"), the same its file's
	// //go:build line names; "" for any.
	Go string `toml:"go"`
	// Line is where the entry starts in the catalog (its [[koan]] line).
	Line int `toml:"-"`
}

// A WrongAnswer is one [[koan.wrong]] table: an edit of the koan's
// solution that a learner might make instead of the lesson's answer.
type WrongAnswer struct {
	// Find is text of the solution file, matched line by line with each
	// line's leading and trailing white space ignored; it must occur
	// exactly once in the koan's function (or, if not there, in the
	// functions of the same file that the koan calls).
	Find string `toml:"find"`
	// Put is what the learner writes instead, re-indented like the first
	// line found; "" deletes the lines found. It may hold several lines.
	Put string `toml:"put"`
	// Why says in a sentence why the answer is wrong.
	Why string `toml:"why"`
	// File names the solution file to edit, relative to the concept's
	// directory; "" is the koan's own file.
	File string `toml:"file"`
	// Line is where the table starts in the catalog (its [[koan.wrong]]
	// line), for the reports.
	Line int `toml:"-"`
}

// FindRoot walks up from dir to the repository root: the nearest directory
// holding both go.mod and a koans directory.
func FindRoot(dir string) (string, error) {
	dir, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	for d := dir; ; d = filepath.Dir(d) {
		if isFile(filepath.Join(d, "go.mod")) && isDir(filepath.Join(d, "koans")) {
			return d, nil
		}
		if filepath.Dir(d) == d {
			return "", lang.Errorf("no koans here: %s is not inside the course (a folder with go.mod and koans/).\nRun the runner from the course's folder or any folder inside it, or from anywhere with make -C path/to/course koans", dir)
		}
	}
}

// Load reads the course in root's tree: "koans", "solutions", or any
// repository-relative directory of concept packages (the runner's tests use
// fixture trees under testdata/). A concept's catalog is the one in its own
// directory, else the one of the same concept in koans/.
func Load(root, tree string) (*Course, error) {
	mod, err := modulePath(filepath.Join(root, "go.mod"))
	if err != nil {
		return nil, err
	}
	c := &Course{Root: root, Tree: tree, Module: mod}
	fs := newFiles(root)
	entries, err := os.ReadDir(filepath.Join(root, tree))
	if err != nil {
		return nil, err
	}
	for _, e := range entries { // ReadDir sorts by name
		if !e.IsDir() || strings.HasPrefix(e.Name(), ".") || strings.HasPrefix(e.Name(), "_") {
			continue
		}
		concept, err := loadConcept(root, tree, e.Name(), fs)
		if err != nil {
			return nil, err
		}
		if concept != nil {
			c.Concepts = append(c.Concepts, concept)
		}
	}
	if tree == "koans" {
		if err := c.addGone(); err != nil {
			return nil, err
		}
	}
	return c, nil
}

// addGone finds the concepts of the course that are not in koans/: a
// concept of solutions/ with no directory of the same name in koans/ was
// deleted or moved. Its koans are read from its solution, so the path keeps
// its length and the walk can say what is missing.
func (c *Course) addGone() error {
	entries, err := os.ReadDir(filepath.Join(c.Root, "solutions"))
	if err != nil {
		return nil // a course shipped without solutions: nothing to compare with
	}
	for _, e := range entries {
		if !e.IsDir() || c.Concept(e.Name()) != nil || isDir(filepath.Join(c.Root, "koans", e.Name())) {
			continue
		}
		gone, err := loadConcept(c.Root, "solutions", e.Name(), newFiles(c.Root))
		if err != nil || gone == nil {
			continue
		}
		gone.Gone = true
		gone.Dir = "koans/" + gone.Name
		for _, k := range gone.Koans {
			k.File = "koans/" + strings.TrimPrefix(k.File, "solutions/")
		}
		c.Concepts = append(c.Concepts, gone)
	}
	slices.SortStableFunc(c.Concepts, func(a, b *Concept) int { return strings.Compare(a.Name, b.Name) })
	return nil
}

func loadConcept(root, tree, name string, fs *files) (*Concept, error) {
	dir := filepath.Join(root, tree, name)
	files, err := filepath.Glob(filepath.Join(dir, "*_test.go"))
	if err != nil {
		return nil, err
	}
	// A tree's own catalog, else the one in koans/: solutions mirror koans.
	catPath := filepath.Join(dir, CatalogFile)
	if !isFile(catPath) {
		catPath = filepath.Join(root, "koans", name, CatalogFile)
	}
	if len(files) == 0 && !isFile(catPath) {
		return nil, nil // not a concept
	}
	c := &Concept{Name: name, Dir: filepath.ToSlash(filepath.Join(tree, name)), Title: titleOf(name), files: fs}
	slices.Sort(files)
	for _, f := range files {
		c.readFile(root, f)
	}
	if isFile(catPath) {
		rel, _ := filepath.Rel(root, catPath)
		c.readCatalog(catPath, filepath.ToSlash(rel))
	}
	return c, nil
}

// readFile adds the koans of one test file, in source order, and notes its
// package name and whether it holds a TestMain.
func (c *Concept) readFile(root string, f string) {
	rel, _ := filepath.Rel(root, f)
	rel = filepath.ToSlash(rel)
	file := c.files.read(rel)
	if file.Err != nil {
		c.Problems = append(c.Problems, file.Err.Error())
	}
	af, fset := file.AST, file.Fset
	if af == nil {
		return
	}
	if c.Package == "" {
		c.Package = af.Name.Name
	}
	for _, d := range af.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Recv != nil {
			continue
		}
		if fd.Name.Name == "TestMain" {
			// A TestMain of another shape (a peer's test named so) is
			// still a TestMain to the compiler: none can be added.
			c.Main = max(c.Main, OwnMain)
			if !takesT(fd) {
				c.Main = mainOf(fd)
			}
		}
		if !isTestName(fd.Name.Name) || !takesT(fd) {
			continue
		}
		c.Koans = append(c.Koans, &Koan{
			Name:    fd.Name.Name,
			File:    rel,
			Line:    fset.Position(fd.Pos()).Line,
			EndLine: fset.Position(fd.End()).Line,
			Concept: c,
			Text:    textOf(fset, af, fd),
			NeedsGo: goOf(af.GoVersion), // the parser reads //go:build, and ignores it
		})
	}
}

// readCatalog applies the catalog at path (rel to the root); one that does
// not parse, or holds a timeout that is not a duration, is a BadCatalog.
func (c *Concept) readCatalog(path, rel string) {
	cat := &Catalog{}
	if _, err := toml.DecodeFile(path, cat); err != nil {
		c.BadCatalog = catalogProblem(rel, err)
		c.Problems = append(c.Problems, c.BadCatalog)
		return
	}
	c.Catalog = cat
	cat.File = rel
	if data, err := os.ReadFile(path); err == nil {
		cat.placeWrong(string(data))
	}
	c.applyCatalog()
	c.gateProblems()
	if cat.Timeout != "" {
		d, err := time.ParseDuration(cat.Timeout)
		if err != nil || d <= 0 {
			c.BadCatalog = fmt.Sprintf("%s: timeout %q is not a duration such as \"10s\"", rel, cat.Timeout)
			c.Problems = append(c.Problems, c.BadCatalog)
		}
		c.Timeout = max(d, 0)
	}
}

// wrongKeys are the keys of a [[koan.wrong]] table.
var wrongKeys = []string{"find", "put", "why", "file"}

// placeWrong sets each entry's and each wrong answer's Line from the catalog's text, and
// notes the malformed tables: a key it does not know, no find, no why. The
// text is scanned, not parsed (the TOML decoder keeps no positions): a
// table starts at a line [[koan.wrong]] outside a multi-line string.
func (cat *Catalog) placeWrong(text string) {
	koan, wrong := -1, -1
	inString := "" // the quotes of the multi-line string the line is in
	inWrong := false
	for i, line := range strings.Split(text, "\n") {
		n := i + 1
		t := strings.TrimSpace(line)
		if inString != "" {
			if strings.Count(line, inString)%2 == 1 {
				inString = ""
			}
			continue
		}
		switch {
		case strings.HasPrefix(t, "[[koan.wrong]]"):
			wrong++
			inWrong = true
			if koan >= 0 && koan < len(cat.Koans) && wrong < len(cat.Koans[koan].Wrong) {
				cat.Koans[koan].Wrong[wrong].Line = n
			}
		case strings.HasPrefix(t, "[[koan]]"):
			koan, wrong, inWrong = koan+1, -1, false
			if koan < len(cat.Koans) {
				cat.Koans[koan].Line = n
			}
		case strings.HasPrefix(t, "["):
			inWrong = false
		case inWrong && t != "" && !strings.HasPrefix(t, "#"):
			if key, _, ok := strings.Cut(t, "="); ok {
				key = strings.Trim(strings.TrimSpace(key), `"'`)
				if !slices.Contains(wrongKeys, key) {
					cat.WrongProblems = append(cat.WrongProblems, fmt.Sprintf("%s:%d: [[koan.wrong]] has a key %q: its keys are find, put, why and file", cat.File, n, key))
				}
			}
		}
		for _, q := range []string{`"""`, `'''`} {
			if strings.Count(line, q)%2 == 1 {
				inString = q
				break
			}
		}
	}
	for _, e := range cat.Koans {
		for _, w := range e.Wrong {
			if strings.TrimSpace(w.Find) == "" {
				cat.WrongProblems = append(cat.WrongProblems, fmt.Sprintf("%s:%d: %s: a [[koan.wrong]] needs find, the solution's text the learner would change", cat.File, w.Line, e.Name))
			}
			if strings.TrimSpace(w.Why) == "" {
				cat.WrongProblems = append(cat.WrongProblems, fmt.Sprintf("%s:%d: %s: a [[koan.wrong]] needs why, a sentence on why the answer is wrong", cat.File, w.Line, e.Name))
			}
		}
	}
}

// catalogProblem says where a catalog does not parse: file:line: what.
func catalogProblem(file string, err error) string {
	var pe toml.ParseError
	if errors.As(err, &pe) {
		return fmt.Sprintf("%s:%d: %s", file, pe.Position.Line, pe.Message)
	}
	return fmt.Sprintf("%s: %v", file, err)
}

// mainOf tells the koan helper's TestMain (one that calls koan.Main) from a
// package's own.
func mainOf(fd *ast.FuncDecl) Main {
	found := false
	ast.Inspect(fd, func(n ast.Node) bool {
		if sel, ok := n.(*ast.SelectorExpr); ok && sel.Sel.Name == "Main" {
			if id, ok := sel.X.(*ast.Ident); ok && id.Name == "koan" {
				found = true
			}
		}
		return !found
	})
	if found {
		return HelperMain
	}
	return OwnMain
}

// applyCatalog copies the catalog's metadata onto the koans found on disk and
// records the entries that name no koan.
func (c *Concept) applyCatalog() {
	if c.Catalog.Title != "" {
		c.Title = c.Catalog.Title
	}
	c.TitleZh = c.Catalog.TitleZh
	byName := map[string]*Koan{}
	for _, k := range c.Koans {
		byName[k.Name] = k
	}
	for _, e := range c.Catalog.Koans {
		k, ok := byName[e.Name]
		if !ok {
			k = &Koan{Name: e.Name, Concept: c}
			c.Missing = append(c.Missing, k)
		}
		delete(byName, e.Name) // what stays is the tests the catalog does not list
		k.Kind, k.Hints, k.HintsZh, k.Notes, k.Twin = e.Kind, e.Hints, e.HintsZh, e.Notes, e.Twin
	}
	// One koan of the catalog gone from disk and one test on disk that the
	// catalog does not list is, most likely, the koan renamed.
	if len(c.Missing) == 1 && len(byName) == 1 {
		for _, k := range byName {
			k.RenamedFrom = c.Missing[0].Name
		}
	}
}

// Entry returns the catalog entry for the named koan, if there is one.
func (c *Concept) Entry(name string) (CatalogEntry, bool) {
	if c.Catalog == nil {
		return CatalogEntry{}, false
	}
	for _, e := range c.Catalog.Koans {
		if e.Name == name {
			return e, true
		}
	}
	return CatalogEntry{}, false
}

// Koan returns the koan of that name, or nil.
func (c *Concept) Koan(name string) *Koan {
	for _, k := range c.Koans {
		if k.Name == name {
			return k
		}
	}
	return nil
}

// KoanAt returns the koan whose function spans file:line, or nil.
func (c *Concept) KoanAt(file string, line int) *Koan {
	for _, k := range c.Koans {
		if k.File == file && k.Line <= line && line <= k.EndLine {
			return k
		}
	}
	return nil
}

// Nearest returns the koan that holds file:line, else the next koan after it
// in that file, else the last koan before it: the koan a compile error at
// that place most likely belongs to.
func (c *Concept) Nearest(file string, line int) *Koan {
	if k := c.KoanAt(file, line); k != nil {
		return k
	}
	var before *Koan
	for _, k := range c.Koans {
		if k.File != file {
			continue
		}
		if k.Line > line {
			return k
		}
		before = k
	}
	return before
}

// Total is the number of koans in the course, counting missing ones.
func (c *Course) Total() int {
	n := 0
	for _, cc := range c.Concepts {
		n += len(cc.Koans) + len(cc.Missing)
	}
	return n
}

// Concept returns the concept of that directory name, or nil.
func (c *Course) Concept(name string) *Concept {
	for _, cc := range c.Concepts {
		if cc.Name == name {
			return cc
		}
	}
	return nil
}

// Select returns the named concepts in the order given, or every concept
// when no name is given.
func (c *Course) Select(names []string) ([]*Concept, error) {
	if len(names) == 0 {
		return c.Concepts, nil
	}
	var out []*Concept
	for _, name := range names {
		cc := c.Concept(name)
		if cc == nil {
			return nil, lang.Errorf("no concept %q in %s/", name, c.Tree)
		}
		out = append(out, cc)
	}
	return out, nil
}

// Find looks a koan up by its test name, in any concept.
func (c *Course) Find(name string) *Koan {
	for _, cc := range c.Concepts {
		if k := cc.Koan(name); k != nil {
			return k
		}
	}
	return nil
}

// Sentence turns a Go test name into a lower-case sentence.
func Sentence(name string) string {
	name = strings.TrimPrefix(name, "Test")
	name = strings.TrimPrefix(name, "_")
	rs := []rune(name)
	var words []string
	start := 0
	for i := 1; i <= len(rs); i++ {
		if i == len(rs) || rs[i] == '_' || boundary(rs, i) {
			if w := string(rs[start:i]); w != "" && w != "_" {
				words = append(words, w)
			}
			if i < len(rs) && rs[i] == '_' {
				i++
			}
			start = i
		}
	}
	for i, w := range words {
		if !isAcronym(w) {
			words[i] = strings.ToLower(w)
		}
	}
	return strings.Join(words, " ")
}

// boundary reports whether a new word starts at rs[i]: a lower-to-upper step
// (sendWaits), the last capital of an acronym (HTTPServer), or a digit run.
func boundary(rs []rune, i int) bool {
	prev, cur := rs[i-1], rs[i]
	switch {
	case unicode.IsLower(prev) && unicode.IsUpper(cur):
		return true
	case unicode.IsUpper(prev) && unicode.IsUpper(cur) && i+1 < len(rs) && unicode.IsLower(rs[i+1]):
		return true
	case unicode.IsDigit(cur) != unicode.IsDigit(prev) && !unicode.IsUpper(prev):
		return true
	}
	return false
}

func isAcronym(w string) bool {
	return len([]rune(w)) > 1 && strings.ToUpper(w) == w && strings.ToLower(w) != w
}

func titleOf(dir string) string {
	name := dir
	if i := strings.IndexByte(name, '_'); i >= 0 && strings.Trim(name[:i], "0123456789") == "" {
		name = name[i+1:]
	}
	name = strings.ReplaceAll(name, "_", " ")
	if name == "" {
		return dir
	}
	return strings.ToUpper(name[:1]) + name[1:]
}

// isTestName reports whether go test would run a function of that name, given
// a test's signature. TestMain(m *testing.M) is not a test, but
// TestMain(t *testing.T) is an ordinary one to go test: takesT tells them
// apart.
func isTestName(name string) bool {
	if !strings.HasPrefix(name, "Test") {
		return false
	}
	rest := []rune(name[4:])
	return len(rest) == 0 || !unicode.IsLower(rest[0])
}

// takesT reports whether fd has the signature of a test: func(*testing.T).
func takesT(fd *ast.FuncDecl) bool {
	ps := fd.Type.Params.List
	if len(ps) != 1 || fd.Type.Results != nil {
		return false
	}
	star, ok := ps[0].Type.(*ast.StarExpr)
	if !ok {
		return false
	}
	sel, ok := star.X.(*ast.SelectorExpr)
	return ok && sel.Sel.Name == "T"
}

// modulePath reads the module path from the go.mod file at gomod.
func modulePath(gomod string) (string, error) {
	data, err := os.ReadFile(gomod)
	if err != nil {
		return "", err
	}
	if mod := modfile.ModulePath(data); mod != "" {
		return mod, nil
	}
	return "", errors.New(gomod + ": no module line")
}

func isFile(p string) bool { st, err := os.Stat(p); return err == nil && !st.IsDir() }
func isDir(p string) bool  { st, err := os.Stat(p); return err == nil && st.IsDir() }

// Path returns the concept's koans in curriculum order, with koans that the
// catalog names but the disk lacks put back where the catalog places them.
func (c *Concept) Path() []*Koan {
	if len(c.Missing) == 0 {
		return c.Koans
	}
	missing := map[string]*Koan{}
	for _, k := range c.Missing {
		missing[k.Name] = k
	}
	before := map[string][]*Koan{} // a koan on disk -> missing ones just before it
	var pending []*Koan
	for _, e := range c.Catalog.Koans {
		if m, ok := missing[e.Name]; ok {
			pending = append(pending, m)
		} else if c.Koan(e.Name) != nil {
			before[e.Name], pending = pending, nil
		}
	}
	var out []*Koan
	for _, k := range c.Koans {
		out = append(out, before[k.Name]...)
		out = append(out, k)
	}
	return append(out, pending...)
}

// SourceLines reads a repository-relative file of the course as lines; nil
// if it cannot be read.
func SourceLines(root, file string) []string {
	data, err := os.ReadFile(filepath.Join(root, filepath.FromSlash(file)))
	if err != nil {
		return nil
	}
	return strings.Split(strings.TrimRight(string(data), "\n"), "\n")
}
