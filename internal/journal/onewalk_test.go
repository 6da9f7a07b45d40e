package journal

import (
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/lang"
)

// A journal of one line (a koan reached, never yet seen failing) sums up
// without a dangling "failed as ".
func TestStatsOnAOneLineJournalSaysNoEmptyFailedAs(t *testing.T) {
	at := time.Date(2026, 12, 1, 10, 0, 0, 0, time.UTC)
	s := Summarize([]Event{{Time: at, Event: Reached, Concept: "01_goroutines", Koan: "TestX"}}, 0)
	var b strings.Builder
	writeSummary(&b, s, lang.English)
	assert.NotContains(t, b.String(), "failed as")
	assert.Contains(t, b.String(), "1. TestX (01_goroutines): 0 runs, -\n")
}
