package layout

import (
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Every package of the runner and the helper keeps its doc comment in its
// doc.go, which opens with the package's job, and in no other file (go doc
// would join them; golint wants exactly one).
func TestEveryPackageSaysItsJobInDocGo(t *testing.T) {
	var dirs []string
	for _, pattern := range []string{"cmd/*", "internal/*", "koan", "koan/*"} {
		found, err := filepath.Glob(filepath.Join("..", "..", pattern))
		require.NoError(t, err)
		dirs = append(dirs, found...)
	}
	require.Greater(t, len(dirs), 10, "is the test still looking at the repository's root?")
	for _, dir := range dirs {
		files, _ := filepath.Glob(filepath.Join(dir, "*.go"))
		if len(files) == 0 {
			continue
		}
		rel, _ := filepath.Rel(filepath.Join("..", ".."), dir)
		if _, err := os.Stat(filepath.Join(dir, "doc.go")); err != nil {
			t.Errorf("%s has no doc.go saying what the package is for", rel)
		}
		for _, file := range files {
			f, err := parser.ParseFile(token.NewFileSet(), file, nil, parser.PackageClauseOnly|parser.ParseComments)
			require.NoError(t, err)
			doc := f.Doc.Text()
			if filepath.Base(file) != "doc.go" {
				assert.Empty(t, doc, "%s/%s has a package doc comment: keep it in doc.go", rel, filepath.Base(file))
				continue
			}
			opening := "Package " + f.Name.Name + " "
			if f.Name.Name == "main" {
				opening = "Command " + filepath.Base(dir) + " "
			}
			assert.True(t, strings.HasPrefix(doc, opening), "%s/doc.go should open with %q", rel, opening)
		}
	}
}
