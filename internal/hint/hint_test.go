package hint

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
)

func koan() *course.Koan {
	return &course.Koan{Name: "TestASendWaits", File: "koans/02_x/a_test.go", Line: 12,
		Hints:   []string{"gentle", "stronger", "strongest"},
		HintsZh: []string{"轻", "重"},
		Concept: &course.Concept{Name: "02_x"}}
}

// Each time the learner asks, one hint more, up to the last; then the
// hints are all there is. The learner's own path keeps a journal of it.
func TestEachAskShowsOneHintMore(t *testing.T) {
	root := t.TempDir()
	opt := Options{Root: root, Tree: "koans", Lang: lang.English, ViaMake: true}
	var outs []string
	for range 4 {
		var b strings.Builder
		ShowKoan(&b, koan(), opt)
		outs = append(outs, b.String())
	}
	assert.Contains(t, outs[0], "Hints for: A send waits (koans/02_x/a_test.go:12)")
	assert.Contains(t, outs[0], "  1. gentle\n")
	assert.NotContains(t, outs[0], "2. ")
	assert.Contains(t, outs[0], "(1 of 3. Ask again with `make hint KOAN=TestASendWaits` for a stronger one.)")
	assert.Contains(t, outs[1], "  2. stronger\n")
	assert.Contains(t, outs[2], "  3. strongest\n")
	assert.Contains(t, outs[2], "that is every hint there is")
	assert.Equal(t, outs[2], outs[3], "past the last hint, the same hints")
	events, _, err := journal.Read(root)
	require.NoError(t, err)
	assert.Len(t, events, 4)
}

// In Chinese, a hint shows its twin, and the English where it has none;
// a run of the solutions tree keeps no journal.
func TestAHintIsShownInTheLearnersLanguage(t *testing.T) {
	root := t.TempDir()
	opt := Options{Root: root, Tree: "solutions", Lang: lang.Chinese}
	var b strings.Builder
	for range 3 {
		ShowKoan(&b, koan(), opt)
	}
	assert.Contains(t, b.String(), "  1. 轻\n")
	assert.Contains(t, b.String(), "  3. strongest\n")
	events, _, _ := journal.Read(root)
	assert.Empty(t, events)
}

// With every koan passed there is nothing to hint at; a koan without
// hints says so.
func TestNothingToHintAtIsSaid(t *testing.T) {
	var b strings.Builder
	Show(&b, &standing.Standing{}, Options{Root: t.TempDir(), Lang: lang.English})
	assert.Equal(t, "Every koan holds: there is nothing left to hint at.\n", b.String())
	b.Reset()
	k := koan()
	k.Hints = nil
	ShowKoan(&b, k, Options{Root: t.TempDir(), Lang: lang.English})
	assert.Contains(t, b.String(), "TestASendWaits has no hint in the catalog.")
}
