package waitfor

import (
	"fmt"
	"go/ast"
	"strings"

	"github.com/gokoans/concurrency/internal/traceback"
)

type analysis struct {
	src    *source
	gs     []traceback.Goroutine
	mine   func(string) bool
	frames map[string]frame // by goroutine and frame index
	depth  int              // of the parameters being followed

	blocked []*blockedG
	others  []*blockedG // the koan's goroutines that do not wait in its code
	parent  map[string]string
	names   map[string]string // class -> name
	out     map[*blockedG][]edge
}

// blockedG is a goroutine as the analysis sees it.
type blockedG struct {
	g       *traceback.Goroutine
	wait    Wait
	line    int
	file    string
	waitRef *ref
	holds   []heldRef
	will    []willRef // what it may still do to channels and WaitGroups
	wgGo    *ref      // the WaitGroup whose Go started it, if known
	anyGo   bool      // started by some WaitGroup.Go
}

type heldRef struct {
	ref
	read bool
	file string
	line int
}

type willRef struct {
	ref
	kind opKind
	line int
}

type edge struct {
	to   *blockedG
	link Link
}

func newAnalysis(gs []traceback.Goroutine, mine func(string) bool) *analysis {
	return &analysis{src: newSource(), gs: gs, mine: mine, frames: map[string]frame{}, parent: map[string]string{}}
}

func (a *analysis) goroutine(id int) *traceback.Goroutine {
	for i := range a.gs {
		if a.gs[i].ID == id && id != 0 {
			return &a.gs[i]
		}
	}
	return nil
}

func (a *analysis) frameAt(g *traceback.Goroutine, j int) frame {
	key := fmt.Sprintf("%d/%d", g.ID, j)
	if f, ok := a.frames[key]; ok {
		return f
	}
	f := frame{g: g, at: j, fn: a.src.funcAt(g.Frames[j].File, g.Frames[j].Line), line: g.Frames[j].Line}
	a.frames[key] = f
	return f
}

// waitOf reads a goroutine's state as the op it waits in.
func waitOf(state string) (Wait, opKind) {
	switch state {
	case "sync.Mutex.Lock", "sync.RWMutex.Lock":
		return Lock, opLock
	case "sync.RWMutex.RLock":
		return RLock, opRLock
	case "chan send":
		return Send, opSend
	case "chan receive":
		return Receive, opReceive
	case "sync.WaitGroup.Wait":
		return WaitGroup, opWait
	case "sync.Cond.Wait":
		return Cond, opWait
	case "select":
		return Select, opSelect
	case "chan send (nil chan)", "chan receive (nil chan)", "select (no cases)":
		return NilChan, 0
	}
	return Unknown, 0
}

// receivers are the frames whose one argument is the address of what a
// goroutine waits on, when the runtime is sure of it.
var receivers = map[string]bool{
	"internal/sync.(*Mutex).Lock": true, "sync.(*RWMutex).Lock": true, "sync.(*RWMutex).RLock": true,
	"sync.(*WaitGroup).Wait": true, "sync.(*Cond).Wait": true,
}

func (a *analysis) readGoroutines() {
	for i := range a.gs {
		g := &a.gs[i]
		at := -1
		var addr uint64
		for j, f := range g.Frames {
			if a.mine(f.File) {
				at = j
				break
			}
			if p, ok := pointer(splitArgs(f.Args), 0); ok && receivers[f.Func] && addr == 0 {
				addr = p
			}
		}
		if at < 0 {
			continue
		}
		b := a.readGoroutine(g, at, addr)
		if g.State == "running" || g.State == "runnable" || b.wait == Unknown && g.State != "sleep" {
			a.others = append(a.others, b)
			continue
		}
		a.blocked = append(a.blocked, b)
	}
}

func (a *analysis) readGoroutine(g *traceback.Goroutine, at int, addr uint64) *blockedG {
	wait, kind := waitOf(g.State)
	f := a.frameAt(g, at)
	b := &blockedG{g: g, wait: wait, line: f.line, file: g.Frames[at].File}
	exclude := -1
	if f.fn != nil && kind != 0 {
		if o := f.fn.opOfKind(kind, f.line); o != nil && o.x != nil {
			r := a.resolve(f, o.x, hint{addr: addr, exclude: -1})
			if addr != 0 {
				r.keys = append(r.keys, fmt.Sprintf("addr:%#x", addr))
			}
			b.waitRef, exclude = &r, r.param
		}
	}
	for j := at; j < len(g.Frames); j++ {
		if !a.mine(g.Frames[j].File) {
			continue
		}
		fj := a.frameAt(g, j)
		if fj.fn == nil {
			continue
		}
		a.readFrame(b, fj, exclude)
		exclude = -1
	}
	a.readStart(b)
	return b
}

// opOfKind returns the op of kind on line that a goroutine waits in.
func (f *function) opOfKind(kind opKind, line int) *op {
	for i := range f.ops {
		o := &f.ops[i]
		if o.line == line && !o.deferred && (o.kind == kind || kind == opLock && o.kind == opRLock) {
			return o
		}
	}
	return nil
}

