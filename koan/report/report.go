package report

import (
	"fmt"
	"regexp"
	"time"
)

// Markers start the lines the helper's guards print, so that the runner (and
// a person reading go test's output) can tell them from the koan's own
// output.
const (
	// Stuck starts the hang guard's report of a koan whose goroutines are
	// all blocked.
	Stuck = "koan: stuck:"
	// Slow starts the hang guard's report of a koan still running when go
	// test's time limit draws near.
	Slow = "koan: slow:"
	// Leak starts the leak check's report of goroutines that outlived
	// their koans.
	Leak = "koan: leaked goroutines:"
	// LeakChecked is the last line the helper prints, once its leak check
	// is done (whatever it found): a koan that passed in a run without it
	// has not been checked for leaks, since the binary ended before.
	LeakChecked = "koan: leak check done."
)

// Blank is how an assertion prints an unfilled blank (a koan.Blank, through
// its GoString under %#v).
const Blank = "koan.Blank(__ fill in the blank)"

// BlankGoString is what koan.Blank's GoString returns.
const BlankGoString = "__ fill in the blank"

// slowFormat is the first line of the slow report, after the marker: the
// koan, how long the binary ran, and go test's whole time limit.
const slowFormat = " %s has run for %v of the %v go test allows, and is not blocked: it is slow, or a loop never ends. Its goroutines:\n"

var slowRE = regexp.MustCompile(regexp.QuoteMeta(Slow) + ` \S* ?has run for (\S+) of the (\S+) go test allows`)

// SlowLine is the first line of the slow report: koan has run for ran of
// the limit go test allows.
func SlowLine(koan string, ran, limit time.Duration) string {
	return Slow + fmt.Sprintf(slowFormat, koan, ran.Round(100*time.Millisecond), limit.Round(100*time.Millisecond))
}

// ReadSlow reads back, from text holding a slow report, how long the koan
// ran and go test's limit, as SlowLine printed them.
func ReadSlow(text string) (ran, limit string, ok bool) {
	m := slowRE.FindStringSubmatch(text)
	if m == nil {
		return "", "", false
	}
	return m[1], m[2], true
}
