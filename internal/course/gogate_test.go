package course

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A go runs a file that needs Go 1.N when its release tags hold go1.N:
// any 1.N release, candidate or patch, any later one, and a development
// build (the newest).
func TestRunsComparesTheGoAtHandWithTheRelease(t *testing.T) {
	for _, c := range []struct {
		needs, have string
		runs        bool
	}{
		{"", "go1.25.0", true},
		{"1.27", "go1.26.8", false},
		{"1.27", "go1.27.3", true},
		{"1.27", "go1.27rc1", true},
		{"1.27", "go1.27.0-bigcorp", true},
		{"1.27", "go1.28", true},
		{"1.27", "devel go1.27-abcdef Tue Dec 8 2026", true},
		{"1.28", "devel go1.27-abcdef Tue Dec 8 2026", false},
		{"1.27", "", true}, // go could not say: run it, and let go test judge
		{"1.99", "go1.26.8", false},
	} {
		assert.Equal(t, c.runs, Runs(c.needs, c.have), "%q on %q", c.needs, c.have)
	}
}

// The fixture course of the gate: 01_gate has a koan for any Go and one
// whose file needs Go 1.99; 02_later has only a 1.99 koan.
func TestALoadedKoanKnowsTheGoItsFileNeeds(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := Load(root, "internal/verify/testdata/gate/koans")
	require.NoError(t, err)
	gate := c.Concept("01_gate")
	require.NotNil(t, gate)
	require.Len(t, gate.Koans, 2, "the parser ignores the build constraint: the koan is loaded")
	assert.Equal(t, "", gate.Koans[0].NeedsGo)
	assert.True(t, gate.Koans[0].Runnable())
	assert.Equal(t, "1.99", gate.Koans[1].NeedsGo)
	assert.False(t, gate.Koans[1].Runnable(), "no go at hand is 1.99")
	assert.Empty(t, gate.GateProblems, "the catalog says go = \"1.99\" as the file does")
	assert.False(t, gate.NoneRunnable())
	assert.True(t, c.Concept("02_later").NoneRunnable())
	assert.Equal(t, []*Koan{gate.Koans[1], c.Concept("02_later").Koans[0]}, c.NeedNewerGo())
	assert.Equal(t, "1.99", Newest(c.NeedNewerGo()))
}

// The build constraint and the catalog's go key must agree, both ways; a
// disagreement is said at the catalog entry's line.
func TestTheCatalogAndTheBuildConstraintMustAgree(t *testing.T) {
	root := t.TempDir()
	write := func(name, text string) {
		p := filepath.Join(root, name)
		require.NoError(t, os.MkdirAll(filepath.Dir(p), 0o755))
		require.NoError(t, os.WriteFile(p, []byte(text), 0o644))
	}
	write("go.mod", "module example.com/course\n")
	test := func(name string) string { return "\nfunc " + name + "(t *testing.T) {}\n" }
	write("koans/01_x/a_test.go", "package x\n\nimport \"testing\"\n"+test("TestNoConstraint"))
	write("koans/01_x/b_test.go", "//go:build go1.27\n\npackage x\n\nimport \"testing\"\n"+test("TestNoKey")+test("TestOtherKey"))
	write("koans/01_x/c_test.go", "//go:build go1.27 && !windows\n\npackage x\n\nimport \"testing\"\n"+test("TestAgree")+test("TestUnlisted"))
	write("koans/01_x/catalog.toml", `[[koan]]
name = "TestNoConstraint"
go = "1.27"

[[koan]]
name = "TestNoKey"

[[koan]]
name = "TestOtherKey"
go = "1.26"

[[koan]]
name = "TestAgree"
go = "1.27"

[[koan]]
name = "TestBadKey"
go = "1.27.x"
`)
	write("koans/01_x/d_test.go", "package x\n\nimport \"testing\"\n"+test("TestBadKey"))
	c, err := Load(root, "koans")
	require.NoError(t, err)
	x := c.Concept("01_x")
	assert.Equal(t, "1.27", x.Koan("TestAgree").NeedsGo, "go1.27 && !windows needs 1.27")
	assert.Equal(t, []string{
		"koans/01_x/catalog.toml:1: TestNoConstraint: the catalog says go = \"1.27\", but koans/01_x/a_test.go has no //go:build go1.27 line: go would build it on any Go",
		"koans/01_x/catalog.toml:5: TestNoKey: its file needs Go 1.27 (//go:build go1.27 at koans/01_x/b_test.go:1), but its catalog entry has no go = \"1.27\"",
		"koans/01_x/catalog.toml:8: TestOtherKey: the catalog says go = \"1.26\", but koans/01_x/b_test.go needs Go 1.27 (its //go:build line)",
		"koans/01_x/catalog.toml:16: TestBadKey: go = \"1.27.x\" is not a Go release such as \"1.27\"",
		"koans/01_x/c_test.go:1: TestUnlisted needs Go 1.27 (//go:build go1.27), but the catalog has no entry for it with go = \"1.27\"",
	}, x.GateProblems)
}
