package trace

import "strings"

// blockWait names what a goroutine blocked on, from the runtime's reason
// and the stack it blocked with (package sync's waits all say "sync").
func blockWait(reason string, stack []frame) Wait {
	if w := syncCall(stack); w != "" {
		return w
	}
	switch reason {
	case "chan send":
		return WaitSend
	case "chan receive":
		return WaitRecv
	case "select":
		return WaitSelect
	case "sleep":
		return WaitSleep
	case "sync.(*Cond).Wait":
		return WaitCond
	case "synctest":
		return WaitBubble
	case "forever":
		if hasFunc(stack, "runtime.block") {
			return WaitSelect0
		}
		return WaitNil
	case "sync":
		return WaitSync
	}
	return WaitOther
}

// syncCall is the call of package sync the stack waits in: the outermost
// of its innermost run of sync frames (RWMutex.Lock waits in Mutex.Lock).
func syncCall(stack []frame) Wait {
	var w Wait
	for _, f := range stack {
		if strings.HasPrefix(f.Func, "runtime.") || strings.HasPrefix(f.Func, "internal/sync.") {
			continue
		}
		name, ok := syncWaits[f.Func]
		if !ok {
			if strings.HasPrefix(f.Func, "sync.") {
				continue
			}
			break
		}
		w = name
	}
	return w
}

var syncWaits = map[string]Wait{
	"sync.(*Mutex).Lock":     WaitLock,
	"sync.(*RWMutex).Lock":   WaitWLock,
	"sync.(*RWMutex).RLock":  WaitRLock,
	"sync.(*WaitGroup).Wait": WaitGroup,
	"sync.(*Cond).Wait":      WaitCond,
}

// wakeWait names what the waker did, from its stack: the call just outside
// its code (a send, a close, an Unlock, a Done...).
func wakeWait(stack []frame) Wait {
	var w Wait
	for _, f := range stack {
		if v, ok := wakeCalls[f.Func]; ok {
			w = v
		}
		if !strings.HasPrefix(f.Func, "runtime.") && !strings.HasPrefix(f.Func, "sync.") && !strings.HasPrefix(f.Func, "internal/") {
			break
		}
	}
	return w
}

var wakeCalls = map[string]Wait{
	"runtime.chansend1":             WaitSend,
	"runtime.chanrecv1":             WaitRecv,
	"runtime.chanrecv2":             WaitRecv,
	"runtime.closechan":             WakeClose,
	"runtime.selectgo":              WaitSelect,
	"sync.(*Mutex).Unlock":          WakeUnlock,
	"sync.(*RWMutex).Unlock":        WakeUnlock,
	"sync.(*RWMutex).RUnlock":       WakeUnlock,
	"sync.(*WaitGroup).Done":        WakeDone,
	"sync.(*WaitGroup).Add":         WakeDone,
	"sync.(*Cond).Signal":           WakeSignal,
	"sync.(*Cond).Broadcast":        WakeSignal,
	"runtime.gopark":                "",
	"runtime.goready":               "",
	"internal/sync.(*Mutex).Unlock": WakeUnlock,
}

// wakeFor guesses what a waker did from what the woken goroutine waited
// for, when the waker's stack in the trace starts in the koan's code (the
// runtime's frames of close, send or Unlock are left out of some events):
// a receive ends with a send or a close (the line says which).
func wakeFor(w Wait, text string) Wait {
	switch w {
	case WaitRecv:
		if strings.Contains(text, "close(") {
			return WakeClose
		}
		return WaitSend
	case WaitSend:
		return WaitRecv
	case WaitLock, WaitRLock, WaitWLock:
		return WakeUnlock
	case WaitGroup:
		return WakeDone
	case WaitCond:
		return WakeSignal
	}
	return ""
}
