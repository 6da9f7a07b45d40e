package verify

import (
	"context"
	"fmt"
	"sort"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/run"
)

// StressOptions say how hard to push.
type StressOptions struct {
	Options
	// SolutionRuns is go test's -count for the solutions (each at every
	// GOMAXPROCS in CPU).
	SolutionRuns int
	CPU          string
	// KoanRuns is how many times every shipped koan is judged.
	KoanRuns int
}

// A Flake is a koan that did not behave the same every time.
type Flake struct {
	Koan  string
	Tree  string // "solutions" or "koans"
	Bad   int    // runs that went wrong
	Runs  int
	Notes []string
}

func (f Flake) String() string {
	return fmt.Sprintf("%s/%s: %d of %d runs went wrong: %v", f.Tree, f.Koan, f.Bad, f.Runs, f.Notes)
}

// A StressReport counts runs and flakes.
type StressReport struct {
	SolutionRuns, KoanRuns int
	Flakes                 []Flake
}

// Stress runs every solution many times at several GOMAXPROCS under -race,
// and judges every shipped koan many times: a solution must pass every
// time and a koan fail every time with its kind. Anything else is a flake,
// and a flaky koan is a bug in the koan.
func Stress(ctx context.Context, opt StressOptions) (*StressReport, error) {
	opt.defaults()
	koans, err := course.Load(opt.Root, opt.Koans)
	if err != nil {
		return nil, err
	}
	concepts, err := koans.Select(opt.Concepts)
	if err != nil {
		return nil, err
	}
	fl := flakes{}
	rep := &StressReport{KoanRuns: opt.KoanRuns}
	if rep.SolutionRuns, err = stressSolutions(ctx, opt, concepts, fl); err != nil {
		return nil, err
	}
	if err := stressKoans(ctx, opt, koans, concepts, fl); err != nil {
		return nil, err
	}
	for _, f := range fl {
		rep.Flakes = append(rep.Flakes, *f)
	}
	sort.Slice(rep.Flakes, func(i, j int) bool { return rep.Flakes[i].String() < rep.Flakes[j].String() })
	return rep, nil
}

// flakes gathers what went wrong, by tree and koan.
type flakes map[string]*Flake

func (fl flakes) add(tree, koan, note string, runs int) {
	key := tree + "/" + koan
	f := fl[key]
	if f == nil {
		f = &Flake{Koan: koan, Tree: tree, Runs: runs}
		fl[key] = f
	}
	f.Bad++
	if len(f.Notes) < 3 {
		f.Notes = append(f.Notes, note)
	}
}

// stressSolutions runs every solution package in one go test call, with
// -count and -cpu, and returns how many times each test ran.
func stressSolutions(ctx context.Context, opt StressOptions, concepts []*course.Concept, fl flakes) (int, error) {
	var pkgs []string
	for _, c := range concepts {
		if !c.NoneRunnable() {
			pkgs = append(pkgs, "./"+opt.Solutions+"/"+c.Name)
		}
	}
	if len(pkgs) == 0 {
		return 0, nil
	}
	opt.Log(fmt.Sprintf("solutions: -count=%d -cpu=%s under -race", opt.SolutionRuns, opt.CPU))
	res, err := opt.Go(ctx, run.Options{Dir: opt.Root, Race: true, Count: opt.SolutionRuns, CPU: opt.CPU, Timeout: 20 * time.Minute}, pkgs...)
	if err != nil {
		return 0, err
	}
	perTest := len(splitCPU(opt.CPU)) * opt.SolutionRuns
	for _, e := range res.Events {
		if e.Test != "" && e.Action == "fail" {
			fl.add("solutions", e.Test, "failed", perTest)
		}
	}
	for path, p := range res.Packages {
		if path != "" && p.Result != "pass" {
			fl.add("solutions", path, "package did not pass (a leak, a crash or a build failure)", 1)
		}
	}
	return perTest, nil
}

// stressKoans judges every koan KoanRuns times, each time all of them in
// one engine run (judgeKoans): each must fail as its catalog says, every
// time.
func stressKoans(ctx context.Context, opt StressOptions, koans *course.Course, concepts []*course.Concept, fl flakes) error {
	for i := 0; i < opt.KoanRuns; i++ {
		opt.Log(fmt.Sprintf("koans: run %d of %d", i+1, opt.KoanRuns))
		judged, err := judgeKoans(ctx, opt.Options, koans, concepts)
		if err != nil {
			return err
		}
		for _, c := range concepts {
			for _, k := range c.Koans {
				if !k.Runnable() {
					continue // this Go leaves its file out (see Skipped)
				}
				o := judged[k]
				switch {
				case o == nil:
					fl.add("koans", k.Name, "no verdict", opt.KoanRuns)
				case o.Failure == nil:
					fl.add("koans", k.Name, "passed as shipped", opt.KoanRuns)
				case o.Failure.Kind != k.Kind:
					fl.add("koans", k.Name, "failed as "+string(o.Failure.Kind), opt.KoanRuns)
				}
			}
		}
	}
	return nil
}

func splitCPU(s string) []string { return strings.Split(s, ",") }
