package journal

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2026, 11, 27, 10, 0, 0, 0, time.UTC)

func at(min int) time.Time { return t0.Add(time.Duration(min) * time.Minute) }

// Broken lines are skipped and named by number; the events around them are
// kept, and a line with no end (a cut-short write) is read too.
func TestParseSkipsBrokenLinesAndKeepsTheRest(t *testing.T) {
	long := `{"event":"ran","koan":"` + strings.Repeat("x", 200_000) // longer than bufio.Scanner's limit
	in := strings.Join([]string{
		`{"time":"2026-11-27T10:00:00Z","event":"reached","concept":"01_a","koan":"TestA"}`,
		`{"time":"2026-11-27T10:01:00Z","event":"ran","concept":"01_a","ko`, // cut short
		``,
		`not json at all`,
		`{"time":"2026-11-27T10:02:00Z","event":"danced","concept":"01_a","koan":"TestA"}`,
		`{"event":"passed","concept":"01_a","koan":"TestA"}`,                             // no time
		`{"time":"2026-11-27T10:02:00Z","event":"hint","concept":"01_a","koan":"TestA"}`, // no level
		long,
		`{"time":"2026-11-27T10:03:00Z","event":"passed","concept":"01_a","koan":"TestA"}`,
		`{"time":"2026-11-27T10:04:00Z","event":"reached","concept":"01_a","koan":"TestB"}`, // no newline at the end
	}, "\n")
	events, broken, err := Parse(strings.NewReader(in))
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range events {
		got = append(got, e.Event+" "+e.Koan)
	}
	if want := []string{"reached TestA", "passed TestA", "reached TestB"}; !reflect.DeepEqual(got, want) {
		t.Errorf("events %q, want %q", got, want)
	}
	var lines []int
	for _, b := range broken {
		lines = append(lines, b.Line)
		if b.Why == "" || len(b.Why) > 200 {
			t.Errorf("line %d: reason %d bytes long: %.80q", b.Line, len(b.Why), b.Why)
		}
	}
	if want := []int{2, 4, 5, 6, 7, 8}; !reflect.DeepEqual(lines, want) {
		t.Errorf("broken lines %v, want %v", lines, want)
	}
	if s := broken[0].String(); !strings.HasPrefix(s, ".koans/journal.jsonl:2: not a JSON object") {
		t.Errorf("broken line says %q", s)
	}
}

func TestReadOfNoJournalIsEmpty(t *testing.T) {
	events, broken, err := Read(t.TempDir())
	if err != nil || len(events) != 0 || len(broken) != 0 {
		t.Errorf("Read = %v, %v, %v; want nothing", events, broken, err)
	}
}

// After a write cut short, the next events start on a line of their own:
// only the broken line is lost.
func TestAppendAfterACutShortLineLosesOnlyThatLine(t *testing.T) {
	root := t.TempDir()
	if err := Append(root, Event{Time: at(0), Event: Reached, Concept: "01_a", Koan: "TestA"}); err != nil {
		t.Fatal(err)
	}
	f, err := os.OpenFile(Path(root), os.O_APPEND|os.O_WRONLY, 0)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString(`{"time":"2026-11-27T10:01:00Z","ev`)
	f.Close()
	if err := Append(root, Event{Time: at(2), Event: Ran, Concept: "01_a", Koan: "TestA", Kind: "blank"}); err != nil {
		t.Fatal(err)
	}
	events, broken, err := Read(root)
	if err != nil {
		t.Fatal(err)
	}
	if len(events) != 2 || events[1].Kind != "blank" || len(broken) != 1 || broken[0].Line != 2 {
		t.Errorf("events %+v, broken %+v; want the two whole events and line 2 broken", events, broken)
	}
	if _, err := os.Stat(filepath.Join(root, ".koans")); err != nil {
		t.Error(err)
	}
}

var (
	a = Koan{"01_a", "TestA"}
	b = Koan{"01_a", "TestB"}
	c = Koan{"02_c", "TestC"}
)

