package main

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/verify"
)

// The instructors' commands (package verify), in English on purpose:
// their readers write the course in English.

// verifyCmd proves the course fair and prints a table (or, with -json,
// the report as one JSON object). With -koan, it checks one koan, the
// adversary's wrong answers included.
func (a *app) verifyCmd(ctx context.Context, args []string) error {
	var asJSON bool
	flags := func(fs *flag.FlagSet, opt *verify.Options) {
		koanFlag(fs, opt, "the one koan to check, its wrong answers tried too (its concept's static checks run whole)")
		fs.BoolVar(&asJSON, "json", false, "print the report as one JSON object")
	}
	return a.instructors("verify", args, flags, func(opt verify.Options, start time.Time) (bool, error) {
		if asJSON {
			opt.Log = func(string) {}
		}
		rep, err := verify.Verify(ctx, opt)
		if err != nil {
			return false, err
		}
		if asJSON {
			return len(rep.Problems) == 0, a.printJSON(rep)
		}
		return verify.WriteReport(a.stdout, rep, time.Since(start)), nil
	})
}

// adversaryCmd tries the wrong answers a learner would try, declared in
// the catalogs and generic: each must fail in every run.
func (a *app) adversaryCmd(ctx context.Context, args []string) error {
	var asJSON bool
	var aopt verify.AdversaryOptions
	flags := func(fs *flag.FlagSet, opt *verify.Options) {
		koanFlag(fs, opt, "the one koan to attack")
		fs.BoolVar(&asJSON, "json", false, "print the report as one JSON object")
		fs.IntVar(&aopt.Parallel, "parallel", 0, "builds and runs at once (default GOMAXPROCS)")
		fs.BoolVar(&aopt.Gated, "gated", false, "only the koans that need a newer Go than the course's minimum (//go:build go1.N)")
	}
	return a.instructors("adversary", args, flags, func(opt verify.Options, start time.Time) (bool, error) {
		aopt.Options = opt
		rep, err := verify.Adversary(ctx, aopt)
		if err != nil {
			return false, err
		}
		if asJSON {
			return len(rep.Problems) == 0, a.printJSON(rep)
		}
		return verify.WriteAdversary(a.stdout, rep, time.Since(start)), nil
	})
}

func koanFlag(fs *flag.FlagSet, opt *verify.Options, usage string) {
	fs.StringVar(&opt.Koan, "koan", "", usage)
}

func (a *app) printJSON(v any) error {
	enc := json.NewEncoder(a.stdout)
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// stressCmd runs the solutions many times and judges the koans many times;
// it reports flakes by koan.
func (a *app) stressCmd(ctx context.Context, args []string) error {
	var sopt verify.StressOptions
	flags := func(fs *flag.FlagSet, _ *verify.Options) {
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
// turn; the koan must then fail, in every run.
func (a *app) mutateCmd(ctx context.Context, args []string) error {
	runs := verify.MutantRuns
	flags := func(fs *flag.FlagSet, _ *verify.Options) {
		fs.IntVar(&runs, "runs", verify.MutantRuns, "runs of each mutant: one pass makes it a survivor")
	}
	return a.instructors("mutate", args, flags, func(opt verify.Options, start time.Time) (bool, error) {
		ms, err := verify.Mutate(ctx, opt, runs)
		return err == nil && verify.WriteMutants(a.stdout, ms, time.Since(start)), err
	})
}

// instructors runs an instructors' command: its flags (flags adds its
// own to the -concepts they share), then work, which says whether all is
// well (exit status 1 if not).
func (a *app) instructors(name string, args []string, flags func(*flag.FlagSet, *verify.Options), work func(verify.Options, time.Time) (bool, error)) error {
	fs := a.cli.NewFlags(name)
	opt := verify.Options{Root: a.root, Log: func(s string) { fmt.Fprintln(a.stderr, s) }}
	if flags != nil {
		flags(fs, &opt)
	}
	fs.Func("concepts", "comma-separated concept names (default: all)", func(s string) error {
		opt.Concepts = strings.Split(s, ",")
		return nil
	})
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	if f := fs.Lookup("json"); f == nil || f.Value.String() != "true" { // -json: the report's skipped
		skipped, err := verify.NeedNewerGo(opt)
		if err != nil {
			return err
		}
		verify.WriteSkipped(a.stdout, skipped)
	}
	ok, err := work(opt, time.Now())
	if err != nil {
		return err
	}
	return cli.Verdict(ok)
}
