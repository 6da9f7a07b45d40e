package diagnose

import (
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/run"
)

// noteLoudOutput tells, for a koan judged slow or stuck, how much it
// printed when that was more than the runner keeps (run.KeepBytes at each
// end): printing megabytes through go test takes seconds by itself, so the
// time limit may have caught a koan that was only busy writing.
func noteLoudOutput(f *Failure, output []string) {
	if f == nil || f.Kind != kind.Timeout && f.Kind != kind.Deadlock {
		return
	}
	var cut, kept int64
	for _, l := range output {
		if n, ok := run.CutBytes(l); ok {
			cut += n
		} else {
			kept += int64(len(l))
		}
	}
	if cut == 0 {
		return
	}
	mb := float64(cut+kept) / (1 << 20)
	f.Details = append(f.Details, lang.Msgf("The koan printed %.1f MB of output before it was stopped; printing that much takes seconds by itself. Print less (or nothing) and run again.", mb))
}
