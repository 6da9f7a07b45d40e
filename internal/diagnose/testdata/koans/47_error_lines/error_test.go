//go:build koanfixture

package errorlines

import "testing"

// A koan that logs (t.Log prints file:line: as t.Error does) before it
// fails with an error of two lines. Go 1.27's go test -json marks the
// error's lines (OutputType "error", "error-continue"): the verdict is at
// the error's line, and its details are the error's lines alone.
func TestAKoanThatLogsBeforeItFails(t *testing.T) {
	got := 2
	t.Log("computing the answer")
	t.Logf("got %d so far", got)
	if got != 1 {
		t.Errorf("wanted 1, got %d\nthe error's second line", got)
	}
}
