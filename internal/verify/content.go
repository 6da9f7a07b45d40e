package verify

import (
	"fmt"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/goline"
)

// uniqueNames: a test name names one koan in the whole course, since the
// runner, make hint and make reset find a koan by its name alone. A second
// use is reported where it stands, naming the first; only pairs that touch
// a concept being verified.
func (v *verifier) uniqueNames(selected []*course.Concept) {
	first := map[string]*course.Koan{}
	for _, c := range v.koans.Concepts {
		for _, k := range c.Koans {
			f, ok := first[k.Name]
			if !ok {
				first[k.Name] = k
				continue
			}
			if slices.Contains(selected, c) || slices.Contains(selected, f.Concept) {
				v.problem(fmt.Sprintf("%s:%d", k.File, k.Line), "%s is already the koan at %s:%d: a test name must be unique across the course", k.Name, f.File, f.Line)
			}
		}
	}
}

// ReadmeSections are the headings every concept's README.md must have, as
// lines of their own; ReadmeSectionsZh are their twins in README.zh-CN.md.
var (
	ReadmeSections   = []string{"## What you will learn", "## Prerequisites", "## Further reading"}
	ReadmeSectionsZh = []string{"## 你将学到什么", "## 预备知识", "## 延伸阅读"}
)

// readme: the concept has a README.md with every section of ReadmeSections,
// and its Chinese twin README.zh-CN.md with every one of ReadmeSectionsZh.
func (v *verifier) readme(c *course.Concept) {
	v.readmeSections(c, "README.md", ReadmeSections)
	v.readmeSections(c, "README.zh-CN.md", ReadmeSectionsZh)
}

