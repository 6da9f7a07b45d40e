package main

import (
	"context"
	"flag"
	"fmt"
	"strings"
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
	return a.verdict(verify.WriteReport(a.stdout, rep, time.Since(start)))
}

// verdict is the error of an instructors' command that found all well, or not.
func (a *app) verdict(ok bool) error {
	if !ok {
		return errFailing
	}
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
