package trace

// wait is a Wait in the learner's words.
func (d *drawer) wait(w Wait) string {
	switch w {
	case WaitSend:
		return d.l.Sprintf("send on a channel")
	case WaitRecv:
		return d.l.Sprintf("receive from a channel")
	case WaitSelect:
		return d.l.Sprintf("select")
	case WaitSelect0:
		return d.l.Sprintf("select with no cases (for ever)")
	case WaitNil:
		return d.l.Sprintf("a nil channel (for ever)")
	case WaitLock:
		return d.l.Sprintf("Mutex.Lock")
	case WaitRLock:
		return d.l.Sprintf("RWMutex.RLock")
	case WaitWLock:
		return d.l.Sprintf("RWMutex.Lock")
	case WaitGroup:
		return d.l.Sprintf("WaitGroup.Wait")
	case WaitCond:
		return d.l.Sprintf("Cond.Wait")
	case WaitSleep:
		return d.l.Sprintf("time.Sleep")
	case WaitSync:
		return d.l.Sprintf("a primitive of package sync")
	case WaitBubble:
		return d.l.Sprintf("the synctest bubble to finish")
	case WaitHelper:
		return d.l.Sprintf("koan.WaitUntilBlocked (it polls until another goroutine blocks)")
	case WakeUnlock:
		return d.l.Sprintf("Unlock")
	case WakeDone:
		return d.l.Sprintf("WaitGroup.Done")
	case WakeClose:
		return d.l.Sprintf("close")
	case WakeSignal:
		return d.l.Sprintf("Cond.Signal or Broadcast")
	case AccessRead:
		return d.l.Sprintf("reads")
	case AccessWrite:
		return d.l.Sprintf("writes")
	}
	return d.l.Sprintf("something the picture does not name")
}