func (v *verifier) readmeSections(c *course.Concept, name string, sections []string) {
	file := c.Dir + "/" + name
	data, err := os.ReadFile(filepath.Join(v.opt.Root, filepath.FromSlash(file)))
	if err != nil {
		v.problem(c.Dir, "no %s: each concept needs one, with the sections %s", name, strings.Join(sections, ", "))
		return
	}
	lines := strings.Split(string(data), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	for _, s := range sections {
		if !slices.Contains(lines, s) {
			v.problem(file, "has no section %q: every concept's %s has %s", s, name, strings.Join(sections, ", "))
		}
	}
}

// answersHidden: no hint of a koan, and no comment beside a blank, holds
// the text that fills the blank: a hint leads the learner to the answer
// and must not hand it over. Answers too short to mean anything on their
// own (a number, true, ok) are let through; see hidable.
func (v *verifier) answersHidden(c *course.Concept) {
	sc := v.sols.Concept(c.Name)
	commented := map[string]bool{}
	for _, k := range c.Koans {
		blanks, _ := filledBlanks(v.opt.Root, k, sc)
		for _, b := range blanks {
			ans := answer(b.koan, b.solution)
			if !hidable(ans) {
				continue
			}
			for i, h := range k.Hints {
				if containsAnswer(h, ans) {
					v.problem(c.Dir+"/"+course.CatalogFile, "%s: hint %d contains the solution's text `%s`", k.Name, i+1, ans)
				}
			}
			for i, h := range k.HintsZh {
				if containsAnswer(h, ans) {
					v.problem(c.Dir+"/"+course.CatalogFile, "%s: Chinese hint %d contains the solution's text `%s`", k.Name, i+1, ans)
				}
			}
			// A Chinese twin may name what its English names (a lesson
			// that introduces the very API it asks for): it must give no
			// more of the answer than the English does.
			names, texts, english := twinTexts(k)
			for i, text := range texts {
				if containsAnswer(text, ans) && !containsAnswer(english[i], ans) {
					v.problem(c.Dir+"/"+course.CatalogFile, "%s: %s contains the solution's text `%s`", k.Name, names[i], ans)
				}
			}
			where := fmt.Sprintf("%s:%d", k.File, b.line)
			for _, com := range blankComments(b.koan) {
				if containsAnswer(com, ans) && !commented[where] {
					commented[where] = true
					v.problem(where, "%s: the blank's comment contains the solution's text `%s`", k.Name, ans)
				}
			}
		}
	}
}

// blankComments are the texts of the comments of a koan's line that hold
// the blank, without their // or /* */ (a * is an answer too).
func blankComments(line string) []string {
	var out []string
	for _, t := range goline.Tokens(line) {
		if t.Kind == token.COMMENT && goline.IsBlankComment(t.Text) {
			text := strings.TrimPrefix(t.Text, "//")
			if strings.HasPrefix(t.Text, "/*") {
				text = strings.TrimSuffix(strings.TrimPrefix(t.Text, "/*"), "*/")
			}
			out = append(out, text)
		}
	}
	return out
}

// answer is what the solution's line has where the koan's line differs:
// the koan's blank comments and the solution's trailing comment put aside,
// then the tokens both lines start and end with; a koan line that is only
// a comment gives the whole solution line. Separators at its ends (a
// comma, a semicolon) go too, and its whitespace is normalised.
func answer(koanLine, solLine string) string {
	k := goline.Code(koanLine, goline.IsBlankComment)
	s := goline.Tokens(solLine)
	if n := len(s); n > 0 && s[n-1].Kind == token.COMMENT {
		s = s[:n-1]
	}
	for len(k) > 0 && len(s) > 0 && k[0].Same(s[0]) {
		k, s = k[1:], s[1:]
	}
	for len(k) > 0 && len(s) > 0 && k[len(k)-1].Same(s[len(s)-1]) {
		k, s = k[:len(k)-1], s[:len(s)-1]
	}
	separator := func(t goline.Token) bool { return t.Kind == token.COMMA || t.Kind == token.SEMICOLON }
	for len(s) > 0 && separator(s[0]) {
		s = s[1:]
	}
	for len(s) > 0 && separator(s[len(s)-1]) {
		s = s[:len(s)-1]
	}
	if len(s) == 0 {
		return ""
	}
	return strings.Join(strings.Fields(solLine[s[0].From:s[len(s)-1].To]), " ")
}

// hidable reports whether an answer is worth hiding: not empty, not a
// boolean, and not a lone identifier or number under five characters (1,
// ok, nil), which a hint may well say for another reason ("returns false
// when it fails" names both answers). Short answers with punctuation
// (<-done, wg.Wait()) are checked.
func hidable(ans string) bool {
	if ans == "" || ans == "true" || ans == "false" {
		return false
	}
	ts := goline.Tokens(ans)
	if !slices.ContainsFunc(ts, func(t goline.Token) bool { return t.Kind.IsLiteral() }) {
		return false // punctuation alone, as a closing `)`, says nothing
	}
	if len(ts) == 1 && len(ans) < 5 {
		switch ts[0].Kind {
		case token.IDENT, token.INT, token.FLOAT, token.IMAG:
			return false
		}
	}
	return true
}

// containsAnswer reports whether text holds ans, whitespace normalised in
// both, on token boundaries: where ans starts or ends with a letter or a
// digit, the text has none just beside it (total is not in totally). A
// Chinese or Japanese character is no letter of the answer's: Chinese
// text writes an identifier flush against its words (用close(ch)关闭).
func containsAnswer(text, ans string) bool {
	text = strings.Join(strings.Fields(text), " ")
	word := func(r rune) bool {
		if unicode.In(r, unicode.Han, unicode.Hiragana, unicode.Katakana, unicode.Hangul) {
			return false
		}
		return r == '_' || unicode.IsLetter(r) || unicode.IsDigit(r)
	}
	first, last := []rune(ans)[0], []rune(ans)[len([]rune(ans))-1]
	for at := 0; ; {
		i := strings.Index(text[at:], ans)
		if i < 0 {
			return false
		}
		i += at
		before := []rune(text[:i])
		after := []rune(text[i+len(ans):])
		okBefore := !word(first) || len(before) == 0 || !word(before[len(before)-1])
		okAfter := !word(last) || len(after) == 0 || !word(after[0])
		if okBefore && okAfter {
			return true
		}
		at = i + 1
	}
}
