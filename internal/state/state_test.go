package state

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Positions are kept per tree, and a damaged walk.json is no position at
// all, never an error: the walk then starts from the beginning.
func TestAPositionIsKeptPerTreeAndADamagedFileIsNone(t *testing.T) {
	d := Of(t.TempDir())
	assert.False(t, d.Walked())
	assert.Equal(t, Position{}, d.Position("koans"))
	p := Position{Concept: "02_channels", Koan: "TestX", Verified: time.Unix(1e9, 0).UTC(), Go: "go1.26.8", Race: true}
	d.SetPosition("koans", p)
	d.SetPosition("solutions", Position{Concept: "01_goroutines"})
	assert.True(t, d.Walked())
	assert.Equal(t, p, d.Position("koans"), "the other tree's position does not overwrite it")
	assert.Equal(t, "01_goroutines", d.Position("solutions").Concept)

	for _, junk := range []string{"", "{", "null", `{"current":7}`, "\x00\x01"} {
		require.NoError(t, os.WriteFile(filepath.Join(d.Path(), "walk.json"), []byte(junk), 0o644))
		assert.Equal(t, Position{}, d.Position("koans"), "%q", junk)
		d.SetPosition("koans", p) // and a save mends it
		assert.Equal(t, p, d.Position("koans"), "%q", junk)
	}
}

// Hints go one level further each time, up to the last; a damaged or null
// hints.json starts again from the first.
func TestHintsGoOneFurtherEachTimeAndADamagedMemoryStartsAgain(t *testing.T) {
	d := Of(t.TempDir())
	assert.Equal(t, []int{1, 2, 3, 3}, []int{d.NextHint("TestX", 3), d.NextHint("TestX", 3), d.NextHint("TestX", 3), d.NextHint("TestX", 3)})
	assert.Equal(t, 1, d.NextHint("TestY", 2), "each koan has its own count")
	for _, junk := range []string{"null", "{", `{"TestX":"two"}`} {
		require.NoError(t, os.WriteFile(filepath.Join(d.Path(), "hints.json"), []byte(junk), 0o644))
		assert.Equal(t, 1, d.NextHint("TestX", 3), "%q", junk)
	}
}

func TestABackupIsDatedAndRelative(t *testing.T) {
	at := time.Date(2026, 11, 27, 18, 40, 5, 0, time.UTC)
	assert.Equal(t, ".koans/backups/20261127-184005/koans/01_goroutines/a_test.go", Backup("koans/01_goroutines/a_test.go", at))
}
