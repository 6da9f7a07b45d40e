package traceback

import (
	"regexp"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
)

// A Frame is one call in a goroutine's stack.
type Frame struct {
	Func string // fully qualified function name, e.g. "example.com/p.TestX.func1"
	File string // absolute path as the runtime printed it
	Line int
	// Args is the argument list as printed, without its parentheses, e.g.
	// "0xc00001e1b0, {0x7bfb82, 0x8}, 0xa?": one entry per word, words of
	// one argument in braces, a value the runtime is unsure of marked "?".
	Args string
}

// A Goroutine is one block of a dump.
type Goroutine struct {
	ID int
	// State is what the goroutine was doing when the dump was taken, as the
	// runtime names it: "running", "chan receive", "chan send", "select",
	// "sync.Mutex.Lock", "sync.WaitGroup.Wait", "semacquire", ...
	State string
	// Bubble is the synctest bubble's number, or 0 outside any bubble.
	Bubble int
	// Frames lists the calls from the innermost (where it waits) outward.
	Frames []Frame
	// CreatedBy is the go statement that started the goroutine; its Func is
	// the function that executed the go statement. Zero for goroutine 1.
	CreatedBy Frame
	// CreatorID is the goroutine that executed that go statement, if known.
	CreatorID int
}

var (
	headerRE    = regexp.MustCompile(`^goroutine (\d+)(?: gp=\S+ m=\S+(?: mp=\S+)?)? \[([^\]]*)\]:$`)
	createdByRE = regexp.MustCompile(`^created by (\S+?)(?: in goroutine (\d+))?$`)
	// With GOTRACEBACK=system or crash, locations end in fp=, sp=, pc=.
	locationRE = regexp.MustCompile(`^\s+(.+?):(\d+)(?: \+0x[0-9a-f]+)?(?: fp=0x[0-9a-f]+ sp=0x[0-9a-f]+ pc=0x[0-9a-f]+)?$`)
	bubbleRE   = regexp.MustCompile(`^synctest bubble (\d+)$`)
)

// Parse returns every goroutine block found in text, in the order printed.
func Parse(text string) []Goroutine {
	var out []Goroutine
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	for i := 0; i < len(lines); i++ {
		m := headerRE.FindStringSubmatch(strings.TrimSpace(lines[i]))
		if m == nil {
			continue
		}
		g := Goroutine{}
		g.ID, _ = strconv.Atoi(m[1])
		parseState(&g, m[2])
		// Frames come in pairs: a function line, then an indented location.
		for i+1 < len(lines) {
			fn := strings.TrimSpace(lines[i+1])
			if fn == "" || headerRE.MatchString(fn) {
				break
			}
			i++
			if strings.HasPrefix(fn, "...") { // "...additional frames elided..."
				continue
			}
			var loc Frame
			if i+1 < len(lines) {
				if lm := locationRE.FindStringSubmatch(lines[i+1]); lm != nil {
					loc.File = lm[1]
					loc.Line, _ = strconv.Atoi(lm[2])
					i++
				}
			}
			if cm := createdByRE.FindStringSubmatch(fn); cm != nil {
				loc.Func = cm[1]
				g.CreatedBy = loc
				g.CreatorID, _ = strconv.Atoi(cm[2])
				continue
			}
			loc.Func, loc.Args = funcName(fn), funcArgs(fn)
			g.Frames = append(g.Frames, loc)
		}
		out = append(out, g)
	}
	return out
}

// parseState splits a header's bracket, e.g.
// "chan receive (durable), 2 minutes, synctest bubble 1".
func parseState(g *Goroutine, s string) {
	parts := strings.Split(s, ", ")
	// "(durable)" marks a wait inside a testing/synctest bubble that only
	// another goroutine of the bubble can end; Bubble already says where
	// the goroutine lives, so the mark is dropped from State.
	g.State = strings.TrimSuffix(parts[0], " (durable)")
	for _, p := range parts[1:] {
		if m := bubbleRE.FindStringSubmatch(p); m != nil {
			g.Bubble, _ = strconv.Atoi(m[1])
		}
	}
}

// funcName strips the argument list from a frame's function line:
// "p.(*T).Run(0xc0000a2488, 0x6556f8)" -> "p.(*T).Run".
func funcName(line string) string {
	if i := strings.LastIndex(line, "("); i > 0 && strings.HasSuffix(line, ")") {
		// A method on a pointer receiver has its own parentheses: keep them.
		if !strings.HasSuffix(line[:i], ".") {
			return line[:i]
		}
	}
	return line
}

// funcArgs returns the argument list of a frame's function line, without
// its parentheses: "p.(*T).Run(0xc0000a2488, 0x6556f8)" -> "0xc0000a2488, 0x6556f8".
func funcArgs(line string) string {
	name := funcName(line)
	if name == line || len(line) < len(name)+2 {
		return ""
	}
	return line[len(name)+1 : len(line)-1]
}

