package waitfor

import (
	"github.com/gokoans/concurrency/internal/traceback"
)

// A Wait is what a goroutine waits to do.
type Wait string

const (
	Lock      Wait = "lock"    // sync.Mutex.Lock, or RWMutex.Lock: to write
	RLock     Wait = "rlock"   // RWMutex.RLock: to read
	Send      Wait = "send"    // on a channel
	Receive   Wait = "receive" // from a channel (or range over it)
	Close     Wait = "close"   // only as what another goroutine will do
	Done      Wait = "done"    // only as what another goroutine will do
	WaitGroup Wait = "waitgroup"
	Cond      Wait = "cond"
	Select    Wait = "select"
	NilChan   Wait = "nil"   // a send or receive on a nil channel
	Unknown   Wait = "other" // a state the analysis does not read
)

// A Picture is who waits for whom among a koan's blocked goroutines.
type Picture struct {
	Blocked []Blocked
	// Cycles are the closed chains of waits, each at most once.
	Cycles [][]Step
}

// Blocked is one goroutine of the koan that waits.
type Blocked struct {
	Goroutine int
	Koan      bool   // the koan's own goroutine (the test, or its synctest bubble's root)
	File      string // as the traceback printed it (absolute)
	Line      int
	Wait      Wait
	// WaitsFor names the lock, channel, WaitGroup or Cond; "" when the
	// source does not say.
	WaitsFor string
	Holds    []Hold
	// Hopeless is set when no other live goroutine of the koan can end the
	// wait: no one else uses the channel, no one can lower the WaitGroup's
	// counter, or the channel is nil.
	Hopeless bool
}

// A Hold is a lock a blocked goroutine holds.
type Hold struct {
	Lock string
	Read bool // RLock
	File string
	Line int // where it was taken
}

// A Step is one goroutine of a cycle, and why the next one keeps it waiting.
type Step struct {
	Goroutine int
	Koan      bool
	Wait      Wait
	WaitsFor  string
	Line      int
	// By: the next goroutine of the cycle holds WaitsFor (taken at
	// Line), or will Will (send, receive, close, done) on it at Line, or,
	// for an RWMutex this one waits to read-lock, waits to Lock it at Line
	// (a waiting writer keeps new readers out).
	By Link
}

// A Link says what the next goroutine of a cycle does to what the step
// waits for.
type Link struct {
	Holds bool
	Read  bool // it holds it for reading (RLock)
	Will  Wait
	Line  int
}

// Analyze reads the goroutines of one koan (those the failure is about) and
// the koan's files, which mine recognizes among the frames' absolute paths.
// It returns nil when no goroutine waits in the koan's code.
func Analyze(gs []traceback.Goroutine, mine func(file string) bool) *Picture {
	a := newAnalysis(gs, mine)
	a.readGoroutines()
	if len(a.blocked) == 0 {
		return nil
	}
	a.name()
	p := &Picture{}
	for _, b := range a.blocked {
		p.Blocked = append(p.Blocked, b.picture(a))
	}
	a.edges()
	p.Cycles = a.cycles()
	for i, b := range a.blocked {
		p.Blocked[i].Hopeless = a.hopeless(b)
	}
	return p
}
