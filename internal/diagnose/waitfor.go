package diagnose

import (
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/internal/waitfor"
)

// waitFor draws who waits for whom among the goroutines of a deadlock or a
// leak, with the learner's relative paths. It sets nothing for the other
// kinds (a loop that never ends is not a wait).
func (j *judge) waitFor(f *Failure, gs []traceback.Goroutine) {
	if f.Kind != kind.Deadlock && f.Kind != kind.Leak {
		return
	}
	p := waitfor.Analyze(gs, j.mineAbs)
	if p == nil {
		return
	}
	for i := range p.Blocked {
		b := &p.Blocked[i]
		b.File = j.rel(b.File)
		for k := range b.Holds {
			b.Holds[k].File = j.rel(b.Holds[k].File)
		}
	}
	f.WaitFor = p
}