func path(passed ...Koan) []Step {
	var steps []Step
	for _, k := range []Koan{a, b, c} {
		steps = append(steps, Step{Koan: k, Passed: reflectContains(passed, k)})
	}
	return steps
}

func reflectContains(ks []Koan, k Koan) bool {
	for _, x := range ks {
		if x == k {
			return true
		}
	}
	return false
}

func TestWalkEvents(t *testing.T) {
	cases := []struct {
		name string
		walk Walk
		want []string
	}{
		{"first walk", Walk{Path: path(), Current: a, Kind: "blank"},
			[]string{"reached TestA", "ran TestA blank"}},
		{"again on the same koan", Walk{Path: path(), Stood: a, Current: a, Kind: "deadlock"},
			[]string{"ran TestA deadlock"}},
		{"passed one", Walk{Path: path(a), Stood: a, Current: b, Kind: "leak"},
			[]string{"passed TestA", "reached TestB", "ran TestB leak"}},
		{"passed two at once", Walk{Path: path(a, b), Stood: a, Current: c, Kind: "race"},
			[]string{"passed TestA", "passed TestB", "reached TestC", "ran TestC race"}},
		{"broke an earlier koan", Walk{Path: path(), Stood: b, Current: a, Kind: "compile"},
			[]string{"reached TestA", "ran TestA compile"}},
		{"the last koan", Walk{Path: path(a, b, c), Stood: c},
			[]string{"passed TestC"}},
		{"a run that could not say why", Walk{Path: path(), Stood: a, Current: a},
			[]string{"ran TestA "}},
	}
	for _, tc := range cases {
		var got []string
		for _, e := range tc.walk.Events() {
			s := e.Event + " " + e.Koan
			if e.Event == Ran {
				s += " " + e.Kind
			}
			got = append(got, s)
		}
		if !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s: events %q, want %q", tc.name, got, tc.want)
		}
	}
}

// Record and Read agree, and the events read back are the ones that went in.
func TestRecordThenRead(t *testing.T) {
	root := t.TempDir()
	for _, w := range []Walk{
		{Time: at(0), Path: path(), Current: a, Kind: "blank"},
		{Time: at(3), Path: path(a), Stood: a, Current: b, Kind: "leak"},
	} {
		if err := Record(root, w); err != nil {
			t.Fatal(err)
		}
	}
	events, broken, err := Read(root)
	if err != nil || len(broken) != 0 {
		t.Fatal(err, broken)
	}
	want := []Event{
		{Time: at(0), Event: Reached, Concept: "01_a", Koan: "TestA"},
		{Time: at(0), Event: Ran, Concept: "01_a", Koan: "TestA", Kind: "blank"},
		{Time: at(3), Event: Passed, Concept: "01_a", Koan: "TestA"},
		{Time: at(3), Event: Reached, Concept: "01_a", Koan: "TestB"},
		{Time: at(3), Event: Ran, Concept: "01_a", Koan: "TestB", Kind: "leak"},
	}
	if !reflect.DeepEqual(events, want) {
		t.Errorf("read back %+v\nwant %+v", events, want)
	}
}

// The cost a learner's save pays: one walk of a 200-koan path recorded in
// a journal that already holds a long walk's worth of lines.
func BenchmarkRecord(b *testing.B) {
	root := b.TempDir()
	var w Walk
	for i := range 200 {
		k := Koan{"10_c", "TestKoan" + strings.Repeat("x", i%7) + string(rune('A'+i%26))}
		w.Path = append(w.Path, Step{Koan: k, Passed: i < 100})
	}
	w.Stood, w.Current, w.Kind = w.Path[99].Koan, w.Path[100].Koan, "blank"
	for range 5000 {
		if err := Record(root, w); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		w.Time = time.Now()
		if err := Record(root, w); err != nil {
			b.Fatal(err)
		}
	}
}
