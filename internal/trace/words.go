package trace

// wait is a Wait in the learner's words (Go's names stay Go's).
func (d *drawer) wait(w Wait) string {
	switch w {
	case WaitSend:
		return d.l.Sprintf("send on a channel")
	case WaitRecv:
		return d.l.Sprintf("receive from a channel")
	case WaitSelect:
		return "select" // Go's own name, in every language
	case WaitSelect0:
		return d.l.Sprintf("select with no cases (for ever)")
	case WaitNil:
		return d.l.Sprintf("a nil channel (for ever)")
	case WaitLock:
		return "Mutex.Lock" // Go's own name, in every language
	case WaitAnyLock:
		return "Lock" // Go's own name, in every language
	case WaitRLock:
		return "RWMutex.RLock" // Go's own name, in every language
	case WaitWLock:
		return "RWMutex.Lock" // Go's own name, in every language
	case WaitGroup:
		return "WaitGroup.Wait" // Go's own name, in every language
	case WaitCond:
		return "Cond.Wait" // Go's own name, in every language
	case WaitSleep:
		return "time.Sleep" // Go's own name, in every language
	case WaitSync:
		return d.l.Sprintf("a primitive of package sync")
	case WaitBubble:
		return d.l.Sprintf("the synctest bubble to finish")
	case WaitHelper:
		return d.l.Sprintf("koan.WaitUntilBlocked (it polls until another goroutine blocks)")
	case WakeUnlock:
		return "Unlock" // Go's own name, in every language
	case WakeDone:
		return "WaitGroup.Done" // Go's own name, in every language
	case WakeClose:
		return "close" // Go's own name, in every language
	case WakeSignal:
		return d.l.Sprintf("Cond.Signal or Broadcast")
	case AccessRead:
		return d.l.Sprintf("reads")
	case AccessWrite:
		return d.l.Sprintf("writes")
	}
	return d.l.Sprintf("something the picture does not name")
}
