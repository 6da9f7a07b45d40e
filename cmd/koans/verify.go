package main

import (
	"context"
	"flag"
	"fmt"
	"maps"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/gokoans/concurrency/internal/verify"
)

// verifyCmd proves the course fair (see package verify) and prints a table.
func (a *app) verifyCmd(ctx context.Context, args []string) error {
	fs := a.newFlags("verify")
	opt := a.verifyOptions(fs)
	if err := a.parseFlags(fs, args); err != nil {
		return err
	}
	start := time.Now()
	rep, err := verify.Verify(ctx, *opt)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(a.stdout, 0, 0, 2, ' ', 0)
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
	fmt.Fprintf(a.stdout, "\nverified in %v\n", time.Since(start).Round(100*time.Millisecond))
	if len(rep.Problems) > 0 {
		fmt.Fprintf(a.stdout, "\n%d problem(s):\n", len(rep.Problems))
		for _, p := range rep.Problems {
			fmt.Fprintf(a.stdout, "  %s\n", p)
		}
		return errFailing{}
	}
	fmt.Fprintln(a.stdout, "Every koan fails for its reason; every solution passes; the mirror holds; every blank is needed; no hint gives an answer away.")
	return nil
}

// verifyOptions are the options verify, stress and mutate share, with the
// -concepts flag on fs to narrow them; read them after fs.Parse.
func (a *app) verifyOptions(fs *flag.FlagSet) *verify.Options {
	opt := &verify.Options{Root: a.root, Log: func(s string) { fmt.Fprintln(a.stderr, s) }}
	fs.Func("concepts", "comma-separated concept names (default: all)", func(s string) error {
		opt.Concepts = strings.Split(s, ",")
		return nil
	})
	return opt
}
