package main

import (
	"context"
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
	sopt := verify.StressOptions{Options: *opt, SolutionRuns: *count, CPU: *cpu, KoanRuns: *koanRuns}
	rep, err := verify.Stress(ctx, sopt)
	if err != nil {
		return err
	}
	return a.verdict(verify.WriteStress(a.stdout, rep, sopt, time.Since(start)))
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
	return a.verdict(verify.WriteMutants(a.stdout, ms, time.Since(start)))
}
