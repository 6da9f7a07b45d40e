package layout

import (
	"os/exec"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// The runner reads the koan helper's reports through koan/report alone: it
// links neither the testing package nor goleak (the helper's), whose
// start-up code would otherwise run in every call of the runner.
func TestTheRunnerLinksNeitherTestingNorGoleak(t *testing.T) {
	for _, pkg := range []string{"../../cmd/koans", "../../koan/report"} {
		out, err := exec.Command("go", "list", "-deps", pkg).CombinedOutput()
		require.NoError(t, err, "go list -deps %s\n%s", pkg, out)
		for _, dep := range strings.Fields(string(out)) {
			if dep == "testing" || strings.HasPrefix(dep, "testing/") || strings.HasPrefix(dep, "go.uber.org/goleak") {
				t.Errorf("%s depends on %s", pkg, dep)
			}
		}
	}
}
