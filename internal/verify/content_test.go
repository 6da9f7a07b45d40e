package verify

import "testing"

// Chinese text writes an answer flush against its words, with no space: a
// Chinese character beside the answer is a boundary, not a letter of it.
// Before, `close(ch)` in 用close(ch)关闭通道 slipped through.
func TestAnAnswerFlushAgainstChineseIsFound(t *testing.T) {
	for _, tc := range []struct {
		text, ans string
		want      bool
	}{
		{"用close(ch)关闭通道", "close(ch)", true},
		{"调用wg.Wait()之后再读", "wg.Wait()", true},
		{"计数器total就是答案", "total", true},
		{"用<-done等待，再读", "<-done", true},
		{"计数器subtotal", "total", false},
		{"计数器totally", "total", false},
		{"原子计数用atomic.Int64s", "atomic.Int64", false},
	} {
		if got := containsAnswer(tc.text, tc.ans); got != tc.want {
			t.Errorf("containsAnswer(%q, %q) = %v, want %v", tc.text, tc.ans, got, tc.want)
		}
	}
}
