package render

import (
	"fmt"
	"strings"

	"github.com/gokoans/concurrency/internal/waitfor"
)

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

// maxWaitLines keeps the picture on the learner's first screen.
const maxWaitLines = 6

// waitFor draws who waits for whom, in as few lines as it can: each cycle
// of waits as one chain, then the goroutines nothing can wake, then the
// other goroutines that hold a lock while they wait.
func (p *printer) waitFor(w *waitfor.Picture) {
	if w == nil {
		return
	}
	var lines []string
	inCycle := map[int]bool{}
	for _, c := range w.Cycles {
		lines = append(lines, cycleLine(c))
		for _, s := range c {
			inCycle[s.Goroutine] = true
		}
	}
	for _, b := range w.Blocked {
		switch {
		case b.Hopeless:
			lines = append(lines, fmt.Sprintf("%s: %s → %s", whoOf(b.Goroutine, b.Koan), waitClause(b.Wait, b.WaitsFor, b.Line), hopelessClause(b)))
		case len(b.Holds) > 0 && !inCycle[b.Goroutine]:
			lines = append(lines, fmt.Sprintf("%s: %s → %s", whoOf(b.Goroutine, b.Koan), holdsClause(b.Holds), waitClause(b.Wait, b.WaitsFor, b.Line)))
		}
	}
	if len(lines) == 0 {
		return
	}
	if len(lines) > maxWaitLines {
		more := len(lines) - maxWaitLines + 1
		lines = append(lines[:maxWaitLines-1], fmt.Sprintf("... and %d more (go tool koans -json lists every blocked goroutine)", more))
	}
	p.line("")
	p.line(p.s.bold("Who waits for whom:"))
	for _, l := range lines {
		p.line("  " + l)
	}
}

// cycleLine draws a cycle as one chain: what the first goroutine holds (if
// the last one waits for it), then each wait and who keeps it waiting.
func cycleLine(c []waitfor.Step) string {
	var chain []string
	last := c[len(c)-1]
	if last.By.Holds {
		chain = append(chain, holdsClause([]waitfor.Hold{{Lock: last.WaitsFor, Read: last.By.Read, Line: last.By.Line}}))
	}
	for i, s := range c {
		next := c[(i+1)%len(c)]
		chain = append(chain, waitClause(s.Wait, s.WaitsFor, s.Line), linkClause(s.By, whoOf(next.Goroutine, next.Koan)))
	}
	return fmt.Sprintf("%s: %s", whoOf(c[0].Goroutine, c[0].Koan), strings.Join(chain, " → "))
}

func whoOf(id int, koan bool) string {
	if koan {
		return "the koan itself"
	}
	return fmt.Sprintf("goroutine %d", id)
}

// waitClause says what a goroutine waits to do, on what, where.
func waitClause(w waitfor.Wait, what string, line int) string {
	if what == "" {
		what = "?"
	}
	switch w {
	case waitfor.Lock:
		return fmt.Sprintf("waits for %s (line %d)", what, line)
	case waitfor.RLock:
		return fmt.Sprintf("waits to read-lock %s (line %d)", what, line)
	case waitfor.Send:
		return fmt.Sprintf("waits to send on %s (line %d)", what, line)
	case waitfor.Receive:
		return fmt.Sprintf("waits to receive from %s (line %d)", what, line)
	case waitfor.WaitGroup:
		return fmt.Sprintf("waits in %s.Wait (line %d)", what, line)
	case waitfor.Cond:
		return fmt.Sprintf("waits in %s.Wait (line %d)", what, line)
	case waitfor.NilChan:
		return fmt.Sprintf("waits on a nil channel (line %d)", line)
	}
	return fmt.Sprintf("waits (line %d)", line)
}

// linkClause says how the next goroutine of a cycle keeps a wait going.
func linkClause(l waitfor.Link, who string) string {
	switch {
	case l.Holds:
		return fmt.Sprintf("held by %s", who)
	case l.Will == waitfor.Lock:
		return fmt.Sprintf("%s waits to lock it before new readers (line %d)", who, l.Line)
	case l.Will == waitfor.Receive:
		return fmt.Sprintf("%s would receive it (line %d)", who, l.Line)
	case l.Will == waitfor.Send:
		return fmt.Sprintf("%s would send (line %d)", who, l.Line)
	case l.Will == waitfor.Close:
		return fmt.Sprintf("%s would close it (line %d)", who, l.Line)
	case l.Will == waitfor.Done && l.Line > 0:
		return fmt.Sprintf("%s would call Done (line %d)", who, l.Line)
	}
	return fmt.Sprintf("%s would lower the counter when it returns", who)
}

func holdsClause(hs []waitfor.Hold) string {
	var parts []string
	for _, h := range hs {
		if h.Read {
			parts = append(parts, fmt.Sprintf("holds %s for reading (line %d)", h.Lock, h.Line))
		} else {
			parts = append(parts, fmt.Sprintf("holds %s (line %d)", h.Lock, h.Line))
		}
	}
	return strings.Join(parts, ", ")
}

func hopelessClause(b waitfor.Blocked) string {
	switch b.Wait {
	case waitfor.NilChan:
		return "nothing can ever wake it"
	case waitfor.WaitGroup:
		return fmt.Sprintf("no live goroutine can lower %s's counter: nothing can wake it", b.WaitsFor)
	}
	return fmt.Sprintf("no other live goroutine uses %s: nothing can wake it", b.WaitsFor)
}
