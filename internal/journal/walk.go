package journal

import "time"

// A Koan names a koan on the path.
type Koan struct {
	Concept string
	Name    string
}

// A Step is one koan of the path as a walk left it.
type Step struct {
	Koan
	Passed bool // passed and judged (a race koan without -race is not)
}

// A Walk is what one of the learner's walks found: the path in curriculum
// order, where the walk before it had stopped, and where this one stopped.
type Walk struct {
	Time time.Time
	Path []Step
	// Stood is the koan the walk before had stopped at; zero when unknown
	// (the first walk).
	Stood Koan
	// Current is the koan this walk stopped at, and Kind how it failed;
	// zero when every koan passes.
	Current Koan
	Kind    string
}

// Events are the journal's lines for w: every koan from the one the learner
// stood at up to the one the walk stopped at that now passes; the koan it
// stopped at, reached if the learner was not already there; and the run
// that found it failing.
func (w Walk) Events() []Event {
	var events []Event
	add := func(event string, k Koan, kind string) {
		events = append(events, Event{Time: w.Time, Event: event, Concept: k.Concept, Koan: k.Name, Kind: kind})
	}
	from, to := -1, len(w.Path)
	for i, s := range w.Path {
		if s.Koan == w.Stood {
			from = i
		}
		if s.Koan == w.Current {
			to = i
		}
	}
	if from >= 0 {
		for _, s := range w.Path[from:max(from, to)] {
			if s.Passed {
				add(Passed, s.Koan, "")
			}
		}
	}
	if w.Current == (Koan{}) {
		return events
	}
	if w.Current != w.Stood {
		add(Reached, w.Current, "")
	}
	add(Ran, w.Current, w.Kind)
	return events
}

// Record appends w's events to root's journal.
func Record(root string, w Walk) error { return Append(root, w.Events()...) }
