package course

import (
	"path/filepath"
	"testing"

	"github.com/gokoans/concurrency/internal/kind"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestSentenceReadsATestNameAsASentence(t *testing.T) {
	for name, want := range map[string]string{
		"TestAnUnbufferedSendWaitsForAReceiver":    "an unbuffered send waits for a receiver",
		"TestHTTPServerStops":                      "HTTP server stops",
		"TestGOMAXPROCSZeroReportsWithoutChanging": "GOMAXPROCS zero reports without changing",
		"TestWaitGroupGoCountsTheGoroutineForYou":  "wait group go counts the goroutine for you",
		"TestRange_endsOnClose":                    "range ends on close",
		"TestTheKth2Receive":                       "the kth 2 receive",
		"Test":                                     "",
	} {
		assert.Equal(t, want, Sentence(name), name)
	}
}

func TestLoadFindsKoansInTheOrderGoTestRunsThem(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := Load(root, "internal/diagnose/testdata/koans")
	require.NoError(t, err)
	require.NotEmpty(t, c.Concepts)
	assert.Equal(t, "01_blank", c.Concepts[0].Name)
	assert.Equal(t, "github.com/gokoans/concurrency", c.Module)

	blank := c.Concept("01_blank")
	require.NotNil(t, blank)
	assert.Equal(t, "Blank", blank.Title)
	require.Len(t, blank.Koans, 2)
	k := blank.Koans[1]
	assert.Equal(t, "TestAnUnbufferedSendWaitsForAReceiver", k.Name)
	assert.Equal(t, "internal/diagnose/testdata/koans/01_blank/blank_test.go", k.File)
	assert.Equal(t, 15, k.Line)
	assert.Equal(t, 19, k.EndLine)
	assert.Equal(t, kind.Blank, k.Kind)
	assert.Len(t, k.Hints, 2)
	assert.Same(t, k, blank.KoanAt(k.File, 17))
	assert.Nil(t, blank.KoanAt(k.File, 14))
	assert.Same(t, k, blank.Nearest(k.File, 14), "a line between koans belongs to the next one")

	plain := c.Concept("08_plain")
	require.NotNil(t, plain)
	assert.Nil(t, plain.Catalog, "a concept without a catalog still loads")
	assert.Equal(t, "Plain", plain.Title)
	assert.Len(t, plain.Koans, 2)
}

// A koan the catalog names but the disk lacks keeps its place in the path.
func TestPathPutsMissingKoansWhereTheCatalogHasThem(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := Load(root, "internal/diagnose/testdata/koans")
	require.NoError(t, err)
	m := c.Concept("15_missing")
	require.NotNil(t, m)
	var names []string
	for _, k := range m.Path() {
		names = append(names, k.Name)
	}
	assert.Equal(t, []string{"TestTheFirstKoanIsHere", "TestTheSecondKoanWasDeleted", "TestTheThirdKoanIsHere"}, names)
	assert.Equal(t, 3, len(m.Koans)+len(m.Missing))
}

func TestFindRootWorksFromAnyFolderOfTheCourse(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	got, err := FindRoot(filepath.Join(root, "koans", "01_goroutines"))
	require.NoError(t, err)
	assert.Equal(t, root, got)
	_, err = FindRoot(t.TempDir())
	assert.ErrorContains(t, err, "not inside the course")
}
