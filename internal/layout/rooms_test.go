package layout

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

const module = "github.com/gokoans/concurrency/"

// CONTRIBUTING.md draws the house as it is: its map names every package
// go list ./... lists, and no other, and each package on a floor imports
// only from the floors below it.
func TestTheMapOfTheRoomsIsTheHouse(t *testing.T) {
	floors := rooms(t, read(t, "CONTRIBUTING.md"))
	require.Greater(t, len(floors), 10, "is the map still the first code block under ## The rooms?")

	out, err := exec.Command("go", "list", "-f", "{{.ImportPath}} {{join .Imports \" \"}}", "../../...").CombinedOutput()
	require.NoError(t, err, "go list ./...\n%s", out)
	listed := map[string]bool{}
	for _, line := range strings.Split(strings.TrimSpace(string(out)), "\n") {
		fields := strings.Fields(line)
		pkg := strings.TrimPrefix(fields[0], module)
		listed[pkg] = true
		course := strings.HasPrefix(pkg, "koans/") || strings.HasPrefix(pkg, "solutions/")
		floor, mapped := floors[pkg]
		if !mapped && !course {
			t.Errorf("CONTRIBUTING.md's map does not name the package %s", pkg)
			continue
		}
		if course || floor < 0 {
			continue
		}
		for _, imp := range fields[1:] {
			dep, ok := strings.CutPrefix(imp, module)
			if !ok {
				continue
			}
			if f, ok := floors[dep]; ok && (f < 0 || f >= floor) {
				t.Errorf("%s (floor %d) imports %s (floor %d): a package imports only from the floors below it", pkg, floor, dep, f)
			}
		}
	}
	for pkg := range floors {
		if !listed[pkg] && pkg != "koans" && pkg != "solutions" {
			t.Errorf("CONTRIBUTING.md's map names %s, which go list ./... does not list", pkg)
		}
	}
}

var floorRE = regexp.MustCompile(`^floor (\d+)\s+`)

// rooms reads the map: each package it names and its floor (-1 for the
// packages beside the house and for the course).
func rooms(t *testing.T, doc string) map[string]int {
	_, after, ok := strings.Cut(doc, "## The rooms\n")
	require.True(t, ok, "CONTRIBUTING.md has no section ## The rooms")
	_, block, ok := strings.Cut(after, "```\n")
	require.True(t, ok)
	block, _, _ = strings.Cut(block, "```")
	floors := map[string]int{}
	floor := -1
	for _, line := range strings.Split(block, "\n") {
		rest := line
		switch {
		case floorRE.MatchString(line):
			m := floorRE.FindStringSubmatch(line)
			floor, _ = strconv.Atoi(m[1])
			rest = line[len(m[0]):]
		case strings.HasPrefix(line, "beside "):
			floor, rest = -1, strings.TrimPrefix(line, "beside ")
		case strings.HasPrefix(line, "the course "):
			for _, tree := range []string{"koans", "solutions"} {
				assert.Contains(t, line, tree+"/", "the map's course line")
				floors[tree] = -1
			}
			continue
		case strings.TrimSpace(line) == "":
			continue
		}
		fields := strings.Fields(rest)
		if assert.NotEmpty(t, fields, "map line %q", line) {
			pkg := strings.TrimSuffix(fields[0], "/")
			assert.NotContains(t, floors, pkg, "the map names %s twice", pkg)
			floors[pkg] = floor
		}
	}
	return floors
}
