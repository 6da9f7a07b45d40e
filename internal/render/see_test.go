package render

import (
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/verdict"
)

// A race, leak or deadlock koan that has just turned green is pointed at
// make prove; a blank koan is not.
func TestAKoanOfADetectorJustPassedIsPointedAtProve(t *testing.T) {
	blank := &course.Koan{Name: "TestBlank", Kind: kind.Blank}
	race := &course.Koan{Name: "TestRace", Kind: kind.Race}
	s := Style{Lang: lang.English}
	if got := proveIt(&standing.Standing{JustPassed: []*course.Koan{blank}}, s); got != "" {
		t.Errorf("a blank koan: %q, want nothing", got)
	}
	got := proveIt(&standing.Standing{JustPassed: []*course.Koan{blank, race}}, s)
	if !strings.Contains(got, "`make prove KOAN=TestRace`") {
		t.Errorf("a race koan: %q, want make prove KOAN=TestRace", got)
	}
	s.GoTool = true
	if got := proveIt(&standing.Standing{JustPassed: []*course.Koan{race}}, s); !strings.Contains(got, "`go tool koans prove -koan TestRace`") {
		t.Errorf("with go tool: %q", got)
	}
}

// The verdict of a koan that fails between goroutines ends pointing at
// make trace; a panic's does not.
func TestTheVerdictOfARaceEndsPointingAtTrace(t *testing.T) {
	s := Style{Lang: lang.English}
	if got := seeTheRun(verdict.Verdict{Kind: kind.Race}, s); !strings.Contains(got, "`make trace`") {
		t.Errorf("race: %q", got)
	}
	if got := seeTheRun(verdict.Verdict{Kind: kind.Panic}, s); got != "" {
		t.Errorf("panic: %q, want nothing", got)
	}
}
