package course

import (
	"go/ast"
	"go/parser"
	"go/token"
	"strings"
)

// A Twin is what a koan's catalog entry says of its words, beside its
// hints: an English title for a name whose sentence reads wrong, and the
// Chinese twin of each text of the koan's page.
type Twin struct {
	// Title replaces the sentence made from the test name, when that
	// sentence reads wrong ("one callers cancel").
	Title string `toml:"title"`
	// TitleZh is the koan's title in Chinese.
	TitleZh string `toml:"title_zh"`
	// LessonZh is the Chinese of the comment block above the koan's func,
	// one line of text a comment line.
	LessonZh string `toml:"lesson_zh"`
	// PromptsZh translates, for each comment inside the koan that holds
	// the blank __ and more words, the words after the blank.
	PromptsZh []string `toml:"prompts_zh"`
	// CommentsZh translates each other comment inside the koan: the whole
	// text after //.
	CommentsZh []string `toml:"comments_zh"`
}

// LessonLines are the lines of LessonZh: its text split at newlines, with
// the trailing newline of a TOML multi-line string dropped.
func (t Twin) LessonLines() []string {
	s := strings.TrimSuffix(strings.ReplaceAll(t.LessonZh, "\r\n", "\n"), "\n")
	if s == "" {
		return nil
	}
	return strings.Split(s, "\n")
}

// A Remark is one comment of a koan's page, where the file holds it.
type Remark struct {
	Line    int    // the line the comment starts on
	EndLine int    // the line it ends on (a lesson spans several)
	Col     int    // the byte column of its "//", from 1
	Text    string // what it says: see Text
}

// Text is what a koan's page says in comments, in source order.
type Text struct {
	// Lesson is the comment block right above the func, its lines joined
	// by newlines, each without its "//" and one space: Line..EndLine. A
	// koan with no such block has Lesson.Line 0.
	Lesson Remark
	// Prompts are the comments inside the func that hold the blank __ and
	// more words: the Text of each is the words after the blank, trimmed
	// (": is having slept as good as having waited?").
	Prompts []Remark
	// Comments are the other comments inside the func (no blank): the Text
	// of each is what follows "//", trimmed.
	Comments []Remark
}

// textOf reads the comments of the koan fd in the parsed file af.
func textOf(fset *token.FileSet, af *ast.File, fd *ast.FuncDecl) Text {
	var t Text
	if fd.Doc != nil {
		var lines []string
		for _, c := range fd.Doc.List {
			lines = append(lines, LessonLine(c.Text))
		}
		t.Lesson = Remark{
			Line:    fset.Position(fd.Doc.Pos()).Line,
			EndLine: fset.Position(fd.Doc.End()).Line,
			Col:     fset.Position(fd.Doc.Pos()).Column,
			Text:    strings.Join(lines, "\n"),
		}
	}
	for _, g := range af.Comments {
		if g.Pos() < fd.Pos() || g.End() > fd.End() {
			continue
		}
		for _, c := range g.List {
			p := fset.Position(c.Pos())
			r := Remark{Line: p.Line, EndLine: fset.Position(c.End()).Line, Col: p.Column}
			if after, ok := PromptOf(c.Text); ok {
				if after != "" {
					r.Text = after
					t.Prompts = append(t.Prompts, r)
				}
				continue
			}
			r.Text = strings.TrimSpace(strings.TrimPrefix(c.Text, "//"))
			if strings.HasPrefix(c.Text, "/*") {
				r.Text = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(c.Text, "/*"), "*/"))
			}
			t.Comments = append(t.Comments, r)
		}
	}
	return t
}

// LessonLine is one line of a lesson without its comment marker: "//" and
// the one space after it.
func LessonLine(comment string) string {
	s := strings.TrimPrefix(comment, "//")
	return strings.TrimPrefix(s, " ")
}

// PromptOf reports whether the comment holds the blank __ (as a word of
// its own), and returns the words after it, trimmed ("" for a bare blank).
func PromptOf(comment string) (after string, ok bool) {
	i := blankIndex(comment)
	if i < 0 {
		return "", false
	}
	rest := strings.TrimSpace(comment[i+2:])
	rest = strings.TrimSpace(strings.TrimSuffix(rest, "*/"))
	return rest, true
}

// blankIndex is where the word __ starts in s, or -1.
func blankIndex(s string) int {
	for i := 0; i+2 <= len(s); i++ {
		if s[i:i+2] != "__" {
			continue
		}
		if (i == 0 || !isWordByte(s[i-1])) && (i+2 == len(s) || !isWordByte(s[i+2])) {
			return i
		}
	}
	return -1
}

func isWordByte(b byte) bool {
	return b == '_' || b >= '0' && b <= '9' || b >= 'a' && b <= 'z' || b >= 'A' && b <= 'Z'
}

// TextsOf reads the comments of every Test function of one Go file's
// source, by test name: for a file that is not the course's (the learner's
// copy as it stands, or as shipped). A file that does not parse gives what
// could be read, and the error.
func TextsOf(src []byte) (map[string]Text, error) {
	fset := token.NewFileSet()
	af, err := parser.ParseFile(fset, "", src, parser.SkipObjectResolution|parser.ParseComments)
	if af == nil {
		return nil, err
	}
	out := map[string]Text{}
	for _, d := range af.Decls {
		if fd, ok := d.(*ast.FuncDecl); ok && fd.Recv == nil && isTestName(fd.Name.Name) && takesT(fd) {
			out[fd.Name.Name] = textOf(fset, af, fd)
		}
	}
	return out, err
}
