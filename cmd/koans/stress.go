package main

import (
	"context"
	"fmt"
	"text/tabwriter"
	"time"

	"github.com/gokoans/concurrency/internal/verify"
)

// stressCmd runs the solutions many times and judges the koans many times;
// it reports flakes by koan.
func (a *app) stressCmd(ctx context.Context, args []string) error {
	fs := a.newFlags("stress")
	count := fs.Int("count", 50, "runs of each solution at each -cpu value")
	cpu := fs.String("cpu", "1,2,4,8", "GOMAXPROCS values for the solutions")
	koanRuns := fs.Int("koan-runs", 10, "times each shipped koan is judged")
	opt := a.verifyOptions(fs)
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	start := time.Now()
	rep, err := verify.Stress(ctx, verify.StressOptions{
		Options:      *opt,
		SolutionRuns: *count, CPU: *cpu, KoanRuns: *koanRuns,
	})
	if err != nil {
		return err
	}
	fmt.Fprintf(a.stdout, "Each solution ran %d times (-count=%d at -cpu=%s, -race); each koan was judged %d times; %v.\n",
		rep.SolutionRuns, *count, *cpu, rep.KoanRuns, time.Since(start).Round(time.Second))
	if len(rep.Flakes) == 0 {
		fmt.Fprintln(a.stdout, "No flakes: every solution passed every time, every koan failed every time for its reason.")
		return nil
	}
	fmt.Fprintf(a.stdout, "\n%d flaky koan(s):\n", len(rep.Flakes))
	for _, f := range rep.Flakes {
		fmt.Fprintf(a.stdout, "  %s\n", f)
	}
	return errFailing{}
}

// mutateCmd takes each line of synchronisation out of the solutions in
// turn; the koan must then fail.
func (a *app) mutateCmd(ctx context.Context, args []string) error {
	fs := a.newFlags("mutate")
	opt := a.verifyOptions(fs)
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	start := time.Now()
	ms, err := verify.Mutate(ctx, *opt)
	if err != nil {
		return err
	}
	counts := map[verify.MutantResult]int{}
	var survivors []verify.Mutant
	for _, m := range ms {
		counts[m.Result]++
		if m.Result == verify.Survived {
			survivors = append(survivors, m)
		}
	}
	fmt.Fprintf(a.stdout, "%d mutants in %v: %d killed, %d survived, %d do not compile.\n",
		len(ms), time.Since(start).Round(time.Second), counts[verify.Killed], counts[verify.Survived], counts[verify.NoCompile])
	unexplained := 0
	if len(survivors) > 0 {
		tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "\nSURVIVOR\tCHANGE\tEXPLAINED IN THE CATALOG")
		for _, m := range survivors {
			why := m.Explained
			if why == "" {
				why = "no: the koan does not test this line"
				unexplained++
			}
			fmt.Fprintf(tw, "%s:%d\t%s\t%s\n", m.File, m.Line, m.Change, why)
		}
		tw.Flush()
	}
	if unexplained > 0 {
		return errFailing{}
	}
	return nil
}
