package verdict

import (
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
)

// clean makes a koan's output safe to print on the learner's terminal and
// in the -json verdict: it takes out every terminal control sequence (CSI
// such as colours and cursor moves, OSC such as a window title, and the
// other ESC sequences) and every C0 control character but newline and tab,
// so that what a koan prints can neither repaint the screen nor hide the
// verdict. A carriage return goes too: it would let a later line overwrite
// an earlier one. The line that stands for cut output is said in l.
func clean(s string, l lang.Lang) string {
	if strings.Contains(s, "bytes of output cut here]") {
		lines := strings.SplitAfter(s, "\n")
		for i, line := range lines {
			if n, ok := run.CutBytes(line); ok {
				lines[i] = l.Sprintf("[%d bytes of output cut here]\n", n)
			}
		}
		s = strings.Join(lines, "")
	}
	if !hasControl(s) {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); {
		c := s[i]
		switch {
		case c == 0x1b:
			i = skipEscape(s, i)
		case c == 0x9b: // an 8-bit CSI is a UTF-8 continuation byte: keep it
			b.WriteByte(c)
			i++
		case c < 0x20 && c != '\n' && c != '\t', c == 0x7f:
			i++
		default:
			b.WriteByte(c)
			i++
		}
	}
	return b.String()
}

func hasControl(s string) bool {
	for i := 0; i < len(s); i++ {
		if c := s[i]; c < 0x20 && c != '\n' && c != '\t' || c == 0x7f {
			return true
		}
	}
	return false
}

// skipEscape returns the index just after the escape sequence at s[i]
// (ECMA-48): CSI (ESC [ params final), OSC, DCS, SOS, PM and APC strings
// (ended by BEL or ESC \), or ESC and one more byte.
func skipEscape(s string, i int) int {
	if i+1 >= len(s) {
		return len(s)
	}
	switch s[i+1] {
	case '[': // CSI: parameter and intermediate bytes, then a final byte 0x40-0x7e
		j := i + 2
		for j < len(s) && (s[j] < 0x40 || s[j] > 0x7e) && s[j] >= 0x20 {
			j++
		}
		if j < len(s) && s[j] >= 0x40 && s[j] <= 0x7e {
			j++
		}
		return j
	case ']', 'P', 'X', '^', '_': // strings up to BEL or ST
		for j := i + 2; j < len(s); j++ {
			if s[j] == 0x07 {
				return j + 1
			}
			if s[j] == 0x1b && j+1 < len(s) && s[j+1] == '\\' {
				return j + 2
			}
			if s[j] == '\n' { // an unended string stops at the line's end
				return j
			}
		}
		return len(s)
	}
	j := i + 1
	for j < len(s) && s[j] >= 0x20 && s[j] <= 0x2f { // intermediate bytes (ESC ( B)
		j++
	}
	if j < len(s) {
		j++ // the final byte
	}
	return j
}
