// Package waitfor draws who waits for whom in a koan that deadlocked or
// leaked: for each blocked goroutine, where it waits, on what (a lock, a
// channel, a WaitGroup), and which locks it holds; then the cycles those
// waits close (AB-BA, a channel wait cycle, a send under a lock the receiver
// needs), and the waits nothing left alive can end.
//
// It reads two things only: the goroutines of a traceback (internal/traceback)
// and the koan's source (go/parser). A lock or a channel is known by the
// expression that names it, followed through the calls of the stack back to
// the variable it is (a parameter becomes the caller's argument), and by the
// addresses the traceback shows: the receiver of sync.(*Mutex).Lock and the
// pointer arguments of the koan's frames. Two expressions that share a
// variable or an address are the same lock, named the same way everywhere.
//
// It is a static approximation: a lock counts as held when the frame's
// function took it on an earlier line and has not unlocked it since
// (deferred unlocks have not run); branches are not followed, and a lock
// taken by a call that has returned is not seen.
package waitfor
