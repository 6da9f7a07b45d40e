package course

import (
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/lang"
)

const page = `package p

// A lesson in two lines:
// the second one.
//
// A URL: https://go.dev/ref/mem
func TestOneCallersCancel(t *testing.T) {
	ch := make(chan int /* __ */)
	x := 1 // __ : is this enough?
	// __
	// some work
	go f(x) /* a block */
	// __ (one statement is missing here)
	_ = __
}

func helper() {} // not the koan's
`

func TestTheTextOfAKoanIsItsLessonItsPromptsAndItsComments(t *testing.T) {
	texts, err := TextsOf([]byte(page))
	require.NoError(t, err)
	tx := texts["TestOneCallersCancel"]
	assert.Equal(t, Remark{Line: 3, EndLine: 6, Col: 1, Text: "A lesson in two lines:\nthe second one.\n\nA URL: https://go.dev/ref/mem"}, tx.Lesson)
	require.Len(t, tx.Prompts, 2, "a bare blank is no prompt")
	assert.Equal(t, Remark{Line: 9, EndLine: 9, Col: 9, Text: ": is this enough?"}, tx.Prompts[0])
	assert.Equal(t, "(one statement is missing here)", tx.Prompts[1].Text)
	require.Len(t, tx.Comments, 2)
	assert.Equal(t, "some work", tx.Comments[0].Text)
	assert.Equal(t, Remark{Line: 12, EndLine: 12, Col: 10, Text: "a block"}, tx.Comments[1])
}

func TestAKoansTitleComesFromTheCatalogWhereTheNameCannotSayIt(t *testing.T) {
	k := &Koan{Name: "TestOneCallersCancel"}
	assert.Equal(t, "one callers cancel", k.Sentence())
	assert.Equal(t, "One callers cancel", k.Title(lang.Chinese), "no Chinese title: the English one")
	k.Twin = Twin{Title: "one caller's cancel", TitleZh: "一个调用方的取消"}
	assert.Equal(t, "one caller's cancel", k.Sentence())
	assert.Equal(t, "One caller's cancel", k.Title(lang.English))
	assert.Equal(t, "一个调用方的取消", k.Title(lang.Chinese))
	assert.Equal(t, []string{"一", "", "二"}, Twin{LessonZh: "一\n\n二\n"}.LessonLines())
}

func TestTheCourseLoadsEachKoansTwinAndText(t *testing.T) {
	root, err := filepath.Abs("../..")
	require.NoError(t, err)
	c, err := Load(root, "koans")
	require.NoError(t, err)
	k := c.Find("TestOnlyWaitMakesTheWorkersWritesVisible")
	require.NotNil(t, k)
	assert.Equal(t, "Only Wait makes the workers' writes visible", k.Title(lang.English))
	assert.NotZero(t, k.Text.Lesson.Line)
	assert.Len(t, k.Text.Prompts, 1)
}
