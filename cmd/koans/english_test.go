package main

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode"

	"github.com/rogpeppe/go-internal/testscript"
	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/lang"
)

// englishWordRE is a word of English prose: letters, capitalised or not,
// maybe with an apostrophe, maybe ending a clause. Go identifiers with a
// capital inside (WaitGroup, TestName), paths, flags, numbers and code are
// not words.
var englishWordRE = regexp.MustCompile(`^[A-Za-z][a-z]*('[a-z]+)?[,.;:!?)]?$`)

// quotedRE finds what the runner quotes rather than says: code in
// backticks, quoted text (program output, names), URLs.
var quotedRE = regexp.MustCompile("`[^`]*`|\"[^\"]*\"|“[^”]*”|'[^']*'|https?://\\S+")

// excerptRE is a line of the verdict's excerpt of the koan's source.
var excerptRE = regexp.MustCompile(`^\s*>?\s+\d+ \| `)

// englishSentences finds the English sentences in text that is meant to
// be Chinese: three or more English words in a row, outside quotes and
// backticks, URLs, Go comments and the excerpt of the source; a run that starts with
// go or make is a command, not a sentence. Chinese characters end a run.
func englishSentences(text string) []string {
	var found []string
	for _, line := range strings.Split(text, "\n") {
		if excerptRE.MatchString(line) {
			continue
		}
		line = quotedRE.ReplaceAllString(line, " · ")
		line, _, _ = strings.Cut(line, "//") // a comment of Go code (solution's diff): code
		segments := strings.FieldsFunc(line, func(r rune) bool { return lang.Wide(r) })
		for _, seg := range segments {
			var run []string
			flush := func() {
				if len(run) >= 3 {
					found = append(found, strings.Join(run, " "))
				}
				run = nil
			}
			for _, tok := range strings.Fields(seg) {
				if len(run) == 0 && (tok == "go" || tok == "make") {
					break // a command
				}
				if englishWordRE.MatchString(tok) && !isUpperWord(tok) {
					run = append(run, tok)
					continue
				}
				flush()
			}
			flush()
		}
	}
	return found
}

// isUpperWord: an acronym or a marker (JSON, OK) is no word of prose.
func isUpperWord(tok string) bool {
	letters := strings.TrimFunc(tok, func(r rune) bool { return !unicode.IsLetter(r) })
	return len(letters) > 1 && strings.ToUpper(letters) == letters
}

func TestTheEnglishSentenceDetector(t *testing.T) {
	for text, want := range map[string][]string{
		"Koan  An unbuffered send waits for a receiver":                  {"Koan An unbuffered send waits for a receiver"},
		"提示：An unbuffered send waits for a receiver（koans/x.go:13）":      {"An unbuffered send waits for a receiver"},
		"Wait 一直阻塞，直到计数器归零":                                              nil,
		"卡住了？`make hint KOAN=TestX` 会给你一点提示。":                            nil,
		"再运行 go tool koans hint 可以得到提示":                                  nil,
		"WaitGroup 的 Add Done 方法":                                        nil, // two words, then Chinese
		"调用 Add Done Wait 的顺序":                                           {"Add Done Wait"},
		"它打印了 \"all goroutines are asleep\"":                             nil,
		"  >   16 |     assert.Equal(t, __, <-ch) // is having slept as": nil,
		"koans/01_blank/blank_test.go:16 TestAnUnbufferedSend 01_blank":  nil,
		"见 https://go.dev/ref/mem#the memory model":                      nil,
		"  2. Look at the send statement.":                               {"Look at the send statement."},
		"  	ch <- 7 // a send that does not wait":                        nil,
		"进度 [####....] 1/3":                                              nil,
	} {
		assert.Equal(t, want, englishSentences(text), text)
	}
}

// noenglish stdout|stderr: the last command's output holds no English
// sentence (englishSentences): for the runner in Chinese.
func cmdNoEnglish(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 || (args[0] != "stdout" && args[0] != "stderr") {
		ts.Fatalf("usage: noenglish stdout|stderr")
	}
	if found := englishSentences(ts.ReadFile(args[0])); len(found) > 0 {
		ts.Fatalf("%s holds English sentences:\n\t%s", args[0], strings.Join(found, "\n\t"))
	}
}

// Every verdict the diagnosis has a golden for, said in Chinese: no English
// sentence but in what the koan or the runtime printed (the blocks the
// verdict quotes, which the runner does not translate).
func TestTheChineseVerdictsHoldNoEnglishSentence(t *testing.T) {
	files, err := filepath.Glob("../../internal/diagnose/testdata/golden/*.zh.txt")
	if err != nil || len(files) < 10 {
		t.Fatalf("found %d Chinese goldens (%v): are they still there?", len(files), err)
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if found := englishSentences(said(string(data))); len(found) > 0 {
			t.Errorf("%s:\n\t%s", filepath.Base(f), strings.Join(found, "\n\t"))
		}
	}
}

// said is a verdict without what it quotes of the koan's own output: the
// lines after a heading that ends in a colon (这个 koan 自己打印的内容：),
// indented, as the verdict prints them; the runtime's fatal error or panic
// value and testify's message; and the fixture's titles (its catalogs have
// no title_zh).
func said(text string) string {
	var out []string
	quoting := false
	for _, line := range strings.Split(text, "\n") {
		switch {
		case quoting && strings.HasPrefix(line, "  "):
			continue
		case strings.HasSuffix(line, "：") && !strings.HasPrefix(line, " "):
			quoting = true
		default:
			quoting = false
		}
		if strings.HasPrefix(line, "概念  ") || strings.HasPrefix(line, "Koan  ") {
			continue // the fixture's titles: the catalog's words, with no Chinese there
		}
		for _, quote := range []string{"fatal error: ", "panic 了：", "消息："} {
			line, _, _ = strings.Cut(line, quote) // the runtime's or testify's words follow
		}
		out = append(out, line)
	}
	return strings.Join(out, "\n")
}
