package render

import (
	"bytes"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/rogpeppe/go-internal/txtar"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/verdict"
	"github.com/gokoans/concurrency/internal/waitfor"
)

// -update rewrites testdata/*.golden from what render writes now.
var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// The koans the standings below are about: one concept, whose file is in
// testdata/koans, so that the text's excerpt of the learner's code is real.
const (
	file         = "koans/01_channels/channels_test.go"
	blankKoan    = "TestAnUnbufferedSendWaitsForAReceiver"
	deadlockKoan = "TestTwoLocksTakenInOppositeOrderDeadlock"
	leakKoan     = "TestAnAbandonedSenderLeaks"
)

// standing builds by hand where a learner stands: the concept's three
// koans, passed but the one failing, which failed with f, and the one
// unjudged (a race koan that passed without the race detector).
func standingOf(t *testing.T, failing string, f *diagnose.Failure, unjudged string) *standing.Standing {
	t.Helper()
	root, err := filepath.Abs("testdata")
	require.NoError(t, err)
	c := &course.Concept{Name: "01_channels", Dir: "koans/01_channels", Title: "Channels", TitleZh: "通道"}
	for i, name := range []string{blankKoan, deadlockKoan, leakKoan} {
		c.Koans = append(c.Koans, &course.Koan{Name: name, File: file, Line: []int{10, 16, 29}[i], Concept: c})
	}
	cr := standing.ConceptResult{Concept: c, Ran: true}
	st := &standing.Standing{Course: &course.Course{Root: root, Tree: "koans", Module: "example.com/course", Concepts: []*course.Concept{c}}, Total: 3}
	for _, k := range c.Koans {
		o := diagnose.Outcome{Koan: k, State: diagnose.Passed}
		if k.Name == failing {
			o.State, o.Failure = diagnose.Failed, f
		}
		o.Unjudged = k.Name == unjudged
		cr.Outcomes = append(cr.Outcomes, o)
	}
	st.Concepts = []standing.ConceptResult{cr}
	st.Settle()
	return st
}

// failure is a failure of the kind at line of the koans' file.
func failure(k kind.Kind, line int, headline lang.Msg, details ...lang.Msg) *diagnose.Failure {
	return &diagnose.Failure{Kind: k, File: file, Line: line, Headline: headline, Details: details}
}

