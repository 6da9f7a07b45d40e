package journal

import (
	"reflect"
	"testing"
)

func ev(min int, event string, k Koan, kind string) Event {
	e := Event{Time: at(min), Event: event, Concept: k.Concept, Koan: k.Name, Kind: kind}
	if event == Hint {
		e.Level = 1
	}
	return e
}

func TestSummarize(t *testing.T) {
	events := []Event{
		ev(0, Reached, a, ""), ev(0, Ran, a, "blank"), ev(1, Ran, a, "blank"),
		ev(2, Passed, a, ""), ev(2, Reached, b, ""), ev(2, Ran, b, "deadlock"),
		ev(4, Hint, b, ""), ev(5, Ran, b, "leak"), ev(6, Ran, b, "deadlock"),
		ev(10, Passed, b, ""), ev(10, Reached, c, ""), ev(10, Ran, c, "blank"),
		ev(11, Hint, c, ""), ev(12, Ran, c, ""),
		// An earlier koan broken and mended: TestA and TestB pass again,
		// which neither adds a run nor time to them.
		ev(13, Reached, a, ""), ev(13, Ran, a, "compile"), ev(14, Passed, a, ""), ev(14, Passed, b, ""),
	}
	s := Summarize(events, 2)
	if s.Events != 18 || s.Broken != 2 || s.Hints != 2 || !s.First.Equal(at(0)) || !s.Last.Equal(at(14)) {
		t.Errorf("totals %d events, %d broken, %d hints, %v to %v", s.Events, s.Broken, s.Hints, s.First, s.Last)
	}
	wantConcepts := []ConceptSummary{
		{Concept: "01_a", Koans: 2, Passed: 2, Runs: 8, Hints: 1, Seconds: 600},
		{Concept: "02_c", Koans: 1, Passed: 0, Runs: 2, Hints: 1, Seconds: 0},
	}
	if !reflect.DeepEqual(s.Concepts, wantConcepts) {
		t.Errorf("concepts\n%+v\nwant\n%+v", s.Concepts, wantConcepts)
	}
	var hardest []string
	for _, k := range s.Hardest {
		hardest = append(hardest, k.Koan)
	}
	if want := []string{"TestB", "TestA", "TestC"}; !reflect.DeepEqual(hardest, want) {
		t.Errorf("hardest %v, want %v", hardest, want)
	}
	if k := s.Hardest[0]; k.Runs != 4 || k.Seconds != 480 || !reflect.DeepEqual(k.Kinds, []string{"deadlock", "leak"}) || k.Hints != 1 {
		t.Errorf("TestB: %+v", k)
	}
	if k := s.Hardest[1]; k.Runs != 4 || k.Seconds != 120 || !reflect.DeepEqual(k.Kinds, []string{"blank", "compile"}) {
		t.Errorf("TestA: %+v", k)
	}
	wantKinds := []KindCount{{"blank", 3}, {"deadlock", 2}, {"compile", 1}, {"leak", 1}, {Unknown, 1}}
	if !reflect.DeepEqual(s.Kinds, wantKinds) {
		t.Errorf("kinds %+v, want %+v", s.Kinds, wantKinds)
	}
}

// Two koans with as many runs: the one that took longer is the harder.
// Only HardestShown are listed.
func TestHardestBreaksTiesByTime(t *testing.T) {
	var events []Event
	for i := range 8 {
		k := Koan{"01_a", string(rune('A' + i))}
		events = append(events, ev(i*10, Reached, k, ""), ev(i*10, Ran, k, "blank"), ev(i*10+i, Passed, k, ""))
	}
	s := Summarize(events, 0)
	var got []string
	for _, k := range s.Hardest {
		got = append(got, k.Koan)
	}
	if want := []string{"H", "G", "F", "E", "D"}; !reflect.DeepEqual(got, want) {
		t.Errorf("hardest %v, want %v", got, want)
	}
}

func TestSummaryOfNothing(t *testing.T) {
	s := Summarize(nil, 0)
	if s.Events != 0 || s.Concepts == nil || s.Hardest == nil || s.Kinds == nil || s.Koans == nil {
		t.Errorf("%+v: want zero counts and empty (not null) lists", s)
	}
}
