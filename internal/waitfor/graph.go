package waitfor

import (
	"go/ast"
)

// maxCycles bounds what a learner is shown: the first screen is short.
const maxCycles = 3

// edges links each blocked goroutine to those that keep it waiting: the
// holders of the lock it waits for, the goroutines that would later do the
// other half of its channel operation, or lower its WaitGroup's counter.
func (a *analysis) edges() {
	a.out = map[*blockedG][]edge{}
	for _, b := range a.blocked {
		c := a.classOf(b.waitRef)
		if c == "" {
			continue
		}
		for _, h := range a.blocked {
			if l, ok := a.keeps(b, h, c); ok {
				a.out[b] = append(a.out[b], edge{to: h, link: l})
			}
		}
	}
}

// keeps reports whether h keeps b waiting on class c, and how.
func (a *analysis) keeps(b, h *blockedG, c string) (Link, bool) {
	switch b.wait {
	case Lock, RLock:
		for _, held := range h.holds {
			if a.classOf(&held.ref) == c && !(b.wait == RLock && held.read) {
				return Link{Holds: true, Read: held.read, Line: held.line}, true
			}
		}
		// A writer waiting in Lock keeps new readers out, so that it
		// eventually gets the lock (sync.RWMutex's documentation).
		if b.wait == RLock && h != b && h.wait == Lock && a.classOf(h.waitRef) == c {
			return Link{Will: Lock, Line: h.line}, true
		}
		return Link{}, false
	}
	if h == b {
		return Link{}, false
	}
	for _, w := range h.will {
		if a.classOf(&w.ref) != c {
			continue
		}
		switch {
		case b.wait == Send && w.kind == opReceive:
			return Link{Will: Receive, Line: w.line}, true
		case b.wait == Receive && w.kind == opSend:
			return Link{Will: Send, Line: w.line}, true
		case b.wait == Receive && w.kind == opClose:
			return Link{Will: Close, Line: w.line}, true
		case b.wait == WaitGroup && w.kind == opDone:
			return Link{Will: Done, Line: w.line}, true
		}
	}
	if b.wait == WaitGroup && h.wgGo != nil && a.classOf(h.wgGo) == c {
		return Link{Will: Done}, true
	}
	return Link{}, false
}

// cycles finds the closed chains of waits, each once, starting from the
// goroutine printed first.
func (a *analysis) cycles() [][]Step {
	var out [][]Step
	index := map[*blockedG]int{}
	for i, b := range a.blocked {
		index[b] = i
	}
	for s, start := range a.blocked {
		var path []edge
		onPath := map[*blockedG]bool{} // on the path, or already tried from this start
		var walk func(b *blockedG) bool
		walk = func(b *blockedG) bool {
			for _, e := range a.out[b] {
				if e.to == start {
					out = append(out, a.steps(start, append(path, e)))
					return true
				}
				if index[e.to] > s && !onPath[e.to] {
					onPath[e.to] = true
					path = append(path, e)
					if walk(e.to) {
						return true
					}
					// Left marked: a goroutine that did not lead back to
					// start will not on another path either (reaching start
					// is reachability), and unmarking it made the search
					// exponential in the goroutines of a large leak.
					path = path[:len(path)-1]
				}
			}
			return false
		}
		walk(start)
		if len(out) == maxCycles {
			break
		}
	}
	return out
}

// steps turns a cycle's edges, from start, into the learner's steps.
func (a *analysis) steps(start *blockedG, path []edge) []Step {
	var out []Step
	b := start
	for _, e := range path {
		out = append(out, Step{Goroutine: b.g.ID, Koan: isKoan(b.g), Wait: b.wait, WaitsFor: a.nameOf(b.waitRef), Line: b.line, By: e.link})
		b = e.to
	}
	return out
}

// hopeless reports whether nothing left alive can end b's wait: a nil
// channel; or a channel or WaitGroup that no other goroutine of the koan
// so much as names in the functions it runs (and, for a WaitGroup, no
// goroutine started by a WaitGroup's Go, whose return lowers a counter).
func (a *analysis) hopeless(b *blockedG) bool {
	if b.wait == NilChan {
		return true
	}
	c := a.classOf(b.waitRef)
	if c == "" || b.wait != Send && b.wait != Receive && b.wait != WaitGroup {
		return false
	}
	roots := map[string]bool{}
	for _, r := range a.allRefs() {
		if a.classOf(r) == c {
			for _, n := range r.roots {
				roots[n] = true
			}
		}
	}
	for _, h := range append(append([]*blockedG{}, a.blocked...), a.others...) {
		if h == b {
			continue
		}
		if b.wait == WaitGroup && h.anyGo || a.mentions(h, roots) {
			return false
		}
	}
	return true
}

// mentions reports whether a function that h runs names one of roots.
func (a *analysis) mentions(h *blockedG, roots map[string]bool) bool {
	for j := range h.g.Frames {
		if !a.mine(h.g.Frames[j].File) {
			continue
		}
		f := a.frameAt(h.g, j)
		if f.fn == nil {
			return true // unreadable: assume it may
		}
		found := false
		ast.Inspect(f.fn.node, func(n ast.Node) bool {
			if id, ok := n.(*ast.Ident); ok && roots[id.Name] {
				found = true
			}
			return !found
		})
		if found {
			return true
		}
	}
	return false
}
