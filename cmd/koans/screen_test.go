package main

import (
	"context"
	"errors"
	"strings"
	"testing"

	"github.com/gokoans/concurrency/internal/lang"
)

// A hint or a list that fails in the watch (the runner's own trouble, not a
// failing koan) says why, and the watch goes on.
func TestTheWatchSaysWhyAHintOrAListFailed(t *testing.T) {
	var out strings.Builder
	p := screen{Out: &out, Lang: lang.English,
		Hint: func(context.Context) error { return errors.New("no course here") },
		List: func(context.Context) error { return errors.New("the map is unreadable") },
	}
	key := p.keys(func(context.Context) {})
	ctx := context.Background()
	if !key(ctx, 'h') || !key(ctx, 'l') {
		t.Fatal("the watch stopped after a failed command")
	}
	for _, want := range []string{"koans: no course here\n", "koans: the map is unreadable\n"} {
		if !strings.Contains(out.String(), want) {
			t.Errorf("the watch printed %q, without %q", out.String(), want)
		}
	}
	out.Reset()
	cancelled, cancel := context.WithCancel(ctx)
	cancel()
	key(cancelled, 'h')
	if strings.Contains(out.String(), "koans:") {
		t.Errorf("after Ctrl-C the watch still printed %q", out.String())
	}
}
