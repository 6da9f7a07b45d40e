package journal

import (
	"cmp"
	"slices"
	"time"
)

// A Summary is what a journal says about a learner's way along the path,
// with no name in it: the figures an instructor can use.
type Summary struct {
	Events int `json:"events"`
	// Broken is the number of lines of the journal that could not be read
	// and were skipped.
	Broken int       `json:"broken"`
	First  time.Time `json:"first,omitzero"` // the first event
	Last   time.Time `json:"last,omitzero"`  // the last one
	// Concepts are the concepts the learner reached, in curriculum order.
	Concepts []ConceptSummary `json:"concepts"`
	// Hardest are the koans that took the most runs, then the longest.
	Hardest []KoanSummary `json:"hardest"`
	// Kinds are the ways the learner's koans failed, commonest first.
	Kinds []KindCount `json:"kinds"`
	Hints int         `json:"hints"` // hints asked in all
	// Koans are every koan the journal names, in curriculum order.
	Koans []KoanSummary `json:"koans"`
}

// A ConceptSummary sums up one concept.
type ConceptSummary struct {
	Concept string `json:"concept"`
	Koans   int    `json:"koans"`  // koans reached or passed
	Passed  int    `json:"passed"` // of those, koans passed
	Runs    int    `json:"runs"`
	Hints   int    `json:"hints"`
	// Seconds is the wall-clock time from the concept's first event to the
	// last of its koans' first passes, breaks included; 0 while none has
	// passed.
	Seconds int64 `json:"seconds"`
}

// A KoanSummary sums up one koan.
type KoanSummary struct {
	Concept string    `json:"concept"`
	Koan    string    `json:"koan"`
	Reached time.Time `json:"reached"` // its first event
	// Passed is when it first passed, if it did: a later walk that finds it
	// passing again (after the learner broke an earlier koan and mended it)
	// does not make it take longer.
	Passed time.Time `json:"passed,omitzero"`
	// Seconds is the wall-clock time from Reached to Passed; 0 while not
	// passed.
	Seconds int64 `json:"seconds"`
	// Runs counts the walks that judged it: those that found it failing,
	// and the one that found it passed.
	Runs int `json:"runs"`
	// Kinds are the ways it failed, in the order the learner met them.
	Kinds []string `json:"kinds"`
	Hints int      `json:"hints"` // hints asked for it
}

// A KindCount is how many runs found a koan failing in one way.
type KindCount struct {
	Kind string `json:"kind"`
	Runs int    `json:"runs"`
}

// Unknown stands for the kind of a run that found a koan failing for a
// reason the runner could not name.
const Unknown = "unknown"

// HardestShown is how many koans Summary.Hardest lists at most.
const HardestShown = 5

// Summarize sums up events (in the order written); broken is the number of
// lines skipped.
func Summarize(events []Event, broken int) Summary {
	s := Summary{Events: len(events), Broken: broken, Concepts: []ConceptSummary{}, Hardest: []KoanSummary{}, Kinds: []KindCount{}, Koans: []KoanSummary{}}
	byKoan := map[Koan]*KoanSummary{}
	kinds := map[string]int{}
	for _, e := range events {
		s.First = minTime(s.First, e.Time)
		s.Last = maxTime(s.Last, e.Time)
		k := byKoan[Koan{e.Concept, e.Koan}]
		if k == nil {
			k = &KoanSummary{Concept: e.Concept, Koan: e.Koan, Reached: e.Time, Kinds: []string{}}
			byKoan[Koan{e.Concept, e.Koan}] = k
		}
		k.Reached = minTime(k.Reached, e.Time)
		switch e.Event {
		case Ran:
			kind := cmp.Or(e.Kind, Unknown)
			kinds[kind]++
			k.Runs++
			if !slices.Contains(k.Kinds, kind) {
				k.Kinds = append(k.Kinds, kind)
			}
		case Passed:
			if k.Passed.IsZero() {
				k.Runs++
			}
			k.Passed = minTime(k.Passed, e.Time)
		case Hint:
			k.Hints++
			s.Hints++
		}
	}
	for _, k := range byKoan {
		if !k.Passed.IsZero() {
			k.Seconds = seconds(k.Passed.Sub(k.Reached))
		}
		s.Koans = append(s.Koans, *k)
	}
	// Concept directories are numbered: their names sort in curriculum order.
	slices.SortFunc(s.Koans, func(a, b KoanSummary) int {
		return cmp.Or(cmp.Compare(a.Concept, b.Concept), a.Reached.Compare(b.Reached), cmp.Compare(a.Koan, b.Koan))
	})
	s.Concepts = concepts(s.Koans)
	s.Hardest = hardest(s.Koans)
	for kind, n := range kinds {
		s.Kinds = append(s.Kinds, KindCount{Kind: kind, Runs: n})
	}
	slices.SortFunc(s.Kinds, func(a, b KindCount) int { return cmp.Or(cmp.Compare(b.Runs, a.Runs), cmp.Compare(a.Kind, b.Kind)) })
	return s
}

// concepts sums koans (sorted by concept) up by concept.
func concepts(koans []KoanSummary) []ConceptSummary {
	out := []ConceptSummary{}
	var first, last time.Time
	for _, k := range koans {
		if len(out) == 0 || out[len(out)-1].Concept != k.Concept {
			out = append(out, ConceptSummary{Concept: k.Concept})
			first, last = k.Reached, time.Time{}
		}
		c := &out[len(out)-1]
		c.Koans++
		c.Runs += k.Runs
		c.Hints += k.Hints
		first = minTime(first, k.Reached)
		if !k.Passed.IsZero() {
			c.Passed++
			last = maxTime(last, k.Passed)
			c.Seconds = seconds(last.Sub(first))
		}
	}
	return out
}

// hardest are the koans with the most runs, then the longest time, at most
// HardestShown of them.
func hardest(koans []KoanSummary) []KoanSummary {
	h := slices.Clone(koans)
	slices.SortStableFunc(h, func(a, b KoanSummary) int {
		return cmp.Or(cmp.Compare(b.Runs, a.Runs), cmp.Compare(b.Seconds, a.Seconds))
	})
	return h[:min(len(h), HardestShown)]
}

func seconds(d time.Duration) int64 { return int64(d.Round(time.Second) / time.Second) }

func minTime(a, b time.Time) time.Time {
	if a.IsZero() || b.Before(a) {
		return b
	}
	return a
}

func maxTime(a, b time.Time) time.Time {
	if b.After(a) {
		return b
	}
	return a
}
