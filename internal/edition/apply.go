package edition

import (
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
)

// Apply writes the slots of one file in l: each slot's text in the other
// language, found in src by its text near the line it had in English,
// becomes its text in l. Code is never touched: a prompt or a comment is
// the end of its line, whatever the learner wrote before it; a lesson is
// whole comment lines, as many in both languages. A slot found in neither
// language is left as it is, and named among the notes when it is a
// lesson or a prompt the learner changed.
func Apply(src []byte, slots []Slot, l lang.Lang) (out []byte, changed int, notes []Note) {
	from := lang.English
	if l == lang.English {
		from = lang.Chinese
	}
	lines := strings.Split(string(src), "\n")
	used := map[int]bool{}
	for _, s := range slots {
		if s.What == Lesson {
			if j := findBlock(lines, s.Text(from), s.Line, used); j >= 0 {
				for i, t := range strings.Split(s.Text(l), "\n") {
					lines[j+i] = t + cr(lines[j+i])
					used[j+i] = true
				}
				changed++
			}
			continue
		}
		if j := findTail(lines, s.Text(from), s.Line, used); j >= 0 {
			body := strings.TrimSuffix(lines[j], "\r")
			lines[j] = body[:len(body)-len(s.Text(from))] + s.Text(l) + cr(lines[j])
			used[j] = true
			changed++
		}
	}
	out = []byte(strings.Join(lines, "\n"))
	return out, changed, strays(out, slots)
}

// cr is the carriage return a line of a CRLF file ends with, kept.
func cr(line string) string {
	if strings.HasSuffix(line, "\r") {
		return "\r"
	}
	return ""
}

// findBlock finds text's lines as whole lines of lines, nearest to line
// (from 1) and not used yet: the index of the first, -1 if none.
func findBlock(lines []string, text string, line int, used map[int]bool) int {
	want := strings.Split(text, "\n")
	best := -1
	for j := 0; j+len(want) <= len(lines); j++ {
		if used[j] || !slices.EqualFunc(lines[j:j+len(want)], want, func(a, b string) bool { return strings.TrimSuffix(a, "\r") == b }) {
			continue
		}
		if best < 0 || abs(j+1-line) < abs(best+1-line) {
			best = j
		}
	}
	return best
}

// findTail finds the line that ends with the comment text, nearest to
// line and not used yet: -1 if none.
func findTail(lines []string, text string, line int, used map[int]bool) int {
	best := -1
	for j, l := range lines {
		l = strings.TrimSuffix(l, "\r")
		if used[j] || !strings.HasSuffix(l, text) {
			continue
		}
		if before := l[:len(l)-len(text)]; before != "" && !strings.HasSuffix(before, " ") && !strings.HasSuffix(before, "\t") {
			continue
		}
		if best < 0 || abs(j+1-line) < abs(best+1-line) {
			best = j
		}
	}
	return best
}

// strays are the lessons and prompts of the slots' koans that out holds in
// neither language: the learner changed them, and lang left them alone.
func strays(out []byte, slots []Slot) []Note {
	texts, _ := course.TextsOf(out)
	lines := strings.Split(string(out), "\n")
	known := map[string]bool{}
	for _, s := range slots {
		known[s.Koan+"\x00"+s.En], known[s.Koan+"\x00"+s.Zh] = true, true
	}
	var notes []Note
	for _, s := range slots {
		tx, ok := texts[s.Koan]
		if !ok || s.What == Comment {
			continue
		}
		if s.What == Lesson && tx.Lesson.Line > 0 {
			block := strings.ReplaceAll(strings.Join(lines[tx.Lesson.Line-1:tx.Lesson.EndLine], "\n"), "\r", "")
			if !known[s.Koan+"\x00"+block] {
				notes = append(notes, Note{File: s.File, Line: tx.Lesson.Line, Slot: s})
			}
		}
		if s.What == Prompt {
			for _, p := range tx.Prompts {
				if t := tail(lines, p); !known[s.Koan+"\x00"+t] && !slices.ContainsFunc(notes, func(n Note) bool { return n.Line == p.Line }) {
					notes = append(notes, Note{File: s.File, Line: p.Line, Slot: s})
				}
			}
		}
	}
	return notes
}
