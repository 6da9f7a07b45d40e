package run

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/koan/report"
)

// KeepBytes is how much of one test's output (or a package's own) is kept
// at each end: the first KeepBytes and the last KeepBytes. A koan that
// prints without end (50 MB of a loop's lines) then costs the runner a
// bounded memory, and what the diagnosis looks for is still there: a
// failure's first lines at the head, a panic's or a guard's report at the
// tail, or pinned where it started (ReportBytes) when the koan's goroutines
// print on after it.
const KeepBytes = 64 << 10

// EventBytes is how much output Result.Events keeps, all tests together.
const EventBytes = 1 << 20

// cutFormat is the line that stands where output was cut; CutBytes reads it
// back, so that what prints it can say it in the learner's words.
const cutFormat = "[koans: %d bytes of output cut here]\n"

var cutRE = regexp.MustCompile(`^\[koans: (\d+) bytes of output cut here\]\n$`)

// CutBytes reports whether line is the line that stands for cut output, and
// how many bytes were cut.
func CutBytes(line string) (int64, bool) {
	m := cutRE.FindStringSubmatch(line)
	if m == nil {
		return 0, false
	}
	n, err := strconv.ParseInt(m[1], 10, 64)
	return n, err == nil
}

// ReportBytes is how much of a report (a panic, a fatal error, a race, a
// guard's report of a stuck or slow koan) is kept past the head: all of it,
// up to this much, even when the koan's goroutines go on printing after it
// until the binary ends.
const ReportBytes = 16 * KeepBytes

// reportStarts begin the lines that start what the diagnosis reads.
var reportStarts = []string{"panic: ", "fatal error: ", "WARNING: DATA RACE", report.Data, report.Stuck, report.Slow, report.Leak}

func startsReport(line string) bool {
	for _, p := range reportStarts {
		if strings.HasPrefix(line, p) {
			return true
		}
	}
	return false
}

// A capped gathers output lines: the head, then a tail that keeps only its
// last KeepBytes. The first report past the head is pinned with the
// KeepBytes before it (up to ReportBytes), and the tail goes on after it.
type capped struct {
	head      []string
	headBytes int
	headDone  bool
	tail      []string
	tailBytes int
	pinned    bool     // a report was found past the head
	report    []string // the tail when the report started, and the report
	reportLen int
	reportEnd bool  // the report's room is full: lines go to the tail
	cutBefore int64 // bytes dropped before the report (before the tail if none)
	cutAfter  int64 // bytes dropped after the report
}

// add keeps line in the head while it has room, else in the report or the
// tail.
func (c *capped) add(line string) {
	if !c.headDone && c.headBytes+len(line) <= KeepBytes {
		c.head = append(c.head, line)
		c.headBytes += len(line)
		return
	}
	c.headDone = true
	if !c.pinned && startsReport(line) {
		c.pinned = true
		c.report, c.reportLen = c.tail, c.tailBytes
		c.tail, c.tailBytes = nil, 0
	}
	if c.pinned && !c.reportEnd {
		if c.reportLen+len(line) <= ReportBytes {
			c.report = append(c.report, line)
			c.reportLen += len(line)
			return
		}
		c.reportEnd = true
	}
	c.tail = append(c.tail, line)
	c.tailBytes += len(line)
	for c.tailBytes > KeepBytes && len(c.tail) > 1 {
		n := int64(len(c.tail[0]))
		if c.pinned {
			c.cutAfter += n
		} else {
			c.cutBefore += n
		}
		c.tailBytes -= len(c.tail[0])
		c.tail[0] = ""
		c.tail = c.tail[1:] // append copies to a new array as it grows: the dropped lines go
	}
}

// lines returns what was kept, with a line where output was cut.
func (c *capped) lines() []string {
	out := c.head[:len(c.head):len(c.head)]
	if c.cutBefore > 0 {
		out = append(out, fmt.Sprintf(cutFormat, c.cutBefore))
	}
	out = append(out, c.report...)
	if c.cutAfter > 0 {
		out = append(out, fmt.Sprintf(cutFormat, c.cutAfter))
	}
	return append(out, c.tail...)
}
