package verify

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/course"
)

func TestEveryKoanHasItsChineseTwinAndNoTwinGivesTheAnswer(t *testing.T) {
	v := fixture(t)
	c := v.koans.Concepts[0]
	v.twins(c)
	assert.Empty(t, problems(v), "the fixture has its twins")
	for i := range c.Catalog.Koans {
		c.Catalog.Koans[i].Twin = course.Twin{}
	}
	v.twins(c)
	assert.Equal(t, []string{
		fixtureKoans + "/01_sums/catalog.toml: TestEveryBlankIsNeeded: has no title_zh and no lesson_zh: each koan needs its Chinese twin (see docs/instructors.md, \"The course in Chinese\")",
		fixtureKoans + "/01_sums/catalog.toml: TestASecondBlankThatIsNotNeeded: has no title_zh and no lesson_zh: each koan needs its Chinese twin (see docs/instructors.md, \"The course in Chinese\")",
		fixtureKoans + "/01_sums/catalog.toml: TestASecondBlankThatIsNotNeeded: has 0 prompts_zh for 1 prompt(s) (comments beside a blank with words after __): at " + fixtureKoans + "/01_sums/a_sums_test.go:30",
		fixtureKoans + "/01_sums/catalog.toml: TestAReceiveGetsTheValueSent: has no title_zh and no lesson_zh: each koan needs its Chinese twin (see docs/instructors.md, \"The course in Chinese\")",
	}, problems(v))

	v = fixture(t)
	c = v.koans.Concepts[0]
	twin := course.Twin{TitleZh: "第二个空白", LessonZh: "两个空白，第二个只是检查。\n" + strings.Repeat("很长", 21), PromptsZh: []string{"：再检查和是偶数"}, CommentsZh: []string{"多余的"}}
	c.Koans[1].Twin = twin
	c.Catalog.Koans[1].Twin = twin
	v.twins(c)
	echoes := v.koans.Concepts[1]
	echoes.Koans[1].Twin = course.Twin{TitleZh: "关闭之后 range 才结束", LessonZh: "range 一直接收，直到 close(ch)。"}
	v.answersHidden(echoes)
	got := problems(v)
	assert.Contains(t, got, fixtureKoans+"/01_sums/catalog.toml: TestASecondBlankThatIsNotNeeded: has 1 comments_zh for 0 other comment(s) inside the koan: it has none")
	assert.Contains(t, got, fixtureKoans+"/01_sums/catalog.toml: TestASecondBlankThatIsNotNeeded: line 2 of lesson_zh is 84 columns wide (a Chinese character counts two): fold it at 80 at most")
	assert.Contains(t, got, fixtureKoans+"/02_echoes/catalog.toml: TestARangeEndsWhenTheChannelIsClosed: lesson_zh contains the solution's text `close(ch)`")
}

// The fixture's Chinese fits its lessons and stays as gofmt leaves it (the
// failing cases are internal/edition's to test: Fit, and the whole course).
func TestTheChineseEditionOfTheFixtureIsFine(t *testing.T) {
	v := fixture(t)
	for _, c := range v.koans.Concepts {
		v.edition(c)
	}
	assert.Empty(t, problems(v))
}
