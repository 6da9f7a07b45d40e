package run

import (
	"fmt"
	"strings"
	"testing"
)

// A test that prints far more than the cap keeps its first and last
// KeepBytes, with one line saying how much was cut between them; the
// events kept for recording stay bounded too.
func TestLongOutputKeepsItsHeadAndTail(t *testing.T) {
	var stream strings.Builder
	line := strings.Repeat("x", 999) + "\n"
	const lines = 5_000 // 5 MB: 40 times the cap
	fmt.Fprintln(&stream, `{"Action":"run","Package":"p","Test":"TestLoud"}`)
	fmt.Fprintln(&stream, `{"Action":"output","Package":"p","Test":"TestLoud","Output":"first line\n"}`)
	for i := 0; i < lines; i++ {
		fmt.Fprintf(&stream, `{"Action":"output","Package":"p","Test":"TestLoud","Output":%q}`+"\n", line)
	}
	fmt.Fprintln(&stream, `{"Action":"output","Package":"p","Test":"TestLoud","Output":"panic: the end\n"}`)
	fmt.Fprintln(&stream, `{"Action":"fail","Package":"p","Test":"TestLoud"}`)
	res, err := Replay(strings.NewReader(stream.String()))
	if err != nil {
		t.Fatal(err)
	}
	out := res.Packages["p"].Test("TestLoud").Output
	kept := 0
	cuts := 0
	var cut int64
	for _, l := range out {
		if n, ok := CutBytes(l); ok {
			cuts++
			cut = n
			continue
		}
		kept += len(l)
	}
	total := len("first line\n") + lines*len(line) + len("panic: the end\n")
	if kept > 2*KeepBytes || kept < 2*KeepBytes-2*len(line) {
		t.Errorf("kept %d bytes of %d, want about 2×%d", kept, total, KeepBytes)
	}
	if cuts != 1 || int(cut)+kept != total {
		t.Errorf("%d cut lines saying %d bytes; kept %d of %d", cuts, cut, kept, total)
	}
	if out[0] != "first line\n" || out[len(out)-1] != "panic: the end\n" {
		t.Errorf("head %q, tail %q", out[0], out[len(out)-1])
	}
	eventBytes := 0
	for _, e := range res.Events {
		eventBytes += len(e.Output)
	}
	if eventBytes > EventBytes || res.Events[len(res.Events)-1].Action != "fail" {
		t.Errorf("events keep %d bytes of output (at most %d), the last is %+v", eventBytes, EventBytes, res.Events[len(res.Events)-1])
	}
}

// Output under the cap is kept whole, with no cut line.
func TestShortOutputIsKeptWhole(t *testing.T) {
	var c capped
	for i := 0; i < 10; i++ {
		c.add(fmt.Sprintf("line %d\n", i))
	}
	if got := c.lines(); len(got) != 10 || got[9] != "line 9\n" {
		t.Errorf("got %q", got)
	}
}

// A guard's report in the middle of endless output (the koan's goroutines
// print on until the binary ends) is kept whole, with the tail after it.
func TestAReportAmidLongOutputIsKept(t *testing.T) {
	var c capped
	line := strings.Repeat("x", 999) + "\n"
	for range 1000 {
		c.add(line)
	}
	c.add("koan: slow: the koan has run for 3.5s\n")
	c.add("goroutine 7 [running]:\n")
	for range 2000 { // past the report's room

		c.add(line)
	}
	out := strings.Join(c.lines(), "")
	for _, want := range []string{"koan: slow: the koan has run for 3.5s\ngoroutine 7 [running]:\n", "[koans: "} {
		if !strings.Contains(out, want) {
			t.Errorf("no %q in what was kept", want)
		}
	}
	if len(out) > 2*KeepBytes+ReportBytes+200 {
		t.Errorf("kept %d bytes", len(out))
	}
	if kept := strings.Count(out, "[koans: "); kept != 2 {
		t.Errorf("%d cut lines, want one before the report and one after", kept)
	}
}
