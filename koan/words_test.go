package koan

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/koan/report"
)

// Under plain go test the helper speaks the learner's language, its markers
// kept; in English (the runner's runs) the slow line is the one the runner
// reads back.
func TestTheHelpersReportsAreInTheLearnersLanguage(t *testing.T) {
	defer func(l lang.Lang) { say = l }(say)
	say = lang.Chinese
	var b strings.Builder
	reportStuck(&b, allStacks(), time.Second)
	assert.Contains(t, b.String(), StuckMarker)
	assert.Contains(t, b.String(), "没有任何进展")
	assert.Contains(t, b.String(), "koan: 那一刻的所有 goroutine：")
	b.Reset()
	reportSlow(&b, allStacks(), 3*time.Second)
	assert.Contains(t, b.String(), report.Slow+" ")
	assert.Contains(t, b.String(), "要么它很慢")

	say = lang.English
	b.Reset()
	reportSlow(&b, allStacks(), 3*time.Second)
	ran, limit, ok := report.ReadSlow(b.String())
	assert.True(t, ok, b.String())
	assert.Equal(t, "3s", ran)
	assert.Equal(t, "3.4s", limit)
}
