package layout

import (
	"go/ast"
	"go/parser"
	"go/token"
	"io/fs"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/BurntSushi/toml"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// A chineseText is one piece of the course's Chinese: a whole
// README.zh-CN.md, a catalog's title_zh or hint, or a sentence of the
// runner (internal/lang's zh*.go).
type chineseText struct {
	where string // file, and the hint or line where it helps
	text  string
	md    bool // a Markdown file, read as GitHub renders it
}

var hanRE = regexp.MustCompile(`\p{Han}`)

// chineseTexts gathers every Chinese text of the repository.
func chineseTexts(t *testing.T) []chineseText {
	t.Helper()
	root := filepath.Join("..", "..")
	var out []chineseText
	err := filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() && (d.Name() == ".git" || d.Name() == ".koans" || d.Name() == "testdata" || d.Name() == "node_modules") {
			return filepath.SkipDir
		}
		if strings.HasSuffix(path, ".zh-CN.md") {
			rel, _ := filepath.Rel(root, path)
			out = append(out, chineseText{where: rel, text: read(t, rel), md: true})
		}
		return nil
	})
	require.NoError(t, err)

	catalogs, err := filepath.Glob(filepath.Join(root, "koans", "*", "catalog.toml"))
	require.NoError(t, err)
	require.NotEmpty(t, catalogs)
	for _, file := range catalogs {
		rel, _ := filepath.Rel(root, file)
		var c struct {
			TitleZh string `toml:"title_zh"`
			Koans   []struct {
				Name       string   `toml:"name"`
				HintsZh    []string `toml:"hints_zh"`
				TitleZh    string   `toml:"title_zh"`
				LessonZh   string   `toml:"lesson_zh"`
				PromptsZh  []string `toml:"prompts_zh"`
				CommentsZh []string `toml:"comments_zh"`
			} `toml:"koan"`
		}
		_, err := toml.DecodeFile(file, &c)
		require.NoError(t, err, rel)
		out = append(out, chineseText{where: rel + " title_zh", text: c.TitleZh})
		for _, k := range c.Koans {
			for i, h := range k.HintsZh {
				out = append(out, chineseText{where: rel + " " + k.Name + " hints_zh[" + strconv.Itoa(i) + "]", text: h})
			}
			out = append(out, chineseText{where: rel + " " + k.Name + " title_zh", text: k.TitleZh})
			out = append(out, chineseText{where: rel + " " + k.Name + " lesson_zh", text: k.LessonZh})
			for i, h := range append(k.PromptsZh, k.CommentsZh...) {
				out = append(out, chineseText{where: rel + " " + k.Name + " prompts_zh/comments_zh[" + strconv.Itoa(i) + "]", text: h})
			}
		}
	}

	sources, err := filepath.Glob(filepath.Join(root, "internal", "lang", "zh*.go"))
	require.NoError(t, err)
	require.NotEmpty(t, sources)
	for _, file := range sources {
		rel, _ := filepath.Rel(root, file)
		fset := token.NewFileSet()
		f, err := parser.ParseFile(fset, file, nil, 0)
		require.NoError(t, err)
		ast.Inspect(f, func(n ast.Node) bool {
			kv, ok := n.(*ast.KeyValueExpr)
			if !ok {
				return true
			}
			lit, ok := kv.Value.(*ast.BasicLit)
			if !ok || lit.Kind != token.STRING {
				return true
			}
			s, err := strconv.Unquote(lit.Value)
			if err == nil && hanRE.MatchString(s) {
				out = append(out, chineseText{where: rel + ":" + strconv.Itoa(fset.Position(lit.Pos()).Line), text: s})
			}
			return true
		})
	}
	return out
}

// prose is a Markdown text without its fenced code blocks.
func prose(md string) []string {
	var out []string
	fenced := false
	for line := range strings.SplitSeq(md, "\n") {
		if strings.HasPrefix(strings.TrimSpace(line), "```") {
			fenced = !fenced
			out = append(out, "")
			continue
		}
		if fenced {
			line = ""
		}
		out = append(out, line)
	}
	return out
}

// wide is a Chinese character or a full-width punctuation mark.
var wideRE = regexp.MustCompile(`[\p{Han}\x{3000}-\x{303f}\x{ff00}-\x{ffef}“”‘’…—]`)

// GitHub renders a line break inside a paragraph as a space: between two
// Chinese characters it is a stray space, sometimes inside a word. A
// Chinese paragraph is one line.
func TestChineseMarkdownHasNoHardWrapsBetweenChineseCharacters(t *testing.T) {
	n := 0
	for _, c := range chineseTexts(t) {
		if !c.md {
			continue
		}
		n++
		lines := prose(c.text)
		for i := 1; i < len(lines); i++ {
			prev, next := []rune(strings.TrimRight(lines[i-1], " ")), []rune(strings.TrimLeft(lines[i], " "))
			if len(prev) == 0 || len(next) == 0 {
				continue
			}
			if wideRE.MatchString(string(prev[len(prev)-1])) && wideRE.MatchString(string(next[0])) {
				t.Errorf("%s:%d: a line break between %q and %q shows as a space on GitHub: join the lines", c.where, i, string(prev[len(prev)-5:]), string(next[:min(5, len(next))]))
			}
		}
	}
	assert.Greater(t, n, 20, "is the test still finding the README.zh-CN.md files?")
}

// urlRE finds a URL as a terminal or GitHub's autolinker sees it: up to
// the first space (or a Markdown link's closing parenthesis).
var urlRE = regexp.MustCompile(`https?://[^\s)\]>]+`)

