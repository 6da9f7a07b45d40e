package trace

import "time"

// A Run is one koan's run as the trace saw it: the koan's goroutines as
// lanes, and what happened on them as rows, in the order it happened.
type Run struct {
	Test string
	// Bubble is set when the koan ran inside a synctest bubble. The trace
	// holds the real clock only: the picture is drawn in the order things
	// happened, which is the bubble's order too; its fake clock is not drawn.
	Bubble bool
	Lanes  []*Lane
	Rows   []Row
	// Cycle is the wait-for cycle of a deadlocked koan, as the verdict
	// names it (from the hang guard's dump), nil when there is none.
	Cycle []CycleStep
	// Hidden counts the goroutines of the run that are not the koan's
	// (the runtime's, the test framework's, the hang guard).
	Hidden int
}

// A Loc is a line of the koan's source.
type Loc struct {
	File string // relative to the course's root, slash-separated
	Line int
	Text string // the line itself, trimmed ("" if the source is not at hand)
}

// IsZero reports whether l names no line.
func (l Loc) IsZero() bool { return l.Line == 0 }

// A Lane is one goroutine of the koan.
type Lane struct {
	N     int    // 1, 2, ...: G1 is the first (the test's), in order of start
	Goid  int64  // the runtime's goroutine id
	Role  Role   // the test, the bubble's function, or a go statement's
	Start Loc    // the go statement that started it (zero for the test)
	By    int    // the lane that started it (0: none of the koan's)
	At    int64  // when it started, in ns since the first lane started
	End   Ending // how it ended
	// made are the koan's lines on the stack of the go statement, innermost
	// first (a helper the test calls that starts it, then the test's line).
	made []Loc
}

// Role is what a lane runs.
type Role int

const (
	RoleGo     Role = iota // started by a go statement of the koan
	RoleTest               // the test's own goroutine
	RoleBubble             // the function a synctest bubble runs
)

// Ending is how a lane ended, or where it was when the trace stopped.
type Ending int

const (
	Ended   Ending = iota // it returned
	Blocked               // still blocked when the run ended
	Alive                 // still running or runnable when the run ended
)

// Kind is what a row shows.
type Kind int

const (
	Start Kind = iota // Lane starts the goroutine of lane Peer
	Block             // Lane blocks: Wait, at Loc
	Wake              // Lane wakes lane Peer (0: the runtime or a timer did) at Loc
	End               // Lane's goroutine returns
	Still             // at the end of the run, Lane is still blocked: Wait at Loc
	Race              // the race detector saw Lane access memory at Loc (Wait: read or write)
)

// A Row is one thing that happened to the koan's goroutines.
type Row struct {
	At   time.Duration // since the first lane started (the last row's for Still and Race)
	Kind Kind
	Lane int // a lane's N
	Peer int // a lane's N, or 0
	// Wait is what the lane waits for (Block, Still) or does (Wake, Race),
	// in the runner's words: see Waits.
	Wait Wait
	Loc  Loc
	// Times is how many times the group of rows this one starts repeated
	// in a row (Group rows long); 0 or 1 for once.
	Times, Group int
}

// Wait names a kind of wait, or of access.
type Wait string

// The waits a row names: what the runtime's block reason and the stack say.
const (
	WaitSend     Wait = "send"
	WaitRecv     Wait = "receive"
	WaitSelect   Wait = "select"
	WaitSelect0  Wait = "select{}"
	WaitLock     Wait = "Mutex.Lock"
	WaitAnyLock  Wait = "Lock" // a Mutex's or an RWMutex's, to write
	WaitRLock    Wait = "RWMutex.RLock"
	WaitWLock    Wait = "RWMutex.Lock"
	WaitGroup    Wait = "WaitGroup.Wait"
	WaitCond     Wait = "Cond.Wait"
	WaitSleep    Wait = "sleep"
	WaitSync     Wait = "sync" // another primitive of package sync
	WaitNil      Wait = "nil channel"
	WaitOther    Wait = "other"
	AccessRead   Wait = "read"
	AccessWrite  Wait = "write"
	WakeUnlock   Wait = "Unlock"
	WakeDone     Wait = "Done"
	WakeClose    Wait = "close"
	WakeSignal   Wait = "Signal"
	WakeTimer    Wait = "timer"
	WakeDeadlock Wait = "deadlock"
	WakeIdle     Wait = "idle"   // a bubble's goroutines all wait: its fake clock moves on
	WaitBubble   Wait = "bubble" // the test waits for its synctest bubble
	WaitHelper   Wait = "koan.WaitUntilBlocked"
)

// A CycleStep is one goroutine of a wait-for cycle: lane Lane waits at Loc
// for what (a lock, a channel) lane Next holds or will act on.
type CycleStep struct {
	Lane, Next int
	Waits      Wait   // what it waits to do
	What       string // the lock's or channel's name in the source
	Loc        Loc
}
