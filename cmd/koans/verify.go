package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/verify"
)

// The instructors' commands (package verify), in English on purpose:
// their readers write the course in English.

// verifyCmd proves the course fair and prints a table.
func (a *app) verifyCmd(ctx context.Context, args []string) error {
	return a.instructors("verify", args, nil, func(opt verify.Options, start time.Time) (bool, error) {
		rep, err := verify.Verify(ctx, opt)
		return err == nil && verify.WriteReport(a.stdout, rep, time.Since(start)), err
	})
}

// stressCmd runs the solutions many times and judges the koans many times;
// it reports flakes by koan.
func (a *app) stressCmd(ctx context.Context, args []string) error {
	var sopt verify.StressOptions
	flags := func(fs *flag.FlagSet) {
		fs.IntVar(&sopt.SolutionRuns, "count", 50, "runs of each solution at each -cpu value")
		fs.StringVar(&sopt.CPU, "cpu", "1,2,4,8", "GOMAXPROCS values for the solutions")
		fs.IntVar(&sopt.KoanRuns, "koan-runs", 10, "times each shipped koan is judged")
	}
	return a.instructors("stress", args, flags, func(opt verify.Options, start time.Time) (bool, error) {
		sopt.Options = opt
		rep, err := verify.Stress(ctx, sopt)
		return err == nil && verify.WriteStress(a.stdout, rep, sopt, time.Since(start)), err
	})
}

// mutateCmd takes each line of synchronisation out of the solutions in
// turn; the koan must then fail.
func (a *app) mutateCmd(ctx context.Context, args []string) error {
	return a.instructors("mutate", args, nil, func(opt verify.Options, start time.Time) (bool, error) {
		ms, err := verify.Mutate(ctx, opt)
		return err == nil && verify.WriteMutants(a.stdout, ms, time.Since(start)), err
	})
}

// instructors runs an instructors' command: its flags (flags adds its
// own to the -concepts they share), then work, which says whether all is
// well (exit status 1 if not).
func (a *app) instructors(name string, args []string, flags func(*flag.FlagSet), work func(verify.Options, time.Time) (bool, error)) error {
	fs := a.cli.NewFlags(name)
	if flags != nil {
		flags(fs)
	}
	opt := verify.Options{Root: a.root, Log: func(s string) { fmt.Fprintln(a.stderr, s) }}
	fs.Func("concepts", "comma-separated concept names (default: all)", func(s string) error {
		opt.Concepts = strings.Split(s, ",")
		return nil
	})
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	ok, err := work(opt, time.Now())
	if err != nil {
		return err
	}
	return cli.Verdict(ok)
}
