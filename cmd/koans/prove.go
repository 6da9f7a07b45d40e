package main

import (
	"os"
	"path/filepath"
	"strings"

	"github.com/gokoans/concurrency/internal/cli"
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
