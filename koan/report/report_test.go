package report_test

import (
	"strings"
	"testing"
	"time"

	"github.com/gokoans/concurrency/koan/report"
)

// A report's line is read back whole, from among other output, and the
// text after it (the dump) comes with it.
func TestAReportLineIsReadBack(t *testing.T) {
	want := report.Report{Kind: report.KindSlow, Koan: "TestX", Ran: 8750 * time.Millisecond, Limit: 10 * time.Second, Goroutines: []int{7, 9}}
	line := want.Line()
	if !strings.HasPrefix(line, report.Data+" {") || strings.Count(line, "\n") != 1 {
		t.Fatalf("Line() = %q: not one line after the marker", line)
	}
	text := "koan output\n" + report.Report{Kind: report.KindLeak}.Line() + line + "koan: slow: words\ngoroutine 7 [running]:\n"
	got, after, ok := report.Find(text, report.KindSlow)
	if !ok || got.Koan != want.Koan || got.Ran != want.Ran || got.Limit != want.Limit || len(got.Goroutines) != 2 || got.Goroutines[1] != 9 {
		t.Errorf("Find = %+v, %v; want %+v", got, ok, want)
	}
	if after != "koan: slow: words\ngoroutine 7 [running]:\n" {
		t.Errorf("Find's text after the line = %q", after)
	}
}

// Only a whole line that starts with the marker and decodes is a report:
// the sentence a person reads is never one, nor is a line cut short.
func TestOnlyAWholeLineIsAReport(t *testing.T) {
	for _, text := range []string{
		"koan: stuck: TestX made no progress for 1.5s\n",
		"say " + report.Report{Kind: report.KindStuck}.Line(),
		report.Data + ` {"kind":"stuck","goroutines":[1,` + "\n",
		"",
	} {
		if r, _, ok := report.Find(text, report.KindStuck); ok {
			t.Errorf("Find(%q) = %+v: want none", text, r)
		}
	}
}