// A bare URL runs on into the Chinese punctuation after it (GitHub and
// terminals link "https://go.dev/ref/mem）、" whole): in Markdown a URL is
// a link, [text](url); in a hint it stands in half-width parentheses or
// before a space.
func TestChineseURLsStopBeforeChinesePunctuation(t *testing.T) {
	for _, c := range chineseTexts(t) {
		for _, u := range urlRE.FindAllString(c.text, -1) {
			if strings.ContainsFunc(u, func(r rune) bool { return r > 0x7f }) {
				t.Errorf("%s: the URL %q runs into the Chinese after it: write it as a Markdown link, or end it with a space or a half-width parenthesis", c.where, u)
			}
		}
		if !c.md {
			continue
		}
		for i, line := range prose(c.text) {
			for _, m := range urlRE.FindAllStringIndex(line, -1) {
				if m[0] >= 2 && line[m[0]-2:m[0]] == "](" || m[0] >= 1 && line[m[0]-1] == '<' {
					continue
				}
				if strings.Contains(line[:m[0]], "`") && strings.Count(line[:m[0]], "`")%2 == 1 {
					continue // inside code
				}
				t.Errorf("%s:%d: the bare URL %s: write it as a Markdown link, [text](url)", c.where, i+1, line[m[0]:m[1]])
			}
		}
	}
}

// A glossaryTerm is a row of docs/instructors.md's glossary: the Chinese
// the course uses, and the renderings it does not.
type glossaryTerm struct {
	english, chinese string
	not              []string
}

// glossary reads the table under "## The course in Chinese" whose header
// is | English | 中文 | not |.
func glossary(t *testing.T) []glossaryTerm {
	t.Helper()
	doc := read(t, "docs/instructors.md")
	i := strings.Index(doc, "## The course in Chinese")
	require.GreaterOrEqual(t, i, 0, "docs/instructors.md has no section The course in Chinese")
	j := strings.Index(doc[i:], "| English | 中文 | not |")
	require.GreaterOrEqual(t, j, 0, "the glossary's header is | English | 中文 | not |")
	var out []glossaryTerm
	for _, line := range strings.Split(doc[i+j:], "\n")[2:] {
		if !strings.HasPrefix(line, "|") {
			break
		}
		cells := strings.Split(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(line), "|"), "|"), "|")
		require.Len(t, cells, 3, "a glossary row has three cells: %s", line)
		term := glossaryTerm{english: strings.TrimSpace(cells[0]), chinese: strings.TrimSpace(cells[1])}
		require.NotEmpty(t, term.chinese, "a glossary row gives the Chinese: %s", line)
		for v := range strings.SplitSeq(cells[2], "、") {
			if v = strings.TrimSpace(v); v != "" {
				term.not = append(term.not, v)
			}
		}
		out = append(out, term)
	}
	return out
}

// codeRE finds what a Chinese text quotes rather than says: code spans,
// Markdown link targets and URLs.
var codeRE = regexp.MustCompile("`[^`\n]*`|\\]\\([^)\\s]*\\)|https?://\\S+")

// One term, one rendering: a rendering the glossary lists under "not"
// appears in no Chinese text, except as the English gloss of the term's
// own rendering, 先行发生于（happens before）.
func TestChineseTextUsesTheGlossary(t *testing.T) {
	terms := glossary(t)
	require.Greater(t, len(terms), 20, "is the test still reading the glossary?")
	withNot := 0
	for _, term := range terms {
		if len(term.not) > 0 {
			withNot++
		}
	}
	require.Greater(t, withNot, 10)
	for _, c := range chineseTexts(t) {
		text := codeRE.ReplaceAllString(c.text, " ")
		for _, term := range terms {
			first, _, _ := strings.Cut(term.chinese, "；")
			first = strings.FieldsFunc(first, func(r rune) bool { return r == '（' || r == '、' || r == ' ' })[0]
			seen := text
			for _, v := range term.not {
				seen = strings.ReplaceAll(seen, first+"（"+v+"）", first)
			}
			for _, v := range term.not {
				if k := strings.Index(seen, v); k >= 0 {
					before, after := []rune(seen[:k]), []rune(seen[k+len(v):])
					context := string(before[max(0, len(before)-12):]) + v + string(after[:min(len(after), 12)])
					t.Errorf("%s: %q is written %s in this course (docs/instructors.md's glossary): ...%s...", c.where, v, term.chinese, context)
				}
			}
		}
	}
}

// headings lists a Markdown file's ## and ### headings, as their levels,
// code blocks aside.
func headings(md string) []string {
	var out []string
	for _, line := range prose(md) {
		if level, _, ok := strings.Cut(line, " "); ok && (level == "##" || level == "###") {
			out = append(out, level+" "+strings.TrimSpace(line[len(level):]))
		}
	}
	return out
}

// README.zh-CN.md is the whole of README.md in Chinese: the same sections
// and subsections, in the same order.
func TestTheChineseReadmeHasTheEnglishOnesSections(t *testing.T) {
	en, zh := headings(read(t, "README.md")), headings(read(t, "README.zh-CN.md"))
	require.Greater(t, len(en), 5, "is the test still reading README.md's headings?")
	level := func(hs []string) []string {
		out := make([]string, len(hs))
		for i, h := range hs {
			out[i], _, _ = strings.Cut(h, " ")
		}
		return out
	}
	if !assert.Equal(t, level(en), level(zh), "README.md and README.zh-CN.md should have the same ## and ### headings, in order") {
		for i := range max(len(en), len(zh)) {
			var e, z string
			if i < len(en) {
				e = en[i]
			}
			if i < len(zh) {
				z = zh[i]
			}
			t.Logf("%-60s %s", e, z)
		}
	}
}
