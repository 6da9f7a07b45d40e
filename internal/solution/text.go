package solution

import (
	"fmt"
	"io"
	"strings"
	"unicode/utf8"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/lang"
)

// Repository is where the reference solutions are when a learner's copy
// of the course does not ship solutions/.
const Repository = "https://github.com/gokoans/concurrency"

// Write writes c in l: the koan's sentence and lesson, then the learner's
// function against the solution's, line by line.
func Write(w io.Writer, c *Comparison, l lang.Lang) {
	title, lesson := c.Sentence, c.Lesson
	if c.Koan != nil {
		title = c.Koan.Title(l)
		if zh := FirstSentenceZh(c.Koan.Twin.LessonZh); l == lang.Chinese && zh != "" {
			lesson = zh
		}
	}
	l.Fprintf(w, "Solution: %s\n", title)
	if lesson != "" {
		fmt.Fprintf(w, "  %s\n", lesson)
	}
	l.Fprintf(w, "\n--- yours     %s:%d\n", c.Yours.File, c.Yours.Line)
	l.Fprintf(w, "+++ solution  %s:%d\n\n", c.Solution.File, c.Solution.Line)
	for _, d := range c.Diff {
		fmt.Fprintf(w, "%c %s\n", d.Op, d.Text)
	}
	if c.Same() {
		l.Fprintf(w, "\nYours is the solution, line for line.\n")
	}
}

// Show writes koan k's solution against the learner's own on w, in l, when
// outcome o, the koan's judgement now, passed it; else it says on w why the
// solution stays hidden, and shown is false. ErrNoSolutions: the
// repository has none.
func Show(w io.Writer, root string, k *course.Koan, o diagnose.Outcome, l lang.Lang) (shown bool, err error) {
	switch {
	case o.Unjudged:
		l.Fprintf(w, "%s cannot be judged without the race detector, so its solution stays hidden.\n", k.Name)
		return false, nil
	case o.State != diagnose.Passed:
		l.Fprintf(w, "%s has not passed yet, so its solution stays hidden. `make koans` says why it fails, and `make hint` gives a nudge.\n", k.Name)
		return false, nil
	}
	c, err := Compare(root, k)
	if err != nil {
		return false, err
	}
	Write(w, c, l)
	return true, nil
}

// FirstSentenceZh is the first sentence of a Chinese lesson, its lines
// joined (a space only between two Latin words): up to and with the first
// 。！？, or the whole text when it has none.
func FirstSentenceZh(lesson string) string {
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(lesson), "\n") {
		line = strings.TrimSpace(line)
		if line == "" {
			break // a paragraph ends the sentence
		}
		if b.Len() > 0 && latinEnd(b.String()) && latinStart(line) {
			b.WriteByte(' ')
		}
		b.WriteString(line)
	}
	s := b.String()
	if i := strings.IndexAny(s, "。！？"); i >= 0 {
		_, n := utf8.DecodeRuneInString(s[i:])
		return s[:i+n]
	}
	return s
}

func latinEnd(s string) bool {
	r, _ := utf8.DecodeLastRuneInString(s)
	return r < utf8.RuneSelf && r != ' '
}

func latinStart(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return r < utf8.RuneSelf
}
