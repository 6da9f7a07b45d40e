package grade

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/edition"
	"github.com/gokoans/concurrency/internal/lang"
)

// lang zh changes comments only, line for line: every line of the Chinese
// edition stands where the shipped line stood, within the rules.
func TestTheChineseEditionIsWithinTheRules(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := course.Load(root, "koans")
	require.NoError(t, err)
	for _, cc := range c.Concepts {
		byFile := map[string][]*course.Koan{}
		for _, k := range cc.Koans {
			byFile[k.File] = append(byFile[k.File], k)
		}
		for rel, koans := range byFile {
			src, err := os.ReadFile(filepath.Join(root, rel))
			require.NoError(t, err)
			zh, _, _ := edition.Apply(src, edition.SlotsOf(rel, src, koans), lang.Chinese)
			en, mine := strings.Split(string(src), "\n"), strings.Split(string(zh), "\n")
			require.Len(t, mine, len(en), rel)
			for i := range en {
				assert.True(t, Allowed(en[i], mine[i]), "%s:%d: %q -> %q", rel, i+1, en[i], mine[i])
			}
		}
	}
}
