package trace

import (
	"errors"
	"fmt"
	"io"
	"strings"

	xtrace "github.com/gokoans/concurrency/internal/xtrace"

	"github.com/gokoans/concurrency/internal/lang"
)

// A Koan says which goroutines of a trace are the koan's, and where its
// source is.
type Koan struct {
	Pkg  string // the koan's package's import path
	Test string // the koan's test function
	// Root is the course's root as the trace's paths spell it (absolute):
	// a Loc's File is relative to it.
	Root string
	// Source returns the text of a line of a file relative to Root, or ""
	// (nil: no line is quoted).
	Source func(file string, line int) string
	// Dir is where the course's files are on this machine, when a
	// recording is read elsewhere than Root (its goldens); "" means Root.
	Dir string
	// Helper is the import path of the koans' helper package (koan), whose
	// machinery (WaitUntilBlocked) is not drawn; "" for none.
	Helper string
}

// inHelper reports whether the stack runs the koans' helper package,
// called from the koan's code (the helper's frames are inside the koan's).
func (k Koan) inHelper(stack []frame) bool {
	if k.Helper == "" {
		return false
	}
	helper := false
	for _, f := range stack {
		if k.isKoan(f.Func) {
			return helper
		}
		helper = helper || strings.HasPrefix(f.Func, k.Helper+".")
	}
	return false
}

// ErrFormat is the error Read returns for a trace it cannot read, wrapped
// with what the reader said.
var ErrFormat = errors.New("not a trace this runner can read")

// Read reads a runtime trace (go test -trace) of the koan and returns its
// goroutines and what happened to them. A trace in a format the reader does
// not know (a Go newer than it), or a file that is not a trace, gives an
// error wrapping ErrFormat, never a panic.
func Read(r io.Reader, k Koan) (run *Run, err error) {
	defer func() {
		if p := recover(); p != nil {
			run, err = nil, formatError(fmt.Errorf("%v", p))
		}
	}()
	tr, err := xtrace.NewReader(r)
	if err != nil {
		return nil, formatError(err)
	}
	c := newCollector()
	for {
		e, err := tr.ReadEvent()
		if err == io.EOF {
			break
		}
		if err != nil {
			if len(c.events) > 0 && errors.Is(err, io.ErrUnexpectedEOF) {
				break // a trace cut short still shows what it holds
			}
			return nil, formatError(err)
		}
		c.add(e)
	}
	if len(c.events) == 0 {
		return nil, lang.Errorf("%w: the trace holds no goroutine's events (did the test binary end before it wrote its trace?)", ErrFormat)
	}
	return c.build(k), nil
}

// formatError says a trace could not be read, in words a learner can act on.
func formatError(err error) error {
	return lang.Errorf("%w: %v (the trace reader, a copy of golang.org/x/exp/trace, reads the traces of Go 1.11 to 1.27: a newer Go may write a format it does not know yet)", ErrFormat, err)
}

// A frame is one line of a stack, as the trace has it.
type frame struct {
	Func, File string
	Line       int
}

// An event is one state change of a goroutine the collector keeps.
type event struct {
	t     int64
	kind  Kind  // Start, Block, Wake or End
	g     int64 // the goroutine it happened to (started, blocked, woken, ended)
	by    int64 // who started or woke it (-1: nobody's)
	why   string
	stack []frame // the blocked goroutine's, or the starter's or waker's
	start string  // for Start: the function the new goroutine runs
}

type collector struct {
	events []event
	state  map[int64]xtrace.GoState
}

func newCollector() *collector { return &collector{state: map[int64]xtrace.GoState{}} }

// add keeps the goroutine transitions of e that a picture needs.
func (c *collector) add(e xtrace.Event) {
	if e.Kind() != xtrace.EventStateTransition {
		return
	}
	st := e.StateTransition()
	if st.Resource.Kind != xtrace.ResourceGoroutine {
		return
	}
	g := int64(st.Resource.Goroutine())
	from, to := st.Goroutine()
	if from != xtrace.GoUndetermined {
		c.state[g] = to
	} else if _, ok := c.state[g]; !ok {
		c.state[g] = to
	}
	ev := event{t: int64(e.Time()), g: g, by: int64(e.Goroutine()), why: st.Reason}
	switch {
	case from == xtrace.GoNotExist:
		ev.kind, ev.stack = Start, frames(e.Stack())
		if s := frames(st.Stack); len(s) > 0 {
			ev.start = s[0].Func
		}
	case to == xtrace.GoWaiting && from == xtrace.GoRunning:
		ev.kind, ev.stack = Block, frames(st.Stack)
	case from == xtrace.GoWaiting && to == xtrace.GoRunnable:
		ev.kind, ev.stack = Wake, frames(e.Stack())
	case to == xtrace.GoNotExist:
		ev.kind = End
	default:
		return
	}
	c.events = append(c.events, ev)
}

func frames(s xtrace.Stack) []frame {
	var out []frame
	for f := range s.Frames() {
		out = append(out, frame{Func: f.Func, File: f.File, Line: int(f.Line)})
	}
	return out
}

// koanFrame returns the innermost frame of stack in the koan's package
// (its TestMain and init aside), and whether there is one.
func (k Koan) koanFrame(stack []frame) (frame, bool) {
	for _, f := range stack {
		if k.isKoan(f.Func) {
			return f, true
		}
	}
	return frame{}, false
}

func (k Koan) isKoan(fn string) bool {
	rest, ok := strings.CutPrefix(fn, k.Pkg+".")
	return ok && rest != "TestMain" && !strings.HasPrefix(rest, "init")
}

// loc is f's line, relative to the root, with its text.
func (k Koan) loc(f frame) Loc {
	file := strings.TrimPrefix(strings.TrimPrefix(f.File, k.Root), "/")
	l := Loc{File: file, Line: f.Line}
	if k.Source != nil {
		l.Text = strings.TrimSpace(k.Source(file, f.Line))
	}
	return l
}
