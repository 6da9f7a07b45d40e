package lang

import (
	"errors"
	"fmt"
	"io/fs"
	"regexp"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestTheLanguageComesFromTheEnvironment(t *testing.T) {
	for _, tc := range []struct {
		env  map[string]string
		want Lang
	}{
		{nil, English},
		{map[string]string{"LANG": "en_US.UTF-8"}, English},
		{map[string]string{"LANG": "zh_CN.UTF-8"}, Chinese},
		{map[string]string{"LANG": "zh_TW.UTF-8"}, Chinese},
		{map[string]string{"LC_MESSAGES": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, Chinese},
		{map[string]string{"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}, Chinese},
		{map[string]string{"LC_ALL": "en_US.UTF-8", "LANG": "zh_CN.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "zh_CN:en", "LANG": "en_US.UTF-8"}, Chinese},
		{map[string]string{"LANGUAGE": "en", "LANG": "zh_CN.UTF-8"}, English},
		{map[string]string{"LANGUAGE": "zh_CN", "LC_ALL": "C"}, English}, // C ignores LANGUAGE, as gettext does
		{map[string]string{"KOANS_LANG": "zh"}, Chinese},
		{map[string]string{"KOANS_LANG": "zh", "LANG": "en_US.UTF-8"}, Chinese},
		{map[string]string{"KOANS_LANG": "en", "LANG": "zh_CN.UTF-8"}, English},
		{map[string]string{"KOANS_LANG": "en", "LC_ALL": "zh_CN.UTF-8", "LANGUAGE": "zh"}, English},
		{map[string]string{"KOANS_LANG": "fr", "LANG": "zh_CN.UTF-8"}, Chinese}, // unknown: the locale decides
	} {
		got := FromEnv(func(k string) string { return tc.env[k] })
		assert.Equal(t, tc.want, got, "%v", tc.env)
	}
}

func TestAFormatWithoutChineseIsSaidInEnglish(t *testing.T) {
	assert.Equal(t, "Fatal error", English.Sprintf("Fatal error"))
	assert.Equal(t, "致命错误（fatal error）", Chinese.Sprintf("Fatal error"))
	assert.Equal(t, "no such sentence 7", Chinese.Sprintf("no such sentence %d", 7))
}

func TestAMessageIsSaidWithItsPartsInOneLanguage(t *testing.T) {
	m := Msgf("%s %s at %s (started at line %d)", Msgf("goroutine %d", 7), Msgf("waits to send on a channel"), "a_test.go:9", 8)
	assert.Equal(t, "goroutine 7 waits to send on a channel at a_test.go:9 (started at line 8)", m.String())
	assert.Equal(t, "goroutine 7：等待向 channel 发送，位于 a_test.go:9（在第 8 行启动）", m.In(Chinese))
	assert.Equal(t, "it's 100% <-ch", Verbatim("it's 100% <-ch").In(Chinese), "a verbatim text is never a format")
	assert.Equal(t, []string{"这个 koan 本身"}, All([]Msg{Msgf("the koan itself")}, Chinese))
}

func TestARenamedHeadlineNamesTheTestInEitherLanguage(t *testing.T) {
	m := Msgf("The koan panicked: %s", "boom").Rename(Msgf("The koan"), "TestHelper")
	assert.Equal(t, "TestHelper panicked: boom", m.String())
	assert.Equal(t, "TestHelper panic 了：boom", m.In(Chinese))
}

// Every headline that can be renamed (it starts "The koan", and the koan is
// not named in it) opens with the Chinese of "The koan", so that the rename,
// which replaces the phrase's first occurrence, puts the name where the
// subject is, even when the sentence says 这个 koan again further on.
func TestChineseHeadlinesHoldThePhraseARenameReplaces(t *testing.T) {
	phrase := chinese["The koan"]
	assert.Equal(t, "这个 koan", phrase, "the phrase the course uses for the koan at hand (docs/instructors.md's glossary)")
	for en, zh := range chinese {
		renamable := strings.HasPrefix(en, "The koan ") || strings.HasPrefix(en, "The koan's ")
		if renamable && !strings.HasPrefix(en, "The koan %s") {
			assert.True(t, strings.HasPrefix(zh, phrase), "%q -> %q should open with %q", en, zh, phrase)
		}
	}
}

var argVerbRE = regexp.MustCompile(`%(?:\[(\d+)\])?[-+# 0]*(?:\d+|\*)?(?:\.\d+)?([a-zA-Z%])`)

// verbs lists a format's verbs as "argument:verb", in argument order.
func verbs(format string) []string {
	var out []string
	next := 1
	for _, m := range argVerbRE.FindAllStringSubmatch(format, -1) {
		if m[2] == "%" {
			continue
		}
		if m[1] != "" {
			next, _ = strconv.Atoi(m[1])
		}
		out = append(out, fmt.Sprintf("%d:%s", next, m[2]))
		next++
	}
	sort.Strings(out)
	return out
}

// A translation takes the arguments of its English, each with the same verb
// (a %d stays a %d, a %w a %w), and ends its line where the English does.
func TestChineseFormatsTakeTheSameArguments(t *testing.T) {
	for en, zh := range chinese {
		assert.Equal(t, verbs(en), verbs(zh), "%q -> %q", en, zh)
		assert.Equal(t, strings.Count(en, "\n"), strings.Count(zh, "\n"), "%q -> %q: line breaks", en, zh)
		assert.Equal(t, strings.HasPrefix(en, "\r"), strings.HasPrefix(zh, "\r"), "%q", en)
	}
}

func TestTheCourseTextsFallBackToEnglish(t *testing.T) {
	assert.Equal(t, "通道", Chinese.Pick("Channels", "通道"))
	assert.Equal(t, "Channels", Chinese.Pick("Channels", ""))
	assert.Equal(t, "Channels", English.Pick("Channels", "通道"))
}

// An error made by Errorf reads and wraps as fmt.Errorf's, and a Lang says
// it, and the errors it wraps, in its language.
func TestAnErrorIsSaidInTheLanguageOfWhoPrintsIt(t *testing.T) {
	inner := Errorf("cannot watch %s: %w", "koans", fs.ErrPermission)
	err := Errorf("%w\nWatching does not work here; run `make koans` after each save instead", inner)
	assert.Equal(t, fmt.Errorf("%w\nWatching does not work here; run `make koans` after each save instead", fmt.Errorf("cannot watch %s: %w", "koans", fs.ErrPermission)).Error(), err.Error())
	assert.True(t, errors.Is(err, fs.ErrPermission))
	assert.Equal(t, "koans: cannot watch koans: permission denied\nWatching does not work here; run `make koans` after each save instead\n", English.Sprintf("koans: %v\n", err))
	assert.Equal(t, "koans: 无法监视 koans：permission denied\n这里无法监视文件；请在每次保存后运行 `make koans`\n", Chinese.Sprintf("koans: %v\n", err))
	assert.Equal(t, "koans: permission denied\n", Chinese.Sprintf("koans: %v\n", fs.ErrPermission), "an error of Go's own stays as it is")
}

func TestWidthCountsAChineseCharacterAsTwoColumns(t *testing.T) {
	for s, want := range map[string]int{"": 0, "go": 2, "先行发生于": 10, "Wait 一直阻塞，直到": 5 + 7*2, "（x）": 5} {
		if got := Width(s); got != want {
			t.Errorf("Width(%q) = %d, want %d", s, got, want)
		}
	}
}