// readFrame adds what frame f holds (locks taken on earlier lines and not
// unlocked since) and what it may still do to channels and WaitGroups.
func (a *analysis) readFrame(b *blockedG, f frame, exclude int) {
	for i, o := range f.fn.ops {
		switch o.kind {
		case opLock, opRLock:
			if o.deferred || o.line >= f.line || unlockedBetween(f.fn, i, f.line) {
				continue
			}
			r := a.resolve(f, o.x, hint{exclude: exclude})
			b.holds = append(b.holds, heldRef{ref: r, read: o.kind == opRLock, file: f.g.Frames[f.at].File, line: o.line})
		case opSend, opReceive, opClose, opDone:
			if o.x != nil && !o.deferred && f.fn.pendingAt(o, f.line) || o.deferred && o.kind != opReceive {
				b.will = append(b.will, willRef{ref: a.resolve(f, o.x, noHint), kind: o.kind, line: o.line})
			}
		}
	}
}

// unlockedBetween reports whether the lock taken by ops[i] is unlocked,
// not deferred, before line.
func unlockedBetween(fn *function, i int, line int) bool {
	lock := fn.ops[i]
	want := opUnlock
	if lock.kind == opRLock {
		want = opRUnlock
	}
	text := exprString(lock.x)
	for _, o := range fn.ops {
		if o.kind == want && !o.deferred && o.line > lock.line && o.line < line && exprString(o.x) == text {
			return true
		}
	}
	return false
}

// readStart notes a goroutine started by wg.Go(func() {...}): its return
// lowers wg's counter.
func (a *analysis) readStart(b *blockedG) {
	g := b.g
	for _, f := range g.Frames {
		if f.Func == "sync.(*WaitGroup).Go.func1" {
			b.anyGo = true
		}
	}
	last := -1
	for j := range g.Frames {
		if a.mine(g.Frames[j].File) {
			last = j
		}
	}
	if !b.anyGo || last < 0 {
		return
	}
	outer := a.frameAt(g, last)
	if outer.fn == nil { // its source is not at hand (moved or deleted since the run)
		return
	}
	lit, ok := outer.fn.node.(*ast.FuncLit)
	if !ok {
		return
	}
	sel, encl := a.src.goCallOf(lit, outer.fn.file)
	if sel == nil || encl == nil {
		return
	}
	f := frame{fn: encl, line: a.src.line(sel.Pos())}
	if cg := a.goroutine(g.CreatorID); cg != nil {
		for j := range cg.Frames {
			if a.mine(cg.Frames[j].File) && a.frameAt(cg, j).fn == encl {
				f = a.frameAt(cg, j)
				break
			}
		}
	}
	r := a.resolve(f, sel.X, noHint)
	b.wgGo = &r
}

// class is the union-find root of a key.
func (a *analysis) class(k string) string {
	for a.parent[k] != "" && a.parent[k] != k {
		k = a.parent[k]
	}
	return k
}

func (a *analysis) union(keys []string) {
	if len(keys) == 0 {
		return
	}
	root := a.class(keys[0])
	for _, k := range keys[1:] {
		if r := a.class(k); r != root {
			a.parent[r] = root
		}
	}
}

func (a *analysis) classOf(r *ref) string {
	if r == nil || len(r.keys) == 0 {
		return ""
	}
	return a.class(r.keys[0])
}

// allRefs lists every ref the analysis made, in the order of the dump.
func (a *analysis) allRefs() []*ref {
	var out []*ref
	for _, b := range append(append([]*blockedG{}, a.blocked...), a.others...) {
		if b.waitRef != nil {
			out = append(out, b.waitRef)
		}
		for i := range b.holds {
			out = append(out, &b.holds[i].ref)
		}
		for i := range b.will {
			out = append(out, &b.will[i].ref)
		}
		if b.wgGo != nil {
			out = append(out, b.wgGo)
		}
	}
	return out
}

// name ties the refs that share a key into one lock (or channel...) and
// gives each the best name its refs offer; two different ones never share
// a name.
func (a *analysis) name() {
	refs := a.allRefs()
	for _, r := range refs {
		a.union(r.keys)
	}
	best := map[string]*ref{}
	var order []string
	for _, r := range refs {
		c := a.classOf(r)
		if b, ok := best[c]; !ok {
			best[c] = r
			order = append(order, c)
		} else if r.score < b.score {
			best[c] = r
		}
	}
	a.names = map[string]string{}
	used := map[string]int{}
	for _, c := range order {
		n := best[c].name
		used[n]++
		if used[n] > 1 {
			n = fmt.Sprintf("%s (#%d)", n, used[n])
		}
		a.names[c] = n
	}
}

func (a *analysis) nameOf(r *ref) string {
	if r == nil {
		return ""
	}
	return a.names[a.classOf(r)]
}

func (b *blockedG) picture(a *analysis) Blocked {
	out := Blocked{Goroutine: b.g.ID, Koan: isKoan(b.g), File: b.file, Line: b.line, Wait: b.wait, WaitsFor: a.nameOf(b.waitRef)}
	for _, h := range b.holds {
		out.Holds = append(out.Holds, Hold{Lock: a.nameOf(&h.ref), Read: h.read, File: h.file, Line: h.line})
	}
	return out
}

// isKoan reports whether g is the goroutine the testing package runs the
// koan (or its synctest bubble's root) in.
func isKoan(g *traceback.Goroutine) bool {
	return strings.HasPrefix(g.CreatedBy.Func, "testing.") || strings.HasPrefix(g.CreatedBy.Func, "testing/synctest.")
}
