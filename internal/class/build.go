package class

import (
	"cmp"
	"fmt"
	"slices"
)

// A View is the class summed up.
type View struct {
	Koans    []KoanStat    `json:"koans"`    // the hardest first
	Learners []LearnerStat `json:"learners"` // in the order of their names
	Concepts []string      `json:"concepts"` // in course order
	// Order is every koan in course order: the heatmap's columns.
	Order []ID `json:"-"`
}

// A KoanStat sums up one koan over the class.
type KoanStat struct {
	Rank    int    `json:"rank"` // 1 for the hardest
	Concept string `json:"concept"`
	Koan    string `json:"koan"`
	Reached int    `json:"reached"` // learners who reached it
	Passed  int    `json:"passed"`  // of those, learners who passed it
	// MedianRuns and MedianSeconds are over the learners who passed it
	// and whose journal says how it went: the runs and the time to green.
	MedianRuns    float64     `json:"median_runs"`
	MedianSeconds float64     `json:"median_seconds"`
	Kinds         []KindCount `json:"kinds"` // learners who met each failure kind, commonest first
	Hints         int         `json:"hints"` // hints asked, by all
}

// A KindCount is how many learners saw a koan fail in one way.
type KindCount struct {
	Kind     string `json:"kind"`
	Learners int    `json:"learners"`
}

// A LearnerStat is one learner's progress.
type LearnerStat struct {
	Name     string        `json:"name"`
	Passed   int           `json:"passed"`
	Reached  int           `json:"reached"`
	Total    int           `json:"total"`
	Concepts []ConceptStat `json:"concepts"`
	Cells    []string      `json:"cells"` // per koan of Order: passed, stuck or unreached
	Runs     []int         `json:"-"`     // per koan of Order
}

// A ConceptStat is one learner's progress in one concept.
type ConceptStat struct {
	Concept string `json:"concept"`
	Passed  int    `json:"passed"`
	Koans   int    `json:"koans"`
}

// The states of a heatmap cell.
const (
	CellPassed    = "passed"
	CellStuck     = "stuck" // reached, not passed
	CellUnreached = "unreached"
)

// Build sums the learners up. order is the course's koans in order (nil:
// the order their results give).
func Build(learners []*Learner, order []ID) View {
	if len(order) == 0 {
		order = unionOrder(learners)
	}
	v := View{Order: order, Koans: []KoanStat{}, Learners: []LearnerStat{}, Concepts: []string{}}
	for _, id := range order {
		if !slices.Contains(v.Concepts, id.Concept) {
			v.Concepts = append(v.Concepts, id.Concept)
		}
		v.Koans = append(v.Koans, koanStat(id, learners))
	}
	for _, l := range learners {
		v.Learners = append(v.Learners, learnerStat(l, order, v.Concepts))
	}
	index := map[ID]int{}
	for i, id := range order {
		index[id] = i
	}
	slices.SortStableFunc(v.Koans, func(a, b KoanStat) int { return harder(a, b, index) })
	for i := range v.Koans {
		v.Koans[i].Rank = i + 1
	}
	return v
}

// harder orders koans hardest first: those reached before those not; then
// the smaller share of learners who passed, the more runs, the longer time;
// then course order.
func harder(a, b KoanStat, index map[ID]int) int {
	share := func(k KoanStat) float64 { return float64(k.Passed) / float64(max(k.Reached, 1)) }
	return cmp.Or(
		cmp.Compare(min(b.Reached, 1), min(a.Reached, 1)),
		cmp.Compare(share(a), share(b)),
		cmp.Compare(b.MedianRuns, a.MedianRuns),
		cmp.Compare(b.MedianSeconds, a.MedianSeconds),
		cmp.Compare(index[ID{a.Concept, a.Koan}], index[ID{b.Concept, b.Koan}]))
}

func koanStat(id ID, learners []*Learner) KoanStat {
	k := KoanStat{Concept: id.Concept, Koan: id.Koan, Kinds: []KindCount{}}
	var runs, secs []float64
	kinds := map[string]int{}
	for _, l := range learners {
		r := l.Koans[id]
		if r == nil || !r.Reached {
			continue
		}
		k.Reached++
		k.Hints += r.Hints
		for _, kind := range r.Kinds {
			kinds[kind]++
		}
		if r.Passed {
			k.Passed++
			if r.Runs > 0 {
				runs = append(runs, float64(r.Runs))
				secs = append(secs, float64(r.Seconds))
			}
		}
	}
	k.MedianRuns, k.MedianSeconds = median(runs), median(secs)
	for kind, n := range kinds {
		k.Kinds = append(k.Kinds, KindCount{Kind: kind, Learners: n})
	}
	slices.SortFunc(k.Kinds, func(a, b KindCount) int {
		return cmp.Or(cmp.Compare(b.Learners, a.Learners), cmp.Compare(a.Kind, b.Kind))
	})
	return k
}

func learnerStat(l *Learner, order []ID, concepts []string) LearnerStat {
	s := LearnerStat{Name: l.Name, Total: len(order), Concepts: []ConceptStat{}}
	by := map[string]*ConceptStat{}
	for _, c := range concepts {
		s.Concepts = append(s.Concepts, ConceptStat{Concept: c})
	}
	for i := range s.Concepts {
		by[s.Concepts[i].Concept] = &s.Concepts[i]
	}
	for _, id := range order {
		c := by[id.Concept]
		c.Koans++
		r := l.Koans[id]
		cell, runs := CellUnreached, 0
		switch {
		case r != nil && r.Passed:
			cell, runs = CellPassed, r.Runs
			s.Passed++
			s.Reached++
			c.Passed++
		case r != nil && r.Reached:
			cell, runs = CellStuck, r.Runs
			s.Reached++
		}
		s.Cells = append(s.Cells, cell)
		s.Runs = append(s.Runs, runs)
	}
	return s
}

// unionOrder is the koans the learners' results name: in the order of a
// result.json where there is one, else by concept and name.
func unionOrder(learners []*Learner) []ID {
	var out []ID
	seen := map[ID]bool{}
	for _, l := range learners {
		for _, id := range l.Order {
			if !seen[id] {
				seen[id] = true
				out = append(out, id)
			}
		}
	}
	var rest []ID
	for _, l := range learners {
		for id := range l.Koans {
			if !seen[id] {
				seen[id] = true
				rest = append(rest, id)
			}
		}
	}
	slices.SortFunc(rest, func(a, b ID) int { return cmp.Or(cmp.Compare(a.Concept, b.Concept), cmp.Compare(a.Koan, b.Koan)) })
	out = append(out, rest...)
	slices.SortStableFunc(out, func(a, b ID) int { return cmp.Compare(a.Concept, b.Concept) })
	return out
}

// median of xs, 0 when there is none.
func median(xs []float64) float64 {
	if len(xs) == 0 {
		return 0
	}
	slices.Sort(xs)
	n := len(xs)
	if n%2 == 1 {
		return xs[n/2]
	}
	return (xs[n/2-1] + xs[n/2]) / 2
}

// Anonymize replaces the learners' names by learner-01, learner-02...,
// in the order of the names.
func (v *View) Anonymize() {
	width := len(fmt.Sprint(len(v.Learners)))
	for i := range v.Learners {
		v.Learners[i].Name = fmt.Sprintf("learner-%0*d", max(width, 2), i+1)
	}
}
