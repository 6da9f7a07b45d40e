package edition

import (
	"go/format"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/state"
)

func TestFitKeepsTheEnglishNumberOfLines(t *testing.T) {
	zh := []string{"第一句很长很长，第二句也很长很长很长。", "", "https://go.dev/ref/mem"}
	assert.Equal(t, zh, Fit(zh, 3))
	assert.Equal(t, []string{"第一句很长很长，", "第二句也很长很长很长。", "", "https://go.dev/ref/mem"}, Fit(zh, 4), "split after the punctuation nearest the middle")
	assert.Equal(t, []string{"Wait 阻塞", "Add 计数。"}, Fit([]string{"Wait 阻塞 Add 计数。"}, 2), "at a space, never inside a word")
	assert.Equal(t, []string{"一二三 Wait 四五。"}, Fit([]string{"一二三", "Wait 四五。"}, 1), "joined with a space between Chinese and Latin")
	assert.Equal(t, []string{"一二，三四。"}, Fit([]string{"一二，", "三四。"}, 1), "joined flush after punctuation")
	assert.Equal(t, []string{"https://go.dev/ref/mem"}, Fit([]string{"https://go.dev/ref/mem"}, 2), "a URL is never split")
	assert.Equal(t, []string{"一二", "三四"}, Fit([]string{"一二", "", "三四"}, 2), "folded across a paragraph at last")
}

const page = `package p

// A WaitGroup counts: Add raises the counter, Done lowers it,
// and Wait blocks until it is zero. https://pkg.go.dev/sync#WaitGroup
func TestWait(t *testing.T) {
	var wg sync.WaitGroup
	time.Sleep(time.Second) // __ : is having slept as good as having waited?
	// __ (one statement is missing here)
	go f() // some work
}

// The second koan.
func TestTwo(t *testing.T) {
	go f() // some work
}
`

var twins = map[string]course.Twin{
	"TestWait": {LessonZh: "WaitGroup 计数：Add 加一，Done 减一，Wait 一直阻塞到它归零。https://pkg.go.dev/sync#WaitGroup\n", PromptsZh: []string{"：睡过了，就等于等过了吗？", "（这里少了一条语句）"}, CommentsZh: []string{"做点工作"}},
	"TestTwo":  {LessonZh: "第二个 koan。", CommentsZh: []string{"做点工作"}},
}

func koansOf(names ...string) []*course.Koan {
	var out []*course.Koan
	for _, n := range names {
		out = append(out, &course.Koan{Name: n, Twin: twins[n]})
	}
	return out
}

func TestLangZhRewritesTheCommentsOnlyAndLangEnPutsThemBack(t *testing.T) {
	slots := SlotsOf("p_test.go", []byte(page), koansOf("TestWait", "TestTwo"))
	require.Len(t, slots, 6)
	zh, n, notes := Apply([]byte(page), slots, lang.Chinese)
	assert.Equal(t, 6, n)
	assert.Empty(t, notes)
	assert.Equal(t, `package p

// WaitGroup 计数：Add 加一，Done 减一，
// Wait 一直阻塞到它归零。https://pkg.go.dev/sync#WaitGroup
func TestWait(t *testing.T) {
	var wg sync.WaitGroup
	time.Sleep(time.Second) // __：睡过了，就等于等过了吗？
	// __（这里少了一条语句）
	go f() // 做点工作
}

// 第二个 koan。
func TestTwo(t *testing.T) {
	go f() // 做点工作
}
`, string(zh))
	formatted, err := format.Source(zh)
	require.NoError(t, err)
	assert.Equal(t, string(zh), string(formatted), "gofmt leaves the Chinese edition as it is")
	en, _, _ := Apply(zh, slots, lang.English)
	assert.Equal(t, page, string(en), "byte for byte")
}

