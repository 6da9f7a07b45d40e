package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/gokoans/concurrency/koan/report"
)

func TestASlowLineIsReadBack(t *testing.T) {
	for _, koan := range []string{"TestX", "TestX/sub_test", ""} {
		line := report.SlowLine(koan, 8750*time.Millisecond, 10*time.Second)
		if !strings.HasPrefix(line, report.Slow) {
			t.Errorf("SlowLine(%q) = %q: not after the marker", koan, line)
		}
		ran, limit, ok := report.ReadSlow("koan output\n" + line + "more\n")
		if !ok || ran != "8.8s" || limit != "10s" {
			t.Errorf("ReadSlow(SlowLine(%q)) = %q, %q, %v; want 8.8s, 10s, true", koan, ran, limit, ok)
		}
	}
	if _, _, ok := report.ReadSlow("has run for 1s of the 2s go test allows"); ok {
		t.Error("ReadSlow read a sentence without the marker")
	}
}
