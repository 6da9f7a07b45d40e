package verdict

import (
	"testing"

	"github.com/gokoans/concurrency/internal/lang"
)

// What a koan prints reaches the terminal as words only: no sequence that
// colours, moves the cursor, clears the screen, sets the title or rings the
// bell, and no control character but newline and tab.
func TestKoanOutputLosesItsTerminalControls(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"plain\n\ttabbed 中文\n", "plain\n\ttabbed 中文\n"},
		{"\x1b[31mred\x1b[0m", "red"},
		{"\x1b[2J\x1b[Hcleared\x1b[1;31;4mx\x1b[?25l", "clearedx"},
		{"\x1b]0;title\x07after", "after"},
		{"\x1b]8;;http://x\x1b\\link\x1b]8;;\x1b\\", "link"},
		{"\x1b(Bcharset \x1bc reset \x1b7saved", "charset  reset saved"},
		{"bell\a cr\r bs\b del\x7f nul\x00", "bell cr bs del nul"},
		{"an unended \x1b]0;title\nnext line", "an unended \nnext line"},
		{"trailing \x1b", "trailing "},
		{"trailing \x1b[", "trailing "},
	} {
		if got := clean(tc.in, lang.English); got != tc.want {
			t.Errorf("clean(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// The line that stands for cut output is said in the learner's language.
func TestTheCutLineIsSaidInTheLearnersLanguage(t *testing.T) {
	in := "head\n[koans: 1234 bytes of output cut here]\ntail\n"
	if got, want := clean(in, lang.English), "head\n[1234 bytes of output cut here]\ntail\n"; got != want {
		t.Errorf("English: %q, want %q", got, want)
	}
	if got, want := clean(in, lang.Chinese), "head\n[此处省略了 1234 字节的输出]\ntail\n"; got != want {
		t.Errorf("Chinese: %q, want %q", got, want)
	}
}
