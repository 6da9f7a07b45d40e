package report

import (
	"encoding/json"
	"strings"
	"time"
)

// Markers start the lines the helper's guards print, so that the runner (and
// a person reading go test's output) can tell them from the koan's own
// output.
const (
	// Data starts the one machine line of each of the helper's reports: the
	// marker, a space, then the Report as one JSON object. The runner reads
	// that line, never the sentences around it.
	Data = "koan: report:"
	// Stuck starts the hang guard's report of a koan whose goroutines are
	// all blocked, for the person who reads it.
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

// A Kind is what a report is about.
type Kind string

const (
	// KindStuck: every goroutine of a koan was blocked, without progress,
	// for longer than the hang guard allows; the guard ended the binary.
	KindStuck Kind = "stuck"
	// KindSlow: a koan was still running, not blocked, when go test's time
	// limit drew near; the guard ended the binary.
	KindSlow Kind = "slow"
	// KindLeak: goroutines outlived the koans of the package (the leak
	// check after all of them).
	KindLeak Kind = "leak"
)

// A Report is what one of the helper's reports says, as data. The runtime's
// goroutine dump follows its line (the same text a person reads): the
// stacks of every goroutine at that moment for stuck and slow, the leaked
// goroutines' stacks for leak. Goroutines says which of them the report is
// about.
type Report struct {
	Kind Kind `json:"kind"`
	// Koan is the top-level test the report is about: the innermost running
	// koan for stuck and slow; empty for leak (each stack says whose).
	Koan string `json:"koan,omitempty"`
	// Waited is how long the koan made no progress (stuck).
	Waited time.Duration `json:"waited,omitempty"`
	// Ran is how long the test binary had run, Limit go test's whole time
	// limit (slow).
	Ran   time.Duration `json:"ran,omitempty"`
	Limit time.Duration `json:"limit,omitempty"`
	// Goroutines are the ids, in the dump that follows, of the koan's
	// goroutines (stuck, slow: picked by traceback.OfTest) or of the leaked
	// ones (leak).
	Goroutines []int `json:"goroutines"`
}

// Line is r's machine line: Data, a space, r as JSON, a newline.
func (r Report) Line() string {
	b, err := json.Marshal(r)
	if err != nil { // a Report always marshals
		panic(err)
	}
	return Data + " " + string(b) + "\n"
}

// Find returns the first report of kind k in text (output of a test or a
// package), and the text that follows its line, where its dump is. A line
// that does not decode (a report cut short) counts as none.
func Find(text string, k Kind) (r Report, after string, ok bool) {
	for rest := text; ; {
		i := strings.Index(rest, Data+" ")
		if i < 0 {
			return Report{}, "", false
		}
		if i > 0 && rest[i-1] != '\n' {
			rest = rest[i+len(Data):]
			continue
		}
		line, tail, _ := strings.Cut(rest[i+len(Data)+1:], "\n")
		rest = tail
		if json.Unmarshal([]byte(line), &r) == nil && r.Kind == k {
			return r, tail, true
		}
		r = Report{}
	}
}
