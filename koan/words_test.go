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
// kept; the machine line the runner reads is the same in every language.
func TestTheHelpersReportsAreInTheLearnersLanguage(t *testing.T) {
	defer func(l lang.Lang) { say = l }(say)
	say = lang.Chinese
	dump := string(stacksInto(nil))
	slow := report.Report{Kind: report.KindSlow, Koan: t.Name(), Ran: 3 * time.Second, Limit: 3400 * time.Millisecond}
	var b strings.Builder
	reportStuck(&b, report.Report{Kind: report.KindStuck, Koan: t.Name(), Waited: time.Second}, nil, dump)
	assert.Contains(t, b.String(), StuckMarker)
	assert.Contains(t, b.String(), "没有任何进展")
	assert.Contains(t, b.String(), "koan: 那一刻的所有 goroutine：")
	b.Reset()
	reportSlow(&b, slow, nil, dump)
	assert.Contains(t, b.String(), SlowMarker+" ")
	assert.Contains(t, b.String(), "要么它很慢")
	zh := b.String()

	say = lang.English
	b.Reset()
	reportSlow(&b, slow, nil, dump)
	for _, out := range []string{zh, b.String()} {
		r, _, ok := report.Find(out, report.KindSlow)
		assert.True(t, ok, out)
		assert.Equal(t, slow.Ran, r.Ran)
		assert.Equal(t, slow.Limit, r.Limit)
	}
}
