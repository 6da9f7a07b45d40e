package verdict

import "github.com/gokoans/concurrency/internal/waitfor"

// Blocked is one blocked goroutine of a deadlock or a leak in the -json
// verdict: where it waits, on what, and the locks it holds. A lock, a
// channel or a WaitGroup has the same name wherever it appears.
type Blocked struct {
	Goroutine int    `json:"goroutine"`
	File      string `json:"file"`
	Line      int    `json:"line"`
	// Waits is what it waits to do: lock, rlock, send, receive,
	// waitgroup, cond, select, nil (a nil channel), other.
	Waits    string   `json:"waits"`
	WaitsFor string   `json:"waits_for"`
	Holds    []string `json:"holds"`
	// InCycle is set when its wait is part of a cycle of waits.
	InCycle bool `json:"in_cycle,omitempty"`
	// NothingWakes is set when no other live goroutine can end its wait.
	NothingWakes bool `json:"nothing_wakes,omitempty"`
}

func blockedOf(p *waitfor.Picture) []Blocked {
	if p == nil {
		return nil
	}
	inCycle := map[int]bool{}
	for _, c := range p.Cycles {
		for _, s := range c {
			inCycle[s.Goroutine] = true
		}
	}
	var out []Blocked
	for _, b := range p.Blocked {
		j := Blocked{Goroutine: b.Goroutine, File: b.File, Line: b.Line, Waits: string(b.Wait), WaitsFor: b.WaitsFor,
			Holds: []string{}, InCycle: inCycle[b.Goroutine], NothingWakes: b.Hopeless}
		for _, h := range b.Holds {
			j.Holds = append(j.Holds, h.Lock)
		}
		out = append(out, j)
	}
	return out
}
