package render

import (
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/waitfor"
)

// maxWaitLines keeps the picture on the learner's first screen.
const maxWaitLines = 6

// waitFor draws who waits for whom, in as few lines as it can: each cycle
// of waits as one chain, then the goroutines nothing can wake, then the
// other goroutines that hold a lock while they wait.
func (p *printer) waitFor(w *waitfor.Picture) {
	if w == nil {
		return
	}
	l := p.s.Lang
	var lines []string
	inCycle := map[int]bool{}
	for _, c := range w.Cycles {
		lines = append(lines, cycleLineIn(c, l))
		for _, s := range c {
			inCycle[s.Goroutine] = true
		}
	}
	for _, b := range w.Blocked {
		switch {
		case b.Hopeless:
			lines = append(lines, l.Sprintf("%s: %s → %s", whoOf(b.Goroutine, b.Koan, l), waitClause(b.Wait, b.WaitsFor, b.Line, l), hopelessClause(b, l)))
		case len(b.Holds) > 0 && !inCycle[b.Goroutine]:
			lines = append(lines, l.Sprintf("%s: %s → %s", whoOf(b.Goroutine, b.Koan, l), holdsClause(b.Holds, l), waitClause(b.Wait, b.WaitsFor, b.Line, l)))
		}
	}
	if len(lines) == 0 {
		return
	}
	if len(lines) > maxWaitLines {
		more := len(lines) - maxWaitLines + 1
		lines = append(lines[:maxWaitLines-1], l.Sprintf("... and %d more (go tool koans -json lists every blocked goroutine)", more))
	}
	p.line("")
	p.line(p.s.bold(l.Sprintf("Who waits for whom:")))
	for _, l := range lines {
		p.line("  " + l)
	}
}

// cycleLine is cycleLineIn in English.
func cycleLine(c []waitfor.Step) string { return cycleLineIn(c, lang.English) }

// cycleLineIn draws a cycle as one chain, in l: what the first goroutine
// holds (if the last one waits for it), then each wait and who keeps it
// waiting.
func cycleLineIn(c []waitfor.Step, l lang.Lang) string {
	var chain []string
	last := c[len(c)-1]
	if last.By.Holds {
		chain = append(chain, holdsClause([]waitfor.Hold{{Lock: last.WaitsFor, Read: last.By.Read, Line: last.By.Line}}, l))
	}
	for i, s := range c {
		next := c[(i+1)%len(c)]
		chain = append(chain, waitClause(s.Wait, s.WaitsFor, s.Line, l), linkClause(s.By, whoOf(next.Goroutine, next.Koan, l), l))
	}
	return l.Sprintf("%s: %s", whoOf(c[0].Goroutine, c[0].Koan, l), strings.Join(chain, " → "))
}

func whoOf(id int, koan bool, l lang.Lang) string {
	if koan {
		return l.Sprintf("the koan itself")
	}
	return l.Sprintf("goroutine %d", id)
}

// waitClause says what a goroutine waits to do, on what, where.
func waitClause(w waitfor.Wait, what string, line int, l lang.Lang) string {
	if what == "" {
		what = "?"
	}
	switch w {
	case waitfor.Lock:
		return l.Sprintf("waits for %s (line %d)", what, line)
	case waitfor.RLock:
		return l.Sprintf("waits to read-lock %s (line %d)", what, line)
	case waitfor.Send:
		return l.Sprintf("waits to send on %s (line %d)", what, line)
	case waitfor.Receive:
		return l.Sprintf("waits to receive from %s (line %d)", what, line)
	case waitfor.WaitGroup:
		return l.Sprintf("waits in %s.Wait (line %d)", what, line)
	case waitfor.Cond:
		return l.Sprintf("waits in %s.Wait (line %d)", what, line)
	case waitfor.NilChan:
		return l.Sprintf("waits on a nil channel (line %d)", line)
	}
	return l.Sprintf("waits (line %d)", line)
}

// linkClause says how the next goroutine of a cycle keeps a wait going.
func linkClause(k waitfor.Link, who string, l lang.Lang) string {
	switch {
	case k.Holds:
		return l.Sprintf("held by %s", who)
	case k.Will == waitfor.Lock:
		return l.Sprintf("%s waits to lock it before new readers (line %d)", who, k.Line)
	case k.Will == waitfor.Receive:
		return l.Sprintf("%s would receive it (line %d)", who, k.Line)
	case k.Will == waitfor.Send:
		return l.Sprintf("%s would send (line %d)", who, k.Line)
	case k.Will == waitfor.Close:
		return l.Sprintf("%s would close it (line %d)", who, k.Line)
	case k.Will == waitfor.Done && k.Line > 0:
		return l.Sprintf("%s would call Done (line %d)", who, k.Line)
	}
	return l.Sprintf("%s would lower the counter when it returns", who)
}

func holdsClause(hs []waitfor.Hold, l lang.Lang) string {
	var parts []string
	for _, h := range hs {
		if h.Read {
			parts = append(parts, l.Sprintf("holds %s for reading (line %d)", h.Lock, h.Line))
		} else {
			parts = append(parts, l.Sprintf("holds %s (line %d)", h.Lock, h.Line))
		}
	}
	return strings.Join(parts, l.Sprintf(", "))
}

func hopelessClause(b waitfor.Blocked, l lang.Lang) string {
	switch b.Wait {
	case waitfor.NilChan:
		return l.Sprintf("nothing can ever wake it")
	case waitfor.WaitGroup:
		return l.Sprintf("no live goroutine can lower %s's counter: nothing can wake it", b.WaitsFor)
	}
	return l.Sprintf("no other live goroutine uses %s: nothing can wake it", b.WaitsFor)
}
