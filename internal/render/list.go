package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/verdict"
)

// List writes m as the terminal's map of the path: every concept, its
// koans marked passed, current or not yet, and counts.
func List(w io.Writer, m verdict.PathMap, s Style) {
	l := s.Lang
	for _, c := range m.Concepts {
		mark := "  "
		if c.Passed == c.Total && c.NeedNewerGo == 0 {
			mark = "✓ "
		}
		fmt.Fprintf(w, "%s%-24s %s %d/%d\n", mark, c.Name, pad(l.Pick(c.Title, c.TitleZh), 28), c.Passed, c.Total)
		for _, k := range c.Koans {
			k.Sentence = l.Pick(k.Sentence, k.TitleZh)
			switch {
			case k.State == "passed" && !k.Graded && m.Shipped != "":
				l.Fprintf(w, "    ✓ %s (not graded: %s)\n", k.Sentence, k.Why)
			case k.State == "passed":
				fmt.Fprintf(w, "    ✓ %s\n", k.Sentence)
			case k.State == "current":
				fmt.Fprintf(w, "    → %s\n", k.Sentence)
			case k.State == "needs go":
				l.Fprintf(w, "    - %s (needs Go %s)\n", k.Sentence, k.NeedsGo)
			case k.State == "not judged":
				l.Fprintf(w, "    ? %s (not judged: the race detector is unavailable here)\n", k.Sentence)
			default:
				fmt.Fprintf(w, "    · %s\n", k.Sentence)
			}
		}
	}
	l.Fprintf(w, "\n%d of %d koans pass.\n", m.Passed, m.Total)
	if m.NeedNewerGo > 0 {
		l.Fprintf(w, "%d more need Go %s, and this is %s.\n", m.NeedNewerGo, m.NewerGo, course.GoAtHand())
	}
}

// pad pads s with spaces to width columns of a terminal, where a Chinese
// character takes two (fmt's %-28s counts characters, not columns).
func pad(s string, width int) string {
	cols := 0
	for _, r := range s {
		cols++
		if wide(r) {
			cols++
		}
	}
	return s + strings.Repeat(" ", max(0, width-cols))
}

// wide reports whether r takes two columns: the CJK ideographs, syllables
// and full-width forms a Chinese title holds.
func wide(r rune) bool {
	return r >= 0x1100 && (r <= 0x115f || r >= 0x2e80 && r <= 0xa4cf || r >= 0xac00 && r <= 0xd7a3 ||
		r >= 0xf900 && r <= 0xfaff || r >= 0xfe30 && r <= 0xfe4f || r >= 0xff00 && r <= 0xff60 || r >= 0xffe0 && r <= 0xffe6)
}
