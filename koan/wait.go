package koan

import (
	"runtime"
	"strings"

	"github.com/gokoans/concurrency/internal/traceback"
)

// WaitUntilBlocked returns once another goroutine that runs the calling
// package's code is blocked with a wait reason that starts with reason, as a
// goroutine dump prints it ("chan receive", "chan send", "select",
// "sync.Mutex.Lock", "sync.RWMutex.Lock"...), and has on its stack, or as the
// function that started it, a function whose name contains each frame given.
// With reason "", it returns once every other goroutine that runs the calling
// package's code waits (is in any state but running, runnable, or paused by
// the scheduler: preempted, copystack) or has returned.
//
// A goroutine runs the calling package's code when a function of that package
// is on its stack or started it, or when a goroutine that does started it
// (through wg.Go, say, before the goroutine has entered its function).
// Goroutines that only wait for tests to run (TestMain's, and a test's waiting
// in t.Run for its subtest) do not count.
//
// It only reads the goroutines' stacks (runtime.Stack): it synchronizes with
// nothing, so it creates no happens-before edge, and what it orders in time
// the race detector still sees as concurrent. Koans use it to make one
// interleaving happen on every run; real code never needs it. A wait reason
// is the runtime's name for what a goroutine waits on, not a promise of the
// language: a koan that waits for one relies on the current implementation.
//
// If no goroutine ever blocks that way, WaitUntilBlocked waits for ever (the
// hang guard reports the koan as slow).
func WaitUntilBlocked(reason string, frame ...string) {
	pkg := callerPackage()
	var buf []byte
	for {
		buf = stacksInto(buf)
		gs := traceback.Parse(string(buf))
		// runtime.Stack prints the calling goroutine first.
		if len(gs) > 0 && blockedIn(gs, gs[0].ID, pkg, reason, frame) {
			return
		}
		runtime.Gosched()
	}
}

// callerPackage is the import path of the package that called the exported
// function calling it.
func callerPackage() string {
	pc, _, _, ok := runtime.Caller(2)
	if !ok {
		return ""
	}
	return packageOf(runtime.FuncForPC(pc).Name())
}

// packageOf returns the package path of a fully qualified function name:
// "example.com/p.TestX.func1" -> "example.com/p".
func packageOf(fn string) string {
	slash := strings.LastIndex(fn, "/")
	if dot := strings.Index(fn[slash+1:], "."); dot >= 0 {
		return fn[:slash+1+dot]
	}
	return fn
}

// blockedIn reports whether, among gs but the caller self, the goroutines of
// package pkg that have every frame include one blocked with reason, or, for
// reason "", whether none of them may run on.
func blockedIn(gs []traceback.Goroutine, self int, pkg, reason string, frames []string) bool {
	byID := make(map[int]traceback.Goroutine, len(gs))
	for _, g := range gs {
		byID[g.ID] = g
	}
	for _, g := range gs {
		if g.ID == self || !ofPackage(g, byID, pkg) || waitsForTests(g) || !hasFrames(g, frames) {
			continue
		}
		busy := mayRunOn(g.State)
		switch {
		case reason == "" && busy:
			return false
		case reason != "" && strings.HasPrefix(g.State, reason):
			return true
		}
	}
	return reason == ""
}

// mayRunOn reports whether a goroutine in state goes on without anyone's
// help: it runs, may run, or is only paused by the scheduler.
func mayRunOn(state string) bool {
	switch state {
	case "running", "runnable", "preempted", "copystack", "idle":
		return true
	}
	return false
}

// ofPackage reports whether g runs pkg's code, or was started by a goroutine
// that does (or that was, in turn), as far as the dump tells and short of the
// goroutines that run the tests.
func ofPackage(g traceback.Goroutine, byID map[int]traceback.Goroutine, pkg string) bool {
	for seen := map[int]bool{}; !seen[g.ID]; {
		if runsPackage(g, pkg) {
			return true
		}
		seen[g.ID] = true
		creator, ok := byID[g.CreatorID]
		if !ok || waitsForTests(creator) {
			return false // go test's own goroutines start everything at last
		}
		g = creator
	}
	return false
}

// runsPackage reports whether a function of pkg is on g's stack or started g.
func runsPackage(g traceback.Goroutine, pkg string) bool {
	in := func(fn string) bool { return pkg != "" && strings.HasPrefix(fn, pkg+".") }
	for _, f := range g.Frames {
		if in(f.Func) {
			return true
		}
	}
	return in(g.CreatedBy.Func)
}

// waitsForTests reports whether g is where go test waits for tests to run:
// in testing.M.Run (TestMain's goroutine) or in testing.T.Run (a test waiting
// for its subtest).
func waitsForTests(g traceback.Goroutine) bool {
	for _, f := range g.Frames {
		if f.Func == "testing.(*M).Run" || f.Func == "testing.(*T).Run" {
			return true
		}
	}
	return false
}

// hasFrames reports whether each of frames is part of the name of a function
// on g's stack, or of the function that started g.
func hasFrames(g traceback.Goroutine, frames []string) bool {
	for _, want := range frames {
		found := strings.Contains(g.CreatedBy.Func, want)
		for _, f := range g.Frames {
			found = found || strings.Contains(f.Func, want)
		}
		if !found {
			return false
		}
	}
	return true
}