// Each case is one standing: a failure of every kind, the path complete,
// and the race detector unavailable. Their formats are the diagnosis's own,
// so that the Chinese text is the one the learner reads.
var cases = []struct {
	name    string
	koan    string // the failing koan; "" when every koan passed
	failure func() *diagnose.Failure
	noRace  bool // the race detector was unavailable
	// unjudged is a koan that passed without the race detector to judge it.
	unjudged string
}{
	{name: "blank", koan: blankKoan, failure: func() *diagnose.Failure {
		return failure("blank", 13, lang.Msgf("A blank __ waits to be filled in."))
	}},
	{name: "assert", koan: blankKoan, failure: func() *diagnose.Failure {
		return failure("assert", 13, lang.Msgf("The koan does not hold yet: an assertion failed."), lang.Msgf("%s", `expected: "pong"`), lang.Msgf("%s", `actual  : "ping"`))
	}},
	{name: "race", koan: blankKoan, failure: func() *diagnose.Failure {
		return failure("race", 12, lang.Msgf("Two goroutines touched the same variable, at least one of them writing, and nothing ordered the two (no happens-before)."))
	}},
	{name: "leak", koan: leakKoan, failure: func() *diagnose.Failure {
		f := failure("leak", 31, lang.Msgf("The koan returned, but a goroutine it started is still blocked, and nothing will ever wake it."),
			lang.Msgf("%s %s at %s (started at line %d)", lang.Msgf("goroutine %d", 7), lang.Msgf("waits to send on a channel"), file+":31", 31))
		f.WaitFor = &waitfor.Picture{Blocked: []waitfor.Blocked{{Goroutine: 7, File: file, Line: 31, Wait: waitfor.Send, WaitsFor: "results", Hopeless: true}}}
		return f
	}},
	{name: "deadlock", koan: deadlockKoan, failure: func() *diagnose.Failure {
		f := failure("deadlock", 25, lang.Msgf("The koan is blocked, and no goroutine can wake it."),
			lang.Msgf("%s %s at %s", lang.Msgf("the koan itself"), lang.Msgf("waits to lock a Mutex"), file+":25"),
			lang.Msgf("%s %s at %s (started at line %d)", lang.Msgf("goroutine %d", 8), lang.Msgf("waits to lock a Mutex"), file+":21", 19))
		f.WaitFor = &waitfor.Picture{
			Blocked: []waitfor.Blocked{
				{Goroutine: 6, Koan: true, File: file, Line: 25, Wait: waitfor.Lock, WaitsFor: "b", Holds: []waitfor.Hold{{Lock: "a", Line: 24}}},
				{Goroutine: 8, File: file, Line: 21, Wait: waitfor.Lock, WaitsFor: "a", Holds: []waitfor.Hold{{Lock: "b", Line: 20}}},
			},
			Cycles: [][]waitfor.Step{{
				{Goroutine: 6, Koan: true, Wait: waitfor.Lock, WaitsFor: "b", Line: 25, By: waitfor.Link{Holds: true, Line: 20}},
				{Goroutine: 8, Wait: waitfor.Lock, WaitsFor: "a", Line: 21, By: waitfor.Link{Holds: true, Line: 24}},
			}},
		}
		return f
	}},
	{name: "panic", koan: blankKoan, failure: func() *diagnose.Failure {
		return failure("panic", 12, lang.Msgf("The koan panicked: %s", "close of closed channel"),
			lang.Msgf("A channel was closed twice. Close a channel once, from the one goroutine that owns the sending side."))
	}},
	{name: "fatal", koan: blankKoan, failure: func() *diagnose.Failure {
		f := failure("fatal", 0, lang.Msgf("The test binary ended while this koan ran, without saying why."))
		f.File = ""
		f.Raw = []string{"signal: killed\n", "FAIL\texample.com/course/koans/01_channels\t0.01s\n"}
		return f
	}},
	{name: "compile", koan: blankKoan, failure: func() *diagnose.Failure {
		return failure("compile", 13, lang.Msgf("The koan does not compile yet:"), lang.Msgf("%s", "channels_test.go:13:18: undefined: __"))
	}},
	{name: "vet", koan: deadlockKoan, failure: func() *diagnose.Failure {
		return failure("vet", 17, lang.Msgf("go vet found a mistake that the tests alone might not show:"), lang.Msgf("%s", "channels_test.go:17:2: a passes lock by value"))
	}},
	{name: "timeout", koan: deadlockKoan, failure: func() *diagnose.Failure {
		return failure("timeout", 26, lang.Msgf("The koan ran for %s, the runner's time limit, and it is not blocked: it is slow, or a loop never ends.", "10s"),
			lang.Msgf("If it is slow by design, give it more time: KOANS_TIMEOUT=30s make koans."))
	}},
	{name: "missing", koan: leakKoan, failure: func() *diagnose.Failure {
		f := failure("missing", 0, lang.Msgf("The koan %s is gone from %s: the catalog still names it.", leakKoan, "koans/01_channels"))
		f.File = ""
		return f
	}},
	{name: "skipped", koan: leakKoan, failure: func() *diagnose.Failure {
		return failure("skipped", 30, lang.Msgf("The koan skips itself, so it has taught nothing yet: remove the t.Skip."))
	}},
	{name: "enlightened"},
	// Without the race detector: the note above a failure, and a path
	// complete but for the race koans, which wait.
	{name: "norace_failing", koan: blankKoan, noRace: true, failure: func() *diagnose.Failure {
		return failure("blank", 13, lang.Msgf("A blank __ waits to be filled in."))
	}},
	{name: "norace_enlightened", noRace: true, unjudged: leakKoan},
}

// Every standing is written four ways, each compared with its part of
// testdata/NAME.golden: the terminal text plain and in colour, the text in
// Chinese, and the -json verdict.
func TestTextAndJSONMatchTheGoldenFiles(t *testing.T) {
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			var f *diagnose.Failure
			if tc.failure != nil {
				f = tc.failure()
			}
			st := standingOf(t, tc.koan, f, tc.unjudged)
			st.RaceUnavailable = tc.noRace
			var plain, color, zh, js bytes.Buffer
			Text(&plain, st, Style{})
			Text(&color, st, Style{Color: true})
			Text(&zh, st, Style{Lang: lang.Chinese})
			require.NoError(t, verdict.Write(&js, st, lang.English))
			got := &txtar.Archive{
				Comment: []byte("render of the standing " + tc.name + " (go test ./internal/render -update rewrites it)\n"),
				Files: []txtar.File{
					{Name: "text", Data: plain.Bytes()},
					{Name: "color", Data: []byte(visibleEscapes(color.String()))},
					{Name: "zh", Data: zh.Bytes()},
					{Name: "json", Data: js.Bytes()},
				},
			}
			golden(t, filepath.Join("testdata", tc.name+".golden"), string(txtar.Format(got)))
			assert.NotContains(t, plain.String(), "\x1b[", "colour without Style.Color")
			assert.Contains(t, color.String(), "\x1b[", "no colour with Style.Color")
		})
	}
}

// visibleEscapes shows the terminal's escape character as <ESC>, so that a
// golden file's diff can be read.
func visibleEscapes(s string) string { return strings.ReplaceAll(s, "\x1b", "<ESC>") }

// golden compares got with the file; with -update it rewrites the file.
func golden(t *testing.T, file, got string) {
	t.Helper()
	if *update {
		require.NoError(t, os.WriteFile(file, []byte(got), 0o644))
		return
	}
	want, err := os.ReadFile(file)
	require.NoError(t, err, "no golden file (run go test ./internal/render -update)")
	assert.Equal(t, string(want), got, "output differs from %s (run go test ./internal/render -update to accept)", file)
}
