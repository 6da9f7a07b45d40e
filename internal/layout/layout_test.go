package layout

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/kind"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func read(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(filepath.Join("..", "..", path))
	require.NoError(t, err)
	return string(data)
}

// The two commands that do all the set-up are the README's, and CI calls
// the second.
func TestTheReadmesTwoCommandsAreTheOnesCIUses(t *testing.T) {
	readme := read(t, "README.md")
	assert.Contains(t, readme, "make koans")
	assert.Contains(t, readme, "make test")
	assert.Contains(t, read(t, ".ci/run"), "make test")
	mk := read(t, "Makefile")
	assert.Regexp(t, `(?m)^koans:`, mk)
	assert.Regexp(t, `(?m)^test:`, mk)
}

// go.mod keeps Go 1.25 as the minimum (testing/synctest, WaitGroup.Go) and
// declares the tools the Makefile runs with go tool.
func TestGoModDeclaresTheMinimumAndTheTools(t *testing.T) {
	mod := read(t, "go.mod")
	assert.Regexp(t, `(?m)^go 1\.25(\.0)?$`, mod)
	for _, tool := range []string{
		"github.com/gokoans/concurrency/cmd/koans",
		"gotest.tools/gotestsum",
		"github.com/rhysd/actionlint/cmd/actionlint",
		"honnef.co/go/tools/cmd/staticcheck",
	} {
		assert.Contains(t, mod, "\t"+tool+"\n", "tool %s", tool)
	}
}

// The dev container is valid JSON and names an image with Go 1.25 or newer.
func TestTheDevContainerNamesAGoImage(t *testing.T) {
	var dc struct {
		Image string `json:"image"`
	}
	require.NoError(t, json.Unmarshal([]byte(read(t, ".devcontainer/devcontainer.json")), &dc))
	m := regexp.MustCompile(`go:1\.(\d+)`).FindStringSubmatch(dc.Image)
	require.NotNil(t, m, "image %q names no Go version", dc.Image)
	minor, _ := strconv.Atoi(m[1])
	assert.GreaterOrEqual(t, minor, 25, dc.Image)
}

// Every workflow reads with least privilege and pins every action by the
// full commit SHA.
func TestWorkflowsPinActionsAndReadOnly(t *testing.T) {
	files, err := filepath.Glob(filepath.Join("..", "..", ".github", "workflows", "*.yml"))
	require.NoError(t, err)
	require.NotEmpty(t, files)
	uses := regexp.MustCompile(`uses:\s*(\S+)`)
	pinned := regexp.MustCompile(`@[0-9a-f]{40}$`)
	for _, f := range files {
		data, err := os.ReadFile(f)
		require.NoError(t, err)
		text := string(data)
		assert.Contains(t, text, "permissions:\n  contents: read", filepath.Base(f))
		for _, m := range uses.FindAllStringSubmatch(text, -1) {
			if strings.HasPrefix(m[1], "./") {
				continue
			}
			assert.Regexp(t, pinned, m[1], "%s: %s", filepath.Base(f), m[1])
		}
	}
}

// The runner's memory and the learner's backups stay out of git.
func TestTheRunnersStateIsIgnored(t *testing.T) {
	assert.Regexp(t, `(?m)^/?\.koans/?$`, read(t, ".gitignore"))
}

// AGENTS.md tells coding assistants the runner's commands and every kind of
// verdict, as the runner has them.
func TestAgentsMdKnowsTheRunner(t *testing.T) {
	agents := read(t, "AGENTS.md")
	for _, cmd := range []string{"go tool koans -json", "go tool koans hint", "go tool koans list -json", "go tool koans reset"} {
		assert.Contains(t, agents, cmd)
	}
	for _, k := range kind.All {
		assert.Contains(t, agents, "`"+string(k)+"`", "AGENTS.md does not name the kind %s", k)
	}
	assert.Contains(t, read(t, "llms.txt"), "[AGENTS.md](AGENTS.md)")
}