// TestName returns the top-level test function that f belongs to, such as
// "TestX" for "example.com/p.TestX.func1.2", or "" if f is not in a Test.
func TestName(f string) string {
	name := f[strings.LastIndex(f, "/")+1:]
	if i := strings.Index(name, "."); i >= 0 {
		name = name[i+1:]
	}
	if i := strings.Index(name, "."); i >= 0 {
		name = name[:i]
	}
	if !strings.HasPrefix(name, "Test") || name == "TestMain" {
		return ""
	}
	return name
}

// Test returns the top-level test that g runs for or was started by: the
// first frame (innermost first), then the go statement, that belongs to a
// Test function. It returns "" when nothing ties g to a test.
func (g Goroutine) Test() string {
	for _, f := range g.Frames {
		if t := TestName(f.Func); t != "" {
			return t
		}
	}
	return TestName(g.CreatedBy.Func)
}

// FirstIn returns the innermost frame whose file satisfies keep, and whether
// there was one. The runner uses it to find the learner's own line in a
// stack full of runtime and library frames.
func (g Goroutine) FirstIn(keep func(file string) bool) (Frame, bool) {
	for _, f := range g.Frames {
		if keep(f.File) {
			return f, true
		}
	}
	return Frame{}, false
}

// MayWake reports whether g goes on by itself, in time: it runs, or waits
// in a system call or for the network, or sleeps on the real clock. A
// sleep in a synctest bubble waits for the bubble's fake clock, which moves
// only when every goroutine of the bubble is durably blocked: that sleeper
// wakes only if the others let it.
func MayWake(g Goroutine) bool {
	switch g.State {
	case "running", "runnable", "syscall", "IO wait":
		return true
	case "sleep":
		return g.Bubble == 0
	}
	return false
}

// Waiting says, in the learner's words, what the goroutine's state means:
// what it waits for, or that it runs.
func (g Goroutine) Waiting() lang.Msg {
	switch g.State {
	case "chan send":
		return lang.Msgf("waits to send on a channel")
	case "chan receive":
		return lang.Msgf("waits to receive from a channel")
	case "chan send (nil chan)":
		return lang.Msgf("waits for ever to send on a nil channel")
	case "chan receive (nil chan)":
		return lang.Msgf("waits for ever to receive from a nil channel")
	case "select":
		return lang.Msgf("waits in a select")
	case "select (no cases)":
		return lang.Msgf("waits for ever in an empty select")
	case "sync.WaitGroup.Wait":
		return lang.Msgf("waits in WaitGroup.Wait")
	case "sync.Mutex.Lock":
		return lang.Msgf("waits to lock a Mutex")
	case "sync.RWMutex.Lock":
		return lang.Msgf("waits to lock an RWMutex for writing")
	case "sync.RWMutex.RLock":
		return lang.Msgf("waits to lock an RWMutex for reading")
	case "sync.Cond.Wait":
		return lang.Msgf("waits in Cond.Wait")
	case "sleep":
		return lang.Msgf("sleeps")
	case "running", "runnable":
		return lang.Msgf("is running, not blocked,")
	case "semacquire":
		return lang.Msgf("waits on a semaphore")
	}
	return lang.Msgf("waits (%s)", g.State)
}

// OfTest returns the goroutines of a dump that belong to the top-level test
// named test, in the dump's order: those that run its code or were started
// by it (Goroutine.Test), and those started by them, whatever they run
// (wg.Go(k.keep) runs a method, started by the sync package). It is the one
// rule for "the koan's goroutines": the koan helper's hang guard, its
// reports and the runner's judgement all pick them with it.
func OfTest(gs []Goroutine, test string) []Goroutine {
	if test == "" {
		return nil
	}
	ours := map[int]bool{}
	for changed := true; changed; {
		changed = false
		for _, g := range gs {
			if !ours[g.ID] && (g.Test() == test || ours[g.CreatorID]) {
				ours[g.ID], changed = true, true
			}
		}
	}
	var out []Goroutine
	for _, g := range gs {
		if ours[g.ID] {
			out = append(out, g)
		}
	}
	return out
}

// RunningTest names the top-level test of the innermost test that a dump
// shows running: the last Test function called by testing.tRunner. It
// returns "" when no test runs.
func RunningTest(gs []Goroutine) string {
	name := ""
	for _, g := range gs {
		for i, f := range g.Frames {
			if f.Func == "testing.tRunner" && i > 0 {
				if t := TestName(g.Frames[i-1].Func); t != "" {
					name = t
				}
			}
		}
	}
	return name
}

// WithIDs keeps the goroutines of gs whose ids are in ids, in gs's order.
func WithIDs(gs []Goroutine, ids []int) []Goroutine {
	want := map[int]bool{}
	for _, id := range ids {
		want[id] = true
	}
	var out []Goroutine
	for _, g := range gs {
		if want[g.ID] {
			out = append(out, g)
		}
	}
	return out
}

// IDs returns the ids of gs, in order.
func IDs(gs []Goroutine) []int {
	ids := make([]int, len(gs))
	for i, g := range gs {
		ids[i] = g.ID
	}
	return ids
}
