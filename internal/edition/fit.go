package edition

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/gokoans/concurrency/internal/lang"
)

// Fit folds or splits the lines of a Chinese lesson so that they are n
// lines, the English block's count, so that every line of code below it
// keeps its number. A line that gofmt would take out (an empty // at the
// end, two empty ones in a row) cannot pad, so the text is rewrapped:
// lines of a paragraph are joined where there are too many, the widest
// line split (after Chinese punctuation where it can, never inside a
// word, a URL or an identifier) where there are too few. Empty lines and
// indented ones (code) stay as they are. It returns fewer than n lines
// only when no line can be split any more.
func Fit(lines []string, n int) []string {
	out := append([]string(nil), lines...)
	for len(out) > n {
		i := joinAt(out)
		if i < 0 {
			break
		}
		out = append(out[:i], append([]string{join(out[i], out[i+1])}, out[i+2:]...)...)
	}
	for len(out) > n { // no two lines of one paragraph left: fold the end
		last := len(out) - 1
		out = append(out[:last-1], join(out[last-1], out[last]))
	}
	if len(out) < n {
		if b, ok := rebalance(out, n); ok {
			return b
		}
	}
	for len(out) < n {
		i, at := splitAt(out)
		if i < 0 {
			break
		}
		left, right := strings.TrimRight(out[i][:at], " "), strings.TrimLeft(out[i][at:], " ")
		out = append(out[:i], append([]string{left, right}, out[i+1:]...)...)
	}
	return out
}

// rebalance rewraps each paragraph of a lesson that has too few lines as a
// whole, into lines of about even width, so that n lines read as the
// translator's paragraphs did rather than as one line cut in two. Each
// paragraph gets lines in proportion to its width. It reports false when
// a paragraph cannot be cut into as many lines as it gets.
func rebalance(lines []string, n int) ([]string, bool) {
	type run struct {
		text  string
		prose bool
		lines int
	}
	var runs []run
	fixed, paras := 0, 0
	for _, l := range lines {
		switch {
		case !prose(l):
			runs = append(runs, run{text: l})
			fixed++
		case len(runs) > 0 && runs[len(runs)-1].prose:
			runs[len(runs)-1].text = join(runs[len(runs)-1].text, l)
		default:
			runs = append(runs, run{text: l, prose: true, lines: 1})
			paras++
		}
	}
	if paras == 0 || n-fixed < paras {
		return nil, false
	}
	for extra := n - fixed - paras; extra > 0; extra-- {
		best := -1
		for i, r := range runs {
			if r.prose && (best < 0 || lang.Width(r.text)*runs[best].lines > lang.Width(runs[best].text)*r.lines) {
				best = i
			}
		}
		runs[best].lines++
	}
	var out []string
	for _, r := range runs {
		if !r.prose {
			out = append(out, r.text)
			continue
		}
		w := wrap(r.text, r.lines)
		if len(w) != r.lines {
			return nil, false
		}
		out = append(out, w...)
	}
	return out, true
}

// wrap cuts one paragraph into m lines of about even width, each cut
// where breakable allows, after Chinese punctuation where one is near.
func wrap(text string, m int) []string {
	total := lang.Width(text)
	var cuts []cut
	for _, c := range cutsIn(text) {
		if strings.TrimSpace(text[:c.at]) == "" || strings.TrimSpace(text[c.at:]) == "" {
			continue
		}
		switch {
		case c.afterPunct:
			c.bonus = total / m / 2 // after punctuation reads best
		case c.atSpace:
			c.bonus = total / m / 4 // then between words
		}
		cuts = append(cuts, c)
	}
	var out []string
	from, next := 0, 0
	for j := 1; j < m; j++ {
		ideal := total * j / m
		best := -1
		for k := next; k <= len(cuts)-(m-j); k++ {
			if cost := abs(cuts[k].w-ideal) - cuts[k].bonus; best < 0 || cost < abs(cuts[best].w-ideal)-cuts[best].bonus {
				best = k
			}
		}
		if best < 0 {
			break
		}
		out = append(out, strings.Trim(text[from:cuts[best].at], " "))
		from, next = cuts[best].at, best+1
	}
	return append(out, strings.TrimLeft(text[from:], " "))
}

