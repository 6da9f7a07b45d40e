package kind

import "github.com/gokoans/concurrency/internal/lang"

// A Kind is one way a koan can fail.
type Kind string

// The kinds. The first nine are lessons (a koan may ship failing that way);
// the last three are troubles the runner reports but no koan may teach.
const (
	Blank    Kind = "blank"    // an assertion compares against the blank __
	Assert   Kind = "assert"   // an assertion fails on a real value
	Race     Kind = "race"     // the race detector reports a data race
	Leak     Kind = "leak"     // goroutines outlive the koan (the leak check)
	Deadlock Kind = "deadlock" // no goroutine of the koan can go on
	Timeout  Kind = "timeout"  // the koan ran out of time, still running
	Panic    Kind = "panic"    // a panic
	Fatal    Kind = "fatal"    // a fatal runtime error recover cannot catch
	Vet      Kind = "vet"      // go vet rejects the code
	Compile  Kind = "compile"  // the package does not build
	Missing  Kind = "missing"  // a koan, a concept or its helper file is gone
	Skipped  Kind = "skipped"  // the koan called t.Skip
)

// All is every kind, lessons first.
var All = []Kind{Blank, Assert, Race, Leak, Deadlock, Timeout, Panic, Fatal, Vet, Compile, Missing, Skipped}

// Shipped is every kind a koan may ship failing with: a lesson.
func (k Kind) Shipped() bool {
	switch k {
	case Blank, Assert, Race, Leak, Deadlock, Timeout, Panic, Fatal, Vet:
		return true
	}
	return false
}

// Detector reports whether a detector of real code judges the failure (the
// race detector, the leak check, the hang guard or synctest, the runtime,
// go vet) rather than an assertion.
func (k Kind) Detector() bool {
	switch k {
	case Race, Leak, Deadlock, Timeout, Panic, Fatal, Vet:
		return true
	}
	return false
}

// EndsRun reports whether a failure of this kind ends the test binary: the
// koans after it do not run, and neither does the leak check at the end of
// the package's run.
func (k Kind) EndsRun() bool {
	switch k {
	case Deadlock, Timeout, Panic, Fatal:
		return true
	}
	return false
}

// FailsFast reports whether a koan failing this way costs its package's run
// little and lets the run go on to the leak check at its end.
func (k Kind) FailsFast() bool {
	switch k {
	case Blank, Assert, Race, Vet:
		return true
	}
	return false
}

// Title is the kind as the learner reads it in a verdict.
func (k Kind) Title() lang.Msg {
	switch k {
	case Blank:
		return lang.Msgf("Fill in the blank")
	case Assert:
		return lang.Msgf("Not yet")
	case Race:
		return lang.Msgf("Data race")
	case Leak:
		return lang.Msgf("Goroutine leak")
	case Deadlock:
		return lang.Msgf("Deadlock")
	case Panic:
		return lang.Msgf("Panic")
	case Fatal:
		return lang.Msgf("Fatal error")
	case Compile:
		return lang.Msgf("Does not compile")
	case Vet:
		return lang.Msgf("go vet")
	case Timeout:
		return lang.Msgf("Never finished")
	case Missing:
		return lang.Msgf("Missing koan")
	case Skipped:
		return lang.Msgf("Skipped")
	}
	return lang.Msgf("Failed")
}
