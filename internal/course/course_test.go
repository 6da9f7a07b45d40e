package course

import (
	"os"
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

// A [[koan.wrong]] table is read with its koan, knows its line in the
// catalog, and a malformed one is named at its line without making the
// catalog bad: the learner's runner does not need it.
func TestWrongAnswersAreReadWithTheirLines(t *testing.T) {
	dir := t.TempDir()
	cat := `title = "X"

[[koan]]
name = "TestA"
kind = "leak"
hints = ["a", "b"]

[[koan.wrong]]
find = "case <-ctx.Done():"
put = """
default:
	x()"""
why = "A default case never waits."

[[koan.wrong]]
fnd = "wg.Wait()"
why = ""

[[koan]]
name = "TestB"
kind = "race"
hints = ["a", "b"]

[[koan.wrong]]
find = "mu.Lock()"
put = ""
why = "w"
file = "b_test.go"
`
	path := filepath.Join(dir, CatalogFile)
	require.NoError(t, os.WriteFile(path, []byte(cat), 0o644))
	c := &Concept{Name: "01_x"}
	c.readCatalog(path, "koans/01_x/catalog.toml")
	require.Empty(t, c.BadCatalog)
	require.Len(t, c.Catalog.Koans, 2)
	a, b := c.Catalog.Koans[0].Wrong, c.Catalog.Koans[1].Wrong
	require.Len(t, a, 2)
	require.Len(t, b, 1)
	assert.Equal(t, WrongAnswer{Find: "case <-ctx.Done():", Put: "default:\n\tx()", Why: "A default case never waits.", Line: 8}, a[0])
	assert.Equal(t, 15, a[1].Line)
	assert.Equal(t, WrongAnswer{Find: "mu.Lock()", Why: "w", File: "b_test.go", Line: 24}, b[0])
	assert.Equal(t, []string{
		`koans/01_x/catalog.toml:16: [[koan.wrong]] has a key "fnd": its keys are find, put, why and file`,
		"koans/01_x/catalog.toml:15: TestA: a [[koan.wrong]] needs find, the solution's text the learner would change",
		"koans/01_x/catalog.toml:15: TestA: a [[koan.wrong]] needs why, a sentence on why the answer is wrong",
	}, c.Catalog.WrongProblems)
}
