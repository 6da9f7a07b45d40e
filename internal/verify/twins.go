package verify

import (
	"bytes"
	"fmt"
	"go/format"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/edition"
	"github.com/gokoans/concurrency/internal/lang"
)

// LessonWidth is the widest a line of a Chinese lesson may be, in
// columns (a Chinese character takes two): lang zh writes each line as a
// comment line of the learner's file, "// " before it.
const LessonWidth = 80

// twins: every koan has its Chinese twin in the catalog (title_zh and
// lesson_zh; as many prompts_zh as the koan has prompts, comments beside a
// blank with words after it; as many comments_zh as its other comments),
// and no line of a Chinese lesson is wider than LessonWidth. A koan that
// lacks fields is named once, with all it lacks.
func (v *verifier) twins(c *course.Concept) {
	if c.Catalog == nil {
		return
	}
	file := c.Dir + "/" + course.CatalogFile
	for _, k := range c.Koans {
		e, ok := c.Entry(k.Name)
		if !ok {
			continue
		}
		var lacks []string
		if e.TitleZh == "" {
			lacks = append(lacks, "title_zh")
		}
		if strings.TrimSpace(e.LessonZh) == "" && k.Text.Lesson.Line > 0 {
			lacks = append(lacks, "lesson_zh")
		}
		if len(lacks) > 0 {
			v.problem(file, "%s: has no %s: each koan needs its Chinese twin (see docs/instructors.md, \"The course in Chinese\")", k.Name, strings.Join(lacks, " and no "))
		}
		if n, want := len(e.PromptsZh), len(k.Text.Prompts); n != want {
			v.problem(file, "%s: has %d prompts_zh for %d prompt(s) (comments beside a blank with words after __): %s", k.Name, n, want, remarksAt(k, k.Text.Prompts))
		}
		if n, want := len(e.CommentsZh), len(k.Text.Comments); n != want {
			v.problem(file, "%s: has %d comments_zh for %d other comment(s) inside the koan: %s", k.Name, n, want, remarksAt(k, k.Text.Comments))
		}
		for i, line := range e.LessonLines() {
			if w := lang.Width(line); w > LessonWidth {
				v.problem(file, "%s: line %d of lesson_zh is %d columns wide (a Chinese character counts two): fold it at %d at most", k.Name, i+1, w, LessonWidth)
			}
		}
	}
	v.edition(c)
}

// edition: lang zh can write the concept's Chinese into a learner's copy:
// each lesson in as many lines as its English block, and every file, so
// rewritten, as gofmt would leave it.
func (v *verifier) edition(c *course.Concept) {
	var files []string
	for _, k := range c.Koans {
		if !slices.Contains(files, k.File) {
			files = append(files, k.File)
		}
	}
	for _, rel := range files {
		src, err := os.ReadFile(filepath.Join(v.opt.Root, filepath.FromSlash(rel)))
		if err != nil {
			continue
		}
		var koans []*course.Koan
		for _, k := range c.Koans {
			if k.File == rel {
				koans = append(koans, k)
			}
		}
		slots := edition.SlotsOf(rel, src, koans)
		for _, k := range koans {
			if len(k.Twin.LessonLines()) > 0 && !slices.ContainsFunc(slots, func(s edition.Slot) bool { return s.Koan == k.Name && s.What == edition.Lesson }) {
				v.problem(fmt.Sprintf("%s:%d", k.File, k.Text.Lesson.Line), "%s: lang zh cannot fit lesson_zh into the English lesson's %d line(s): shorten it, or break it where a line may break", k.Name, k.Text.Lesson.EndLine-k.Text.Lesson.Line+1)
			}
		}
		zh, _, _ := edition.Apply(src, slots, lang.Chinese)
		if formatted, err := format.Source(zh); err == nil && !bytes.Equal(formatted, zh) {
			v.problem(rel, "gofmt would change this file as lang zh writes it (a lesson line of lesson_zh that reads as a list, a heading or code?)")
		}
	}
}

// remarksAt lists where the koan's remarks stand, "none" for none.
func remarksAt(k *course.Koan, rs []course.Remark) string {
	if len(rs) == 0 {
		return "it has none"
	}
	var at []string
	for _, r := range rs {
		at = append(at, fmt.Sprintf("%s:%d", k.File, r.Line))
	}
	return "at " + strings.Join(at, ", ")
}

// twinTexts are the catalog's texts of a koan that the learner reads
// besides its hints, each named for a report: its titles, its Chinese
// lesson, prompts and comments.
func twinTexts(k *course.Koan) (names, texts, english []string) {
	add := func(name, text, en string) {
		if text != "" {
			names, texts, english = append(names, name), append(texts, text), append(english, en)
		}
	}
	add("title", k.Twin.Title, "")
	add("title_zh", k.Twin.TitleZh, k.Sentence())
	add("lesson_zh", k.Twin.LessonZh, k.Text.Lesson.Text)
	for i, p := range k.Twin.PromptsZh {
		add(fmt.Sprintf("prompts_zh %d", i+1), p, remarkText(k.Text.Prompts, i))
	}
	for i, p := range k.Twin.CommentsZh {
		add(fmt.Sprintf("comments_zh %d", i+1), p, remarkText(k.Text.Comments, i))
	}
	return names, texts, english
}

// remarkText is the text of rs[i], "" when there is no such remark.
func remarkText(rs []course.Remark, i int) string {
	if i < len(rs) {
		return rs[i].Text
	}
	return ""
}
