package render

import (
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/verdict"
)

// seeTheRun is the verdict's last line for a koan whose failure happens
// between goroutines (a deadlock, a leak, a race, an order the assertion
// caught): make trace draws them over time. "" for the other kinds.
func seeTheRun(v verdict.Verdict, s Style) string {
	switch v.Kind {
	case kind.Deadlock, kind.Leak, kind.Race, kind.Assert:
	default:
		return ""
	}
	if s.GoTool {
		return s.Lang.Sprintf("See the run: `go tool koans trace` draws the koan's goroutines over time.")
	}
	return s.Lang.Sprintf("See the run: `make trace` draws the koan's goroutines over time.")
}

// proveIt suggests make prove for the first koan of a race, a leak or a
// deadlock that has just turned green: one green run proves little.
func proveIt(st *standing.Standing, s Style) string {
	for _, k := range st.JustPassed {
		switch k.Kind {
		case kind.Race, kind.Leak, kind.Deadlock:
			if s.GoTool {
				return s.Lang.Sprintf("%s is green once. `go tool koans prove -koan %s` runs it 20 times at -cpu 1,2,4,8: does it stay green?", k.Name, k.Name)
			}
			return s.Lang.Sprintf("%s is green once. `make prove KOAN=%s` runs it 20 times at -cpu 1,2,4,8: does it stay green?", k.Name, k.Name)
		}
	}
	return ""
}
