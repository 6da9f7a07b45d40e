package run

import (
	"fmt"
	"regexp"
	"strconv"
)

// KeepBytes is how much of one test's output (or a package's own) is kept
// at each end: the first KeepBytes and the last KeepBytes. A koan that
// prints without end (50 MB of a loop's lines) then costs the runner a
// bounded memory, and what the diagnosis looks for is still there: a
// failure's first lines at the head, a panic's or a guard's report at the
// tail.
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

// A capped gathers output lines, keeping the head and the tail.
type capped struct {
	head, tail         []string
	headBytes, tailLen int
	cut                int64 // bytes dropped between head and tail
}

// add keeps line in the head while it has room, else in the tail, dropping
// the tail's oldest lines beyond KeepBytes.
func (c *capped) add(line string) {
	if c.cut == 0 && len(c.tail) == 0 && c.headBytes+len(line) <= KeepBytes {
		c.head = append(c.head, line)
		c.headBytes += len(line)
		return
	}
	c.tail = append(c.tail, line)
	c.tailLen += len(line)
	for c.tailLen > KeepBytes && len(c.tail) > 1 {
		c.tailLen -= len(c.tail[0])
		c.cut += int64(len(c.tail[0]))
		c.tail[0] = ""
		c.tail = c.tail[1:] // append copies to a new array as it grows: the dropped lines go
	}
}

// lines returns what was kept, with a line where output was cut.
func (c *capped) lines() []string {
	if c.cut == 0 {
		return append(c.head, c.tail...)
	}
	out := append(c.head[:len(c.head):len(c.head)], fmt.Sprintf(cutFormat, c.cut))
	return append(out, c.tail...)
}
