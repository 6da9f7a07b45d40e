package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/cli"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/prove"
	"github.com/gokoans/concurrency/internal/state"
)

// proofLines is how much of the first failing run prove shows; the whole
// of it is kept in .koans/prove.log.
const proofLines = 40

// showProof prints the passes of each koan at each setting, and the first
// failing run's output.
func (a *app) showProof(res *prove.Result, opt prove.Options) error {
	for _, c := range res.Counts {
		if len(opt.Tests) > 1 && c.CPU == opt.CPUs[0] {
			a.lang.Fprintf(a.stdout, "%s\n", c.Test)
		}
		line := a.lang.Sprintf("  -cpu %-2d %d of %d passed", c.CPU, c.Passed, c.Runs)
		if c.FirstFailedAt > 0 {
			line += a.lang.Sprintf("   (first failed in run %d)", c.FirstFailedAt)
		}
		a.lang.Fprintf(a.stdout, "%s\n", line)
	}
	if res.Proven() {
		a.lang.Fprintf(a.stdout, "Every run passed. That is evidence, not proof: a race that never happened here may still happen elsewhere, and only synchronisation rules it out.\n")
		return nil
	}
	log := filepath.Join(state.Of(a.root).Path(), "prove.log")
	if err := os.MkdirAll(filepath.Dir(log), 0o755); err == nil {
		if err := os.WriteFile(log, []byte(res.FirstFailure), 0o644); err != nil {
			log = ""
		}
	}
	lines := strings.Split(strings.TrimRight(res.FirstFailure, "\n"), "\n")
	a.lang.Fprintf(a.stdout, "\nThe first failing run (%s at -cpu %d, run %d) printed:\n", res.FailedTest, res.FailedCPU, res.FailedRun)
	for i, l := range lines {
		if i == proofLines {
			a.lang.Fprintf(a.stdout, "  ... (%d lines more)\n", len(lines)-proofLines)
			break
		}
		a.lang.Fprintf(a.stdout, "  %s\n", l)
	}
	if log != "" {
		a.lang.Fprintf(a.stdout, "(all of it is in %s)\n", relTo(a.root, log))
	}
	return cli.ErrFailing
}

func relTo(root, file string) string {
	if r, err := filepath.Rel(root, file); err == nil {
		return r
	}
	return file
}

// proveCmd runs a koan, or a concept's koans, many times at several -cpu
// settings under -race, and counts the passes (package prove).
func (a *app) proveCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("prove")
	name := fs.String("koan", "", a.lang.Sprintf("the koan (its test name) or the concept (05_waitgroup) to prove; the last koan passed if none"))
	n := fs.Int("n", 20, a.lang.Sprintf("runs at each -cpu setting"))
	cpus := fs.String("cpu", "1,2,4,8", a.lang.Sprintf("the -cpu settings, comma-separated"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	opt, label, err := a.proveOptions(ctx, *name, fs.Args(), *n, *cpus)
	if err != nil {
		return err
	}
	a.lang.Fprintf(a.stdout, "%s: %d runs at each -cpu setting, under the race detector, each run a process of its own.\n", label, opt.N)
	if isTerminal(a.stderr) {
		opt.Progress = func(done, total int) { fmt.Fprintf(a.stderr, "\r  %d/%d ", done, total) }
	}
	res, err := prove.Prove(ctx, opt)
	if opt.Progress != nil {
		fmt.Fprint(a.stderr, "\r          \r")
	}
	if err != nil {
		return err
	}
	return a.showProof(res, opt)
}

// proveOptions reads what to prove: a koan, a concept, or the last koan
// passed (the current one if none passed yet).
func (a *app) proveOptions(ctx context.Context, name string, operands []string, n int, cpus string) (prove.Options, string, error) {
	opt := prove.Options{Root: a.root, N: n, Timeout: traceTimeout}
	if n < 1 {
		return opt, "", lang.Errorf("-n must be at least 1")
	}
	for _, s := range strings.Split(cpus, ",") {
		c, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || c < 1 {
			return opt, "", lang.Errorf("-cpu wants numbers, as in 1,2,4,8: %q", cpus)
		}
		opt.CPUs = append(opt.CPUs, c)
	}
	if name == "" && len(operands) == 0 {
		name = journal.LastPassed(a.root)
	}
	c, err := course.Load(a.root, a.tree)
	if err != nil {
		return opt, "", err
	}
	if cn := strings.TrimPrefix(name, a.tree+"/"); name != "" && c.Concept(cn) != nil {
		con := c.Concept(cn)
		opt.Dir = con.Dir
		for _, k := range con.Koans {
			opt.Tests = append(opt.Tests, k.Name)
		}
		return opt, con.Name, nil
	}
	k, err := a.koanNamed(ctx, name, operands)
	if err != nil {
		return opt, "", err
	}
	opt.Dir, opt.Tests = k.Concept.Dir, []string{k.Name}
	return opt, k.Name, nil
}