// prose reports whether a lesson line is text that may be rewrapped: not
// empty, not indented (code in a doc comment).
func prose(line string) bool {
	return strings.TrimSpace(line) != "" && !strings.HasPrefix(line, " ") && !strings.HasPrefix(line, "\t")
}

// joinAt picks two neighbouring prose lines of one paragraph whose join is
// the narrowest: the index of the first, -1 if there are none.
func joinAt(lines []string) int {
	best, bestW := -1, 0
	for i := 0; i+1 < len(lines); i++ {
		if !prose(lines[i]) || !prose(lines[i+1]) {
			continue
		}
		if w := lang.Width(join(lines[i], lines[i+1])); best < 0 || w < bestW {
			best, bestW = i, w
		}
	}
	return best
}

// join puts two lines of Chinese prose together: flush between Chinese
// characters and beside Chinese punctuation, with a space elsewhere
// (between Chinese and Latin words, as the course writes them).
func join(a, b string) string {
	a, b = strings.TrimRight(a, " "), strings.TrimLeft(b, " ")
	last, _ := utf8.DecodeLastRuneInString(a)
	first, _ := utf8.DecodeRuneInString(b)
	if a == "" || b == "" || lang.Wide(last) && lang.Wide(first) || widePunct(last) || widePunct(first) {
		return a + b
	}
	return a + " " + b
}

func widePunct(r rune) bool { return lang.Wide(r) && unicode.IsPunct(r) }

// closing punctuation may not start a line; opening may not end one.
const (
	closing = "，。、：；！？）」』》”’"
	opening = "（「『《“‘"
)

// splitAt picks the widest prose line that can be split and where: after
// Chinese punctuation nearest its middle if there is such a place, else
// the place nearest the middle, between two Chinese characters or at a
// space. It returns -1 when no line can be split.
func splitAt(lines []string) (line, at int) {
	line, at = -1, 0
	bestW := 0
	for i, l := range lines {
		if !prose(l) {
			continue
		}
		if p := breakIn(l); p > 0 {
			if w := lang.Width(l); line < 0 || w > bestW {
				line, at, bestW = i, p, w
			}
		}
	}
	return line, at
}

// breakIn is the best byte offset to break l at, 0 if there is none.
func breakIn(l string) int {
	half := lang.Width(l) / 2
	best, bestCost := 0, 0
	for _, c := range cutsIn(l) {
		cost := abs(c.w - half)
		if c.afterPunct {
			cost -= half / 2 // a break after punctuation reads best
		}
		if best == 0 || cost < bestCost {
			best, bestCost = c.at, cost
		}
	}
	if strings.TrimSpace(l[:best]) == "" || strings.TrimSpace(l[best:]) == "" {
		return 0
	}
	return best
}

// A cut is a place a line of prose may break: its byte offset, the width
// before it, whether it follows closing Chinese punctuation or falls at a
// space; bonus is what a caller takes off its cost.
type cut struct {
	at, w, bonus        int
	afterPunct, atSpace bool
}

// cutsIn lists the places where text may break (breakable), in order.
func cutsIn(text string) []cut {
	var cuts []cut
	w := 0
	var prev rune
	for i, r := range text {
		if i > 0 && breakable(prev, r) {
			cuts = append(cuts, cut{at: i, w: w, afterPunct: widePunct(prev) && strings.ContainsRune(closing, prev), atSpace: r == ' '})
		}
		w += lang.Width(string(r))
		prev = r
	}
	return cuts
}

// breakable reports whether a line may break between prev and r.
func breakable(prev, r rune) bool {
	if strings.ContainsRune(closing, r) || strings.ContainsRune(opening, prev) {
		return false
	}
	if r == ' ' || prev == ' ' {
		return prev != ' ' && r == ' ' // at a space: the space goes
	}
	return lang.Wide(prev) || lang.Wide(r) // beside a Chinese character, never inside a Latin word
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}
