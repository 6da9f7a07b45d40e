package render

import (
	"bytes"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/waitfor"
)

func drawn(w *waitfor.Picture) string {
	var b bytes.Buffer
	p := &printer{w: &b}
	p.waitFor(w)
	return b.String()
}

// Many leaked goroutines do not push the verdict off the first screen.
func TestThePictureStaysShort(t *testing.T) {
	w := &waitfor.Picture{}
	for i := range 10 {
		w.Blocked = append(w.Blocked, waitfor.Blocked{Goroutine: 10 + i, Line: 9, Wait: waitfor.Send, WaitsFor: "results", Hopeless: true})
	}
	lines := strings.Split(strings.TrimSpace(drawn(w)), "\n")
	assert.Len(t, lines, 1+maxWaitLines)
	assert.Equal(t, "  goroutine 10: waits to send on results (line 9) → no other live goroutine uses results: nothing can wake it", lines[1])
	assert.Equal(t, "  ... and 5 more (go tool koans -json lists every blocked goroutine)", lines[maxWaitLines])
}

// A goroutine that neither holds a lock nor waits hopelessly, outside any
// cycle, adds nothing: the details already say where it waits.
func TestNothingToDrawDrawsNothing(t *testing.T) {
	assert.Empty(t, drawn(nil))
	assert.Empty(t, drawn(&waitfor.Picture{Blocked: []waitfor.Blocked{{Goroutine: 3, Line: 4, Wait: waitfor.Receive, WaitsFor: "ch"}}}))
}

func TestEveryLinkOfACycleIsSaid(t *testing.T) {
	cycle := []waitfor.Step{
		{Goroutine: 1, Koan: true, Wait: waitfor.RLock, WaitsFor: "mu", Line: 5, By: waitfor.Link{Will: waitfor.Lock, Line: 6}},
		{Goroutine: 2, Wait: waitfor.Lock, WaitsFor: "mu", Line: 6, By: waitfor.Link{Holds: true, Read: true, Line: 3}},
		{Goroutine: 3, Wait: waitfor.WaitGroup, WaitsFor: "wg", Line: 8, By: waitfor.Link{Will: waitfor.Done}},
	}
	assert.Equal(t, "the koan itself: waits to read-lock mu (line 5) → goroutine 2 waits to lock it before new readers (line 6) → waits for mu (line 6) → held by goroutine 3 → waits in wg.Wait (line 8) → the koan itself would lower the counter when it returns", cycleLine(cycle))
	cycle[2] = waitfor.Step{Goroutine: 3, Wait: waitfor.Lock, WaitsFor: "other", Line: 8, By: waitfor.Link{Holds: true, Line: 2}}
	assert.True(t, strings.HasPrefix(cycleLine(cycle), "the koan itself: holds other (line 2) → waits to read-lock mu (line 5) → "))
}
