package trace

import (
	xtrace "github.com/gokoans/concurrency/internal/xtrace"
	"strings"
	"time"
)

// A builder turns the collector's events into lanes and rows.
type builder struct {
	k      Koan
	run    *Run
	lane   map[int64]*Lane // the koan's goroutines
	bubble map[int64]int   // synctest's own goroutines: the lane that made the bubble
	t0     int64
	last   map[int]Row // each lane's last Block row
}

// build picks the koan's goroutines and draws their rows.
func (c *collector) build(k Koan) *Run {
	b := &builder{k: k, run: &Run{Test: k.Test}, lane: map[int64]*Lane{}, bubble: map[int64]int{}, last: map[int]Row{}}
	seen := map[int64]bool{}
	for _, e := range c.events {
		if !seen[e.g] {
			seen[e.g] = true
			if e.kind == Start {
				b.classify(e)
			}
		}
		if l := b.lane[e.g]; l != nil {
			b.row(e, l)
		}
	}
	for g := range seen {
		if b.lane[g] == nil && b.bubble[g] == 0 {
			b.run.Hidden++
		}
	}
	b.finish(c)
	idle(b.run.Rows)
	b.run.Rows = fold(b.run.Rows)
	return b.run
}

// classify decides whether the goroutine e starts is the koan's: the
// test's own (started by testing, not from the koan's code), one started
// from the koan's code or by one of its goroutines, or synctest's, whose
// child runs the bubble's function.
func (b *builder) classify(e event) {
	by := b.lane[e.by]
	at, fromKoan := b.k.koanFrame(e.stack)
	switch {
	case strings.HasPrefix(e.start, "runtime.") || b.k.inHelper(e.stack):
		// the runtime's workers, the helper's machinery
	case strings.HasPrefix(e.start, "internal/synctest.") || strings.HasPrefix(e.start, "testing/synctest."):
		if by != nil {
			b.bubble[e.g] = by.N
			b.run.Bubble = true
		}
	case b.bubble[e.by] != 0:
		b.add(e, RoleBubble, Loc{}, b.bubble[e.by])
	case e.start == "testing.tRunner" && !fromKoan && by == nil && b.testLane() == nil && hasFunc(e.stack, "testing.(*T).Run"):
		b.add(e, RoleTest, Loc{}, 0)
	case fromKoan || by != nil:
		n := 0
		if by != nil {
			n = by.N
		}
		loc := Loc{}
		if fromKoan {
			loc = b.k.loc(at)
		}
		b.add(e, RoleGo, loc, n)
	}
}

func hasFunc(stack []frame, fn string) bool {
	for _, f := range stack {
		if f.Func == fn {
			return true
		}
	}
	return false
}

func (b *builder) testLane() *Lane {
	for _, l := range b.run.Lanes {
		if l.Role == RoleTest {
			return l
		}
	}
	return nil
}

// add makes a lane for the goroutine e starts, and its Start row.
func (b *builder) add(e event, role Role, at Loc, by int) {
	if len(b.run.Lanes) == 0 {
		b.t0 = e.t
	}
	l := &Lane{N: len(b.run.Lanes) + 1, Goid: e.g, Role: role, Start: at, By: by, At: e.t - b.t0, End: Alive}
	for _, f := range e.stack {
		if b.k.isKoan(f.Func) {
			l.made = append(l.made, Loc{File: b.k.loc(f).File, Line: f.Line})
		}
	}
	b.lane[e.g] = l
	b.run.Lanes = append(b.run.Lanes, l)
	starter := by
	if role == RoleBubble {
		starter = 0 // synctest's goroutine started it, while the test waits
	}
	b.run.Rows = append(b.run.Rows, Row{At: b.since(e.t), Kind: Start, Lane: starter, Peer: l.N, Loc: at})
}

func (b *builder) since(t int64) time.Duration { return time.Duration(t - b.t0) }

// row adds the row of e, which happened to the koan's goroutine l.
func (b *builder) row(e event, l *Lane) {
	r := Row{At: b.since(e.t), Kind: e.kind, Lane: l.N}
	switch e.kind {
	case Block:
		f, ok := b.k.koanFrame(e.stack)
		if !ok {
			return // the test framework's wait, after the koan's code
		}
		r.Wait, r.Loc = blockWait(e.why, e.stack), b.k.loc(f)
		if b.k.inHelper(e.stack) {
			r.Wait = WaitHelper
			if last, ok := b.last[l.N]; ok && last.Wait == WaitHelper {
				return // it polls: one row says it
			}
		}
		b.last[l.N] = r
		l.End = Blocked
	case Wake:
		r.Lane, r.Peer = 0, l.N
		if by := b.lane[e.by]; by != nil {
			r.Lane = by.N
			if f, ok := b.k.koanFrame(e.stack); ok {
				r.Loc = b.k.loc(f)
			}
			r.Wait = wakeWait(e.stack)
			if r.Wait == "" {
				r.Wait = wakeFor(b.last[l.N].Wait, r.Loc.Text)
			}
		} else if w := b.last[l.N].Wait; w == WaitBubble && b.anyBlocked() {
			r.Wait = WakeDeadlock // or the bubble's clock moves on: see idle
		} else if w == WaitBubble {
			r.Wait = WaitBubble // the bubble's function returned
		}
		if b.last[l.N].Wait == WaitSleep {
			r.Wait = WakeTimer
		}
		if last, ok := b.last[l.N]; !ok || last.Wait == WaitHelper && r.Lane == 0 {
			return // it waited in the framework, or polls in the helper: no row
		}
		delete(b.last, l.N)
		l.End = Alive
	case End:
		l.End = Ended
		delete(b.last, l.N)
	default:
		return
	}
	b.run.Rows = append(b.run.Rows, r)
}

// anyBlocked reports whether a lane other than the test's is blocked.
func (b *builder) anyBlocked() bool {
	for _, l := range b.run.Lanes {
		if l.Role != RoleTest && l.End == Blocked {
			return true
		}
	}
	return false
}

// finish adds a Still row for each lane still blocked at the end.
func (b *builder) finish(c *collector) {
	var end time.Duration
	if n := len(b.run.Rows); n > 0 {
		end = b.run.Rows[n-1].At
	}
	for _, l := range b.run.Lanes {
		r, ok := b.last[l.N]
		switch st := c.state[l.Goid]; {
		case ok && l.End == Blocked:
			b.run.Rows = append(b.run.Rows, Row{At: end, Kind: Still, Lane: l.N, Wait: r.Wait, Loc: r.Loc})
		case l.End != Ended && l.Role != RoleTest && (st == xtrace.GoRunning || st == xtrace.GoRunnable || st == xtrace.GoSyscall):
			l.End = Alive // a loop that never ends, or a goroutine the binary's end cut short
			b.run.Rows = append(b.run.Rows, Row{At: end, Kind: Still, Lane: l.N})
		case l.End == Blocked:
			l.End = Alive
		}
	}
}

// idle tells a synctest bubble that is idle from one that is deadlocked:
// when every goroutine of a bubble is blocked, synctest wakes the test's
// goroutine, which either moves the fake clock to the next timer and wakes
// its sleeper (idle), or reports the deadlock.
func idle(rows []Row) {
	for i, r := range rows {
		if r.Kind != Wake || r.Wait != WakeDeadlock {
			continue
		}
		for _, next := range rows[i+1:] {
			if next.Lane == r.Peer || next.Peer == r.Peer {
				if next.Kind == Wake && next.Lane == r.Peer && next.Wait == WakeTimer {
					rows[i].Wait = WakeIdle
				}
				break
			}
		}
	}
}
