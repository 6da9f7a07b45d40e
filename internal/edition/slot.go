package edition

import (
	"fmt"
	"strings"
	"unicode/utf8"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
)

// What a slot holds.
const (
	Lesson  = "lesson"  // the comment block above a koan
	Prompt  = "prompt"  // a comment beside a blank, with words after __
	Comment = "comment" // another comment inside a koan
)

// A Slot is one comment of a koan's page in both languages: the exact text
// of the English file and what lang zh writes in its place. A lesson's
// texts are whole lines joined by newlines, as many in Chinese as in
// English (Fit); a prompt's or a comment's run from its // to the end of
// its line, so that the code before it is never part of the slot.
type Slot struct {
	File string `json:"file"` // repository-relative
	Koan string `json:"koan"`
	What string `json:"what"`
	Line int    `json:"line"` // where it stands in the English file
	En   string `json:"en"`
	Zh   string `json:"zh"`
}

// Text is the slot's text in l.
func (s Slot) Text(l lang.Lang) string {
	if l == lang.Chinese {
		return s.Zh
	}
	return s.En
}

// SlotsOf are the slots of one koan file, from its English source (as
// shipped, or as the learner's file held it in English) and the koans of
// the course that stand in it (their catalog's Chinese twins): every text
// of a koan whose twin is there, in source order.
func SlotsOf(rel string, english []byte, koans []*course.Koan) []Slot {
	texts, _ := course.TextsOf(english)
	lines := strings.Split(string(english), "\n")
	for i, l := range lines { // a CRLF file: Apply keeps each line's CR
		lines[i] = strings.TrimSuffix(l, "\r")
	}
	var out []Slot
	for _, k := range koans {
		tx, ok := texts[k.Name]
		if !ok {
			continue
		}
		add := func(what string, line int, en, zh string) {
			if en != "" && zh != "" && en != zh {
				out = append(out, Slot{File: rel, Koan: k.Name, What: what, Line: line, En: en, Zh: zh})
			}
		}
		if l := tx.Lesson; l.Line > 0 && len(k.Twin.LessonLines()) > 0 && strings.HasPrefix(lines[l.Line-1], "//") {
			n := l.EndLine - l.Line + 1
			if zh := lessonText(k.Twin.LessonLines(), n); strings.Count(zh, "\n") == n-1 {
				add(Lesson, l.Line, strings.Join(lines[l.Line-1:l.EndLine], "\n"), zh)
			}
		}
		for i, p := range tx.Prompts {
			if i < len(k.Twin.PromptsZh) {
				en := tail(lines, p)
				if at := strings.Index(en, "__"); at >= 0 && strings.HasPrefix(en, "//") {
					add(Prompt, p.Line, en, en[:at+2]+spaced(k.Twin.PromptsZh[i]))
				}
			}
		}
		for i, c := range tx.Comments {
			if i < len(k.Twin.CommentsZh) {
				if en := tail(lines, c); strings.HasPrefix(en, "//") {
					add(Comment, c.Line, en, "// "+strings.TrimSpace(k.Twin.CommentsZh[i]))
				}
			}
		}
	}
	return out
}

// tail is a // comment as its line holds it: from its column to the end.
func tail(lines []string, r course.Remark) string {
	if r.Line < 1 || r.Line > len(lines) || r.Col < 1 || r.Col > len(lines[r.Line-1]) {
		return ""
	}
	return strings.TrimRight(lines[r.Line-1][r.Col-1:], "\r")
}

// spaced is a prompt's Chinese as it follows the blank: flush when it
// starts with Chinese punctuation ("：睡过了……"), after a space otherwise.
func spaced(zh string) string {
	zh = strings.TrimSpace(zh)
	if r, _ := utf8.DecodeRuneInString(zh); widePunct(r) {
		return zh
	}
	return " " + zh
}

// lessonText is a Chinese lesson as n comment lines.
func lessonText(zh []string, n int) string {
	fitted := Fit(zh, n)
	for i, l := range fitted {
		if l == "" {
			fitted[i] = "//"
		} else {
			fitted[i] = "// " + l
		}
	}
	return strings.Join(fitted, "\n")
}

// A Note is a comment lang left as it was: where, and why.
type Note struct {
	File string
	Line int
	Slot Slot
}

func (n Note) String() string {
	return fmt.Sprintf("%s:%d", n.File, n.Line)
}
