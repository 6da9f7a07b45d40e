package trace

import (
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/traceback"
	"github.com/gokoans/concurrency/internal/waitfor"
)

// Annotate adds to run what the koan's output says and the trace does not:
// the two accesses of the first data race the detector reported, and the
// wait-for cycle of a koan the hang guard found stuck.
func Annotate(run *Run, output string, k Koan) {
	addRace(run, output, k)
	addCycle(run, output, k)
}

// An access is one side of a race report.
type access struct {
	write bool
	g     string // the race detector's goroutine number
	at    frame
}

var (
	accessRE  = regexp.MustCompile(`^(?i:previous )?(?i:atomic )?(?i:(read|write)) at 0x[0-9a-f]+ by (?:goroutine (\d+)|main goroutine):$`)
	createdRE = regexp.MustCompile(`^Goroutine (\d+) \([^)]*\) created at:$`)
	frameRE   = regexp.MustCompile(`^\s+(\S.*?):(\d+)(?: \+0x[0-9a-f]+)?$`)
)

// addRace marks the first race report's two accesses on their lanes.
func addRace(run *Run, output string, k Koan) {
	_, report, ok := strings.Cut(output, "WARNING: DATA RACE")
	if !ok {
		return
	}
	report, _, _ = strings.Cut(report, "==================")
	var accesses []access
	created := map[string]frame{}
	starter := map[string]string{} // the function that started each goroutine
	var cur func(f frame)
	var fn, creating string
	for _, line := range strings.Split(report, "\n") {
		line = strings.TrimRight(line, "\r")
		if m := accessRE.FindStringSubmatch(line); m != nil {
			accesses = append(accesses, access{write: strings.EqualFold(m[1], "write"), g: m[2]})
			a := &accesses[len(accesses)-1]
			cur = func(f frame) { a.at = f }
		} else if m := createdRE.FindStringSubmatch(line); m != nil {
			g := m[1]
			cur, creating = func(f frame) { created[g] = f }, g
		} else if m := frameRE.FindStringSubmatch(line); m != nil && cur != nil && strings.HasPrefix(line, "      ") {
			n, _ := strconv.Atoi(m[2])
			if f := (frame{Func: fn, File: m[1], Line: n}); k.isKoan(fn) {
				cur(f)
				cur = nil
			}
		} else if t := strings.TrimSpace(line); strings.HasPrefix(line, "  ") && strings.HasSuffix(t, ")") {
			fn = t[:strings.LastIndex(t, "(")]
			if creating != "" {
				starter[creating] = fn
				creating = ""
			}
		}
	}
	end := lastAt(run)
	for _, a := range accesses {
		if a.at.Line == 0 {
			continue
		}
		w := AccessRead
		if a.write {
			w = AccessWrite
		}
		lane := laneStartedAt(run, k, created[a.g], starter[a.g])
		run.Rows = append(run.Rows, Row{At: end, Kind: Race, Lane: lane, Wait: w, Loc: k.loc(a.at)})
	}
}

// laneStartedAt is the lane of the goroutine the race report says was
// started by the function starter, at f: the test's own (started by
// testing), the bubble's function (started by synctest), or the one a go
// statement at f started (the race report and the trace may not inline the
// same calls: a line that called the go statement's function counts too).
// It is 0 when the report does not say which goroutine of the koan it was
// (its stack of creation lost the koan's frames, or one go statement
// started several) and more than one could be.
func laneStartedAt(run *Run, k Koan, f frame, starter string) int {
	switch {
	case starter == "testing.(*T).Run":
		return laneOf(run, RoleTest)
	case strings.HasPrefix(starter, "testing/synctest.") || strings.HasPrefix(starter, "internal/synctest."):
		return laneOf(run, RoleBubble)
	}
	if f.Line != 0 {
		l := k.loc(f)
		for pass := 0; pass < 2; pass++ { // the go statement's line, then a line that called it
			var found []int
			for _, ln := range run.Lanes {
				for i, m := range ln.made {
					if m.File == l.File && m.Line == l.Line && (i == 0 || pass == 1) {
						found = append(found, ln.N)
						break
					}
				}
			}
			switch {
			case len(found) == 1:
				return found[0]
			case len(found) > 1:
				return 0 // a loop's go statement started them all: which one raced, the report does not say
			}
		}
	}
	n, others := 0, 0
	for _, ln := range run.Lanes {
		if ln.Role == RoleGo {
			n, others = ln.N, others+1
		}
	}
	if others != 1 {
		return 0
	}
	return n
}

// laneOf is the first lane of a role, 0 if none.
func laneOf(run *Run, r Role) int {
	for _, ln := range run.Lanes {
		if ln.Role == r {
			return ln.N
		}
	}
	return 0
}

func lastAt(run *Run) time.Duration {
	if n := len(run.Rows); n > 0 {
		return run.Rows[n-1].At
	}
	return 0
}

// addCycle reads the hang guard's dump, as the verdict does (package
// waitfor), and keeps its first wait-for cycle, in the run's lanes.
func addCycle(run *Run, output string, k Koan) {
	dir := k.Dir // waitfor reads the koan's source where the dump's paths say
	if dir == "" {
		dir = k.Root
	}
	if dir != k.Root {
		output = strings.ReplaceAll(output, k.Root+"/", dir+"/")
	}
	gs := traceback.OfTest(traceback.Parse(output), k.Test)
	if len(gs) == 0 {
		return
	}
	p := waitfor.Analyze(gs, func(file string) bool {
		return strings.HasPrefix(file, dir+"/") && strings.HasSuffix(file, "_test.go")
	})
	if p == nil || len(p.Cycles) == 0 {
		return
	}
	lane := map[int]int{}
	for _, ln := range run.Lanes {
		lane[int(ln.Goid)] = ln.N
	}
	c := p.Cycles[0]
	for i, s := range c {
		next := c[(i+1)%len(c)]
		file := ""
		for _, b := range p.Blocked {
			if b.Goroutine == s.Goroutine {
				file = b.File
				if rest, ok := strings.CutPrefix(file, dir+"/"); ok {
					file = k.Root + "/" + rest // as the trace spells it
				}
			}
		}
		run.Cycle = append(run.Cycle, CycleStep{Lane: lane[s.Goroutine], Next: lane[next.Goroutine],
			Waits: cycleWaits[s.Wait], What: s.WaitsFor, Loc: k.loc(frame{File: file, Line: s.Line})})
	}
}

// cycleWaits are waitfor's waits as the picture names them.
var cycleWaits = map[waitfor.Wait]Wait{
	waitfor.Lock: WaitAnyLock, waitfor.RLock: WaitRLock, waitfor.Send: WaitSend, waitfor.Receive: WaitRecv,
	waitfor.WaitGroup: WaitGroup, waitfor.Cond: WaitCond, waitfor.Select: WaitSelect, waitfor.NilChan: WaitNil,
}
