package diagnose

import (
	"regexp"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/run"
)

// What a failing koan printed is shown under its verdict, as go test would
// show it, but capped: its last PrintedLines lines, at most PrintedBytes.
const (
	PrintedLines = 20
	PrintedBytes = 2 << 10
)

// loggedRE is a line of t.Log, t.Error and their kin: the test's file and
// line, indented (four spaces more for each level of subtest).
var loggedRE = regexp.MustCompile(`^((?:    )+)\S+\.go:\d+: `)

// printed is what a koan printed itself, from its test's output: the
// lines of fmt.Println and the like, and of t.Log, in order. What the runner
// reads and explains is left out: go test's own lines (=== RUN, --- FAIL),
// testify's reports, the race detector's reports, and everything from a
// panic, a fatal error or the koan helper's report on (a dump of
// goroutines). Its last PrintedLines lines are kept, at most PrintedBytes.
func printed(output []string) []string {
	var lines []string
	for _, o := range output {
		if _, cut := run.CutBytes(o); cut {
			lines = append(lines, "...")
			continue
		}
		lines = append(lines, strings.Split(strings.TrimSuffix(o, "\n"), "\n")...)
	}
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		trimmed := strings.TrimLeft(line, " ")
		switch {
		case strings.HasPrefix(trimmed, "=== ") || strings.HasPrefix(trimmed, "--- "):
			continue
		case line == "==================": // a race report, to its closing line
			for i++; i < len(lines) && lines[i] != "=================="; i++ {
			}
			continue
		case strings.HasPrefix(line, "panic: ") || strings.HasPrefix(line, "fatal error: ") ||
			strings.HasPrefix(line, "koan: ") || strings.HasPrefix(line, "WARNING: DATA RACE") ||
			strings.HasPrefix(line, "goroutine ") && strings.HasSuffix(line, ":"):
			return tail(out)
		}
		m := loggedRE.FindStringSubmatch(line)
		if m == nil {
			out = append(out, line)
			continue
		}
		// A logged message, and the lines that continue it (indented four
		// spaces more).
		block := []string{strings.TrimPrefix(line, m[1])}
		for i+1 < len(lines) && strings.HasPrefix(lines[i+1], m[1]+"    ") {
			i++
			block = append(block, strings.TrimPrefix(lines[i], m[1]))
		}
		text := strings.Join(block, "\n")
		if strings.Contains(text, "Error Trace:") || strings.Contains(text, "race detected during execution of test") {
			continue // testify's report, or the race detector's verdict
		}
		out = append(out, block...)
	}
	return tail(out)
}

// tail is the last PrintedLines lines of out, at most PrintedBytes, with
// the blank lines at either end gone.
func tail(out []string) []string {
	for len(out) > 0 && strings.TrimSpace(out[0]) == "" {
		out = out[1:]
	}
	for len(out) > 0 && strings.TrimSpace(out[len(out)-1]) == "" {
		out = out[:len(out)-1]
	}
	if len(out) > PrintedLines {
		out = append([]string{"..."}, out[len(out)-PrintedLines:]...)
	}
	size := 0
	for i := len(out) - 1; i >= 0; i-- {
		size += len(out[i]) + 1
		if size > PrintedBytes {
			return append([]string{"..."}, out[i+1:]...)
		}
	}
	return out
}

// notePrinted keeps, on each failed koan of out, what it printed itself.
func (j *judge) notePrinted(out []Outcome) {
	if j.pkg == nil {
		return
	}
	for _, o := range out {
		if o.State != Failed || o.Failure == nil || o.Failure.Printed != nil {
			continue
		}
		// A line the verdict already says (t.Error's message, which a
		// plain failure's details quote; t.Skip's) is not said twice.
		said := strings.Split(o.Failure.Headline.String(), "\n")
		for _, d := range o.Failure.Details {
			said = append(said, strings.Split(d.String(), "\n")...)
		}
		for _, line := range printed(j.output(o.Koan.Name)) {
			msg := strings.TrimSpace(line)
			if m := loggedRE.FindStringSubmatch("    " + msg); m != nil {
				msg = strings.TrimPrefix("    "+msg, m[0])
			}
			if msg == "" || !slices.ContainsFunc(said, func(s string) bool { return strings.HasSuffix(strings.TrimSpace(s), msg) }) {
				o.Failure.Printed = append(o.Failure.Printed, line)
			}
		}
	}
}
