package kind

import (
	"testing"

	"github.com/gokoans/concurrency/internal/lang"
)

// Every kind has a title of its own, and the lessons are exactly the kinds
// a detector or an assertion judges: never a trouble of the runner.
func TestEveryKindIsNamedAndPlaced(t *testing.T) {
	seen := map[string]Kind{}
	for _, k := range All {
		title := k.Title().In(lang.English)
		if title == "Failed" {
			t.Errorf("%s has no title", k)
		}
		if other, ok := seen[title]; ok {
			t.Errorf("%s and %s share the title %q", k, other, title)
		}
		seen[title] = k
		if k.Detector() && !k.Shipped() {
			t.Errorf("%s is judged by a detector but may not ship", k)
		}
		if k.EndsRun() && k.FailsFast() {
			t.Errorf("%s both ends the run and fails fast", k)
		}
	}
	for _, trouble := range []Kind{Compile, Missing, Skipped} {
		if trouble.Shipped() {
			t.Errorf("%s is a trouble, not a lesson", trouble)
		}
	}
}
