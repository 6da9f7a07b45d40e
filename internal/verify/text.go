package verify

import (
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"
)

// These write the instructors' reports, in English on purpose: their
// readers write the course in English. Each reports whether all is well.

// WriteReport writes verify's table, the time it took and its problems.
func WriteReport(w io.Writer, rep *Report, took time.Duration) bool {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "CONCEPT\tKOANS\tDETECTOR-JUDGED\tEXPECTED KINDS\tRESULT")
	total, detected := 0, 0
	for _, r := range rep.Rows {
		var kinds []string
		for _, k := range slices.Sorted(maps.Keys(r.Kinds)) {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, r.Kinds[k]))
		}
		result := "ok"
		if !r.OK {
			result = "PROBLEMS"
		}
		fmt.Fprintf(tw, "%s\t%d\t%d\t%s\t%s\n", r.Concept, r.Koans, r.Detected, strings.Join(kinds, ", "), result)
		total += r.Koans
		detected += r.Detected
	}
	fmt.Fprintf(tw, "total\t%d\t%d\t\t\n", total, detected)
	tw.Flush()
	if rep.Adversary != nil {
		writeAttempts(w, rep.Adversary)
	}
	fmt.Fprintf(w, "\nverified in %v\n", took.Round(100*time.Millisecond))
	return writeOutcome(w, rep.Problems, "Every koan fails for its reason; every solution passes; the mirror holds; every blank is needed; no hint gives an answer away.")
}

// writeOutcome lists the problems, or says all is well; it reports whether
// all is.
func writeOutcome[P any](w io.Writer, problems []P, allWell string) bool {
	if len(problems) > 0 {
		fmt.Fprintf(w, "\n%d problem(s):\n", len(problems))
		for _, p := range problems {
			fmt.Fprintf(w, "  %v\n", p)
		}
		return false
	}
	fmt.Fprintln(w, allWell)
	return true
}

// WriteStress writes what stress found with opt, and the flakes by koan.
func WriteStress(w io.Writer, rep *StressReport, opt StressOptions, took time.Duration) bool {
	fmt.Fprintf(w, "Each solution ran %d times (-count=%d at -cpu=%s, -race); each koan was judged %d times; %v.\n",
		rep.SolutionRuns, opt.SolutionRuns, opt.CPU, rep.KoanRuns, took.Round(time.Second))
	if len(rep.Flakes) == 0 {
		fmt.Fprintln(w, "No flakes: every solution passed every time, every koan failed every time for its reason.")
		return true
	}
	fmt.Fprintf(w, "\n%d flaky koan(s):\n", len(rep.Flakes))
	for _, f := range rep.Flakes {
		fmt.Fprintf(w, "  %s\n", f)
	}
	return false
}

// WriteMutants writes what mutate found: the counts, and the survivors
// with whether the catalog explains each. Only unexplained survivors are
// a problem.
func WriteMutants(w io.Writer, ms []Mutant, took time.Duration) bool {
	counts := map[MutantResult]int{}
	var survivors []Mutant
	for _, m := range ms {
		counts[m.Result]++
		if m.Result == Survived {
			survivors = append(survivors, m)
		}
	}
	runs := 0
	for _, m := range ms {
		runs += m.Runs
	}
	fmt.Fprintf(w, "%d mutants in %v (%d runs: each killed only if it failed every run): %d killed, %d survived, %d do not compile.\n",
		len(ms), took.Round(time.Second), runs, counts[Killed], counts[Survived], counts[NoCompile])
	unexplained := 0
	if len(survivors) > 0 {
		tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
		fmt.Fprintln(tw, "\nSURVIVOR\tCHANGE\tEXPLAINED IN THE CATALOG")
		for _, m := range survivors {
			why := m.Explained
			if why == "" {
				why = "no: the koan does not test this line"
				unexplained++
			}
			fmt.Fprintf(tw, "%s:%d\t%s (passed in run %d)\t%s\n", m.File, m.Line, m.Change, m.Runs, why)
		}
		tw.Flush()
	}
	return unexplained == 0
}

// WriteAdversary writes what the adversary found: per koan the wrong
// answers tried and how each fared, then the problems (answers that
// passed) and the information (passes that cannot be helped here).
func WriteAdversary(w io.Writer, rep *AdversaryReport, took time.Duration) bool {
	tw := tabwriter.NewWriter(w, 0, 0, 2, ' ', 0)
	fmt.Fprintln(tw, "KOAN\tKIND\tDECLARED\tTRIED\tPASSED")
	tried, declared := 0, 0
	for _, k := range rep.Koans {
		d, t, p := 0, 0, 0
		for _, a := range k.Attempts {
			if a.Source == Declared {
				d++
			}
			if a.Result != NoBuild && a.Result != NotApplied && a.Result != CannotFail {
				t++
			}
			if a.Result == Passes {
				p++
			}
		}
		tried += t
		declared += d
		passed := "-"
		if p > 0 {
			passed = fmt.Sprint(p)
		}
		fmt.Fprintf(tw, "%s\t%s\t%d\t%d\t%s\n", k.Koan, k.Kind, d, t, passed)
	}
	tw.Flush()
	n := rep.Counts()
	fmt.Fprintf(w, "\n%d koans, %d wrong answers tried (%d declared) in %v: %d failed every run, %d failed vet, %d passed; %d generic ones did not compile, %d compare a value with itself (not run).\n",
		len(rep.Koans), tried, declared, took.Round(time.Second), n[Fails], n[FailsVet], n[Passes], n[NoBuild], n[CannotFail])
	if len(rep.Info) > 0 {
		fmt.Fprintf(w, "\n%d answer(s) that cannot fail (information: grading must not grade them):\n", len(rep.Info))
		for _, p := range rep.Info {
			fmt.Fprintf(w, "  %s\n", p)
		}
	}
	return writeOutcome(w, rep.Problems, "Every wrong answer tried failed in every run.")
}

// writeAttempts lists each wrong answer tried and how it fared.
func writeAttempts(w io.Writer, rep *AdversaryReport) {
	for _, k := range rep.Koans {
		fmt.Fprintf(w, "\nWrong answers tried on %s (%s):\n", k.Koan, k.Kind)
		if len(k.Attempts) == 0 {
			fmt.Fprintln(w, "  none applies: declare the ones a learner would try ([[koan.wrong]])")
		}
		for _, a := range k.Attempts {
			fmt.Fprintf(w, "  %-16s %-14s %s: %s\n", a.Result, a.Source, a.Edit, a.Summary())
		}
	}
}
