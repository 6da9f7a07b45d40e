package diagnose

import (
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
)

// A koan stopped by the time limit after printing more than the runner
// keeps is told how much it printed; one that printed little, or failed
// some other way, is not.
func TestASlowKoanIsToldHowMuchItPrinted(t *testing.T) {
	loud := []string{"head\n", "[koans: 52428800 bytes of output cut here]\n", "tail\n"}
	f := &Failure{Kind: "timeout"}
	noteLoudOutput(f, loud)
	if len(f.Details) != 1 || !strings.Contains(f.Details[0].In(lang.English), "The koan printed 50.0 MB of output") {
		t.Errorf("details %v", f.Details)
	}
	for _, tc := range []struct {
		kind   kind.Kind
		output []string
	}{{"timeout", []string{"head\n", "tail\n"}}, {"assert", loud}} {
		f := &Failure{Kind: tc.kind}
		noteLoudOutput(f, tc.output)
		if len(f.Details) != 0 {
			t.Errorf("%s: details %v", tc.kind, f.Details)
		}
	}
}