func TestAnswersWrittenInChineseSurviveLangEn(t *testing.T) {
	slots := SlotsOf("p_test.go", []byte(page), koansOf("TestWait", "TestTwo"))
	zh, _, _ := Apply([]byte(page), slots, lang.Chinese)
	answered := strings.Replace(string(zh), "time.Sleep(time.Second) // __", "wg.Wait() // __", 1)
	answered = strings.Replace(answered, "\t// __（这里少了一条语句）\n", "\twg.Add(1)\n", 1)
	answered = strings.Replace(answered, "package p\n", "package p\n\n// my note\n", 1) // the lines move
	en, _, notes := Apply([]byte(answered), slots, lang.English)
	assert.Empty(t, notes)
	want := strings.Replace(page, "time.Sleep(time.Second) // __", "wg.Wait() // __", 1)
	want = strings.Replace(want, "\t// __ (one statement is missing here)\n", "\twg.Add(1)\n", 1)
	want = strings.Replace(want, "package p\n", "package p\n\n// my note\n", 1)
	assert.Equal(t, want, string(en))
}

func TestACommentTheLearnerChangedIsLeftAndNamed(t *testing.T) {
	slots := SlotsOf("p_test.go", []byte(page), koansOf("TestWait", "TestTwo"))
	mine := strings.Replace(page, "is having slept as good as having waited?", "I think not", 1)
	zh, n, notes := Apply([]byte(mine), slots, lang.Chinese)
	assert.Equal(t, 5, n)
	require.Len(t, notes, 1)
	assert.Equal(t, "p_test.go:7", notes[0].String())
	assert.Contains(t, string(zh), "// __ : I think not")
	back, _, _ := Apply(zh, slots, lang.English)
	assert.Equal(t, mine, string(back))
}

// The course's own Chinese, as lang zh writes it: as many lines as the
// English, stable under gofmt, and back to English byte for byte.
func TestTheChineseEditionOfTheCourseKeepsEveryLineNumber(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := course.Load(root, "koans")
	require.NoError(t, err)
	for _, rel := range files(c) {
		src, err := os.ReadFile(filepath.Join(root, rel))
		require.NoError(t, err)
		slots := SlotsOf(rel, src, koansIn(c, rel))
		zh, _, notes := Apply(src, slots, lang.Chinese)
		assert.Empty(t, notes, rel)
		assert.Equal(t, strings.Count(string(src), "\n"), strings.Count(string(zh), "\n"), rel)
		formatted, err := format.Source(zh)
		require.NoError(t, err, rel)
		assert.Equal(t, string(zh), string(formatted), "%s: gofmt would change the Chinese edition", rel)
		en, _, _ := Apply(zh, slots, lang.English)
		assert.Equal(t, string(src), string(en), rel)
	}
}

func TestASolutionReadsInTheLanguageOfTheLearnersCopy(t *testing.T) {
	root := t.TempDir()
	k := &course.Koan{Name: "TestWait", File: "p_test.go", Twin: twins["TestWait"]}
	sol := []string{"func TestWait(t *testing.T) {", "\tvar wg sync.WaitGroup", "\twg.Wait()", "\twg.Add(1)", "\tgo f() // some work", "}"}
	assert.Equal(t, sol, Like(root, k, sol, 5), "an English copy: as it is")
	slots := SlotsOf("p_test.go", []byte(page), []*course.Koan{k})
	require.NoError(t, state.Of(root).SetEdition(Record{Lang: "zh", Slots: slots}))
	got := Like(root, k, sol, 5)
	assert.Equal(t, "\tgo f() // 做点工作", got[4])
	assert.Equal(t, sol[:4], got[:4])
}

func TestACRLFFileKeepsItsLineEndings(t *testing.T) {
	crlf := strings.ReplaceAll(page, "\n", "\r\n")
	slots := SlotsOf("p_test.go", []byte(crlf), koansOf("TestWait", "TestTwo"))
	zh, n, _ := Apply([]byte(crlf), slots, lang.Chinese)
	assert.Equal(t, 6, n)
	assert.Equal(t, strings.Count(crlf, "\r\n"), strings.Count(string(zh), "\r\n"))
	en, _, _ := Apply(zh, slots, lang.English)
	assert.Equal(t, crlf, string(en))
}
