package diagnose_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/render"
	"github.com/gokoans/concurrency/internal/run"
	"github.com/gokoans/concurrency/internal/verdict"
)

// waitTree holds the koans whose waits close a cycle, in a tree of their
// own so that the main fixtures' totals do not change.
const waitTree = "internal/diagnose/testdata/waits"

// The verdict of a deadlock draws the cycle its waits close, naming each
// lock or channel the same way in every goroutine, however the koan's
// functions name it (transfer's first.mu is the test's a.mu or b.mu).
func TestADeadlockDrawsWhoWaitsForWhom(t *testing.T) {
	for _, fx := range []struct {
		concept string
		cycle   string // the drawn cycle, goroutine numbers normalized
		blocked int    // goroutines in the -json blocked list
	}{
		{"01_lock_order", "the koan itself: holds a.mu (line 23) → waits for b.mu (line 26) → held by goroutine N → waits for a.mu (line 26) → held by the koan itself", 2},
		{"02_channel_cycle", "goroutine N: waits to receive from readyB (line 14) → goroutine N would close it (line 15) → waits to receive from readyA (line 14) → goroutine N would close it (line 15)", 3},
		{"03_send_under_lock", "the koan itself: holds k.mu (line 28) → waits to send on k.added (line 30) → goroutine N would receive it (line 17) → waits for k.mu (line 18) → held by the koan itself", 2},
	} {
		t.Run(fx.concept, func(t *testing.T) {
			st := walkFixtureIn(t, waitTree, filepath.Join("testdata", "streams", "waits"), fx.concept)
			v := verdict.Of(st, lang.English)
			require.Equal(t, kind.Deadlock, v.Kind)
			var text, js bytes.Buffer
			render.Text(&text, st, render.Style{})
			require.NoError(t, verdict.Write(&js, st, lang.English))
			assert.Contains(t, normalize(text.String()), "\n  "+fx.cycle+"\n")
			assert.Len(t, v.Blocked, fx.blocked)
			names := map[string]bool{}
			for _, b := range v.Blocked {
				assert.NotEmpty(t, b.WaitsFor, "goroutine %d waits for something unnamed", b.Goroutine)
				assert.True(t, strings.HasPrefix(b.File, waitTree+"/"+fx.concept+"/"), b.File)
				names[b.WaitsFor] = true
			}
			for _, b := range v.Blocked {
				for _, h := range b.Holds {
					assert.True(t, names[h], "held %s is named as no goroutine waits for it", h)
				}
			}
			golden(t, filepath.Join("testdata", "golden", "waits", fx.concept+".txt"), text.String())
			golden(t, filepath.Join("testdata", "golden", "waits", fx.concept+".json"), js.String())
		})
	}
}

// A dump cut anywhere never makes the drawing panic.
func TestACutDumpStillDrawsOrSaysNothing(t *testing.T) {
	root := repoRoot(t)
	c, err := course.Load(root, waitTree)
	require.NoError(t, err)
	require.Len(t, c.Concepts, 3)
	for _, concept := range c.Concepts {
		data, err := os.ReadFile(filepath.Join("testdata", "streams", "waits", concept.Name+".jsonl"))
		require.NoError(t, err)
		text := strings.ReplaceAll(string(data), "$ROOT", root)
		for cut := 0; cut < len(text); cut += 97 {
			res, _ := run.Replay(strings.NewReader(text[:cut] + "\nnot json at all\n{\"Action\":"))
			pkg := res.Packages[concept.ImportPath(c.Module)]
			assert.NotPanics(t, func() { diagnose.Judge(concept, pkg, root) }, "%s cut at %d", concept.Name, cut)
		}
	}
}
