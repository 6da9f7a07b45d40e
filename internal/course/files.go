package course

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"sync"
)

// A File is one source file of the course as it was read, once: its bytes,
// its lines and its syntax tree (nil if it does not parse), positioned in
// Fset. Err is why it could not be read or parsed (a syntax error leaves
// what parsed in AST).
type File struct {
	Bytes []byte
	Lines []string
	AST   *ast.File
	Fset  *token.FileSet
	Err   error
}

// files are the course's files read so far, by repository-relative path:
// Load reads each test file once, and whoever reads a file of the course
// after that (diagnose, render, verify) takes it from here.
type files struct {
	root string
	mu   sync.Mutex
	m    map[string]*File
}

func newFiles(root string) *files { return &files{root: root, m: map[string]*File{}} }

// read reads the repository-relative file and parses it, once.
func (fs *files) read(rel string) *File {
	fs.mu.Lock()
	defer fs.mu.Unlock()
	if f, ok := fs.m[rel]; ok {
		return f
	}
	f := &File{Fset: token.NewFileSet()}
	path := filepath.Join(fs.root, filepath.FromSlash(rel))
	data, err := os.ReadFile(path)
	if err != nil {
		f.Err = err
	} else {
		f.Bytes = data
		f.Lines = strings.Split(strings.TrimRight(string(data), "\n"), "\n")
		f.AST, f.Err = parser.ParseFile(f.Fset, path, data, parser.SkipObjectResolution|parser.ParseComments)
	}
	fs.m[rel] = f
	return f
}

// File returns a repository-relative file of the course as it was first
// read, reading it now if nothing read it yet; its Bytes are nil if it
// cannot be read. A concept made by hand (not by Load) reads it from root.
func (c *Concept) File(root, rel string) *File {
	if c == nil || c.files == nil {
		return newFiles(root).read(rel)
	}
	return c.files.read(rel)
}

// Lines returns a repository-relative file of the course as lines, as
// SourceLines does, read once (see File); nil if it cannot be read.
func (c *Concept) Lines(root, rel string) []string { return c.File(root, rel).Lines }
