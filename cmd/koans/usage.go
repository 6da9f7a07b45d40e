package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
)

// errHelp ends a command whose usage was asked for with -h or -help: the
// usage is printed, and the exit status is 0.
var errHelp = errors.New("usage asked for")

// A command is one of the runner's commands: its usage and its work. The
// one table serves both, so the usage lists what runs, no more, no less.
type command struct {
	name, args string
	say        lang.Msg
	common     bool // takes the runner's own flags after its name too: koans list -json
	run        func(a *app, ctx context.Context, args []string) error
}

// commands are the runner's commands, in the order its usage lists them.
func commands() []command {
	return []command{
		{"run", "", lang.Msgf("run the path, stop at the first failing koan, explain it (the default)"), true, (*app).runCmd},
		{"hint", "", lang.Msgf("a hint for the current koan; ask again for a stronger one"), true, (*app).hintCmd},
		{"watch", "[-runs N]", lang.Msgf("run again on every save; keys h hint, l list, r run, q quit"), false, (*app).watchCmd},
		{"list", "", lang.Msgf("the map of the path: every koan, passed, current or not yet"), true, (*app).listCmd},
		{"stats", "[-json]", lang.Msgf("your journal summed up: time per concept, the hardest koans, the commonest ways to fail"), true, (*app).statsCmd},
		{"solution", "[KOAN]", lang.Msgf("a passed koan's reference solution against your own (the last koan passed if none is named)"), false, (*app).solutionCmd},
		{"reset", "[-y] KOAN|FILE", lang.Msgf("restore a koan's file as shipped, keeping yours in .koans/backups"), false, (*app).resetCmd},
		{"verify", "[-concepts A,B]", lang.Msgf("for instructors: every koan fails for its reason, every solution passes"), false, (*app).verifyCmd},
		{"stress", "[-count N] [-cpu LIST] [-koan-runs N] [-concepts A,B]", lang.Msgf("solutions many times at several -cpu values, koans judged again and again: flakes by koan"), false, (*app).stressCmd},
		{"mutate", "[-concepts A,B]", lang.Msgf("take each line of synchronisation out of the solutions: the koan must fail"), false, (*app).mutateCmd},
	}
}

// lookup is the command named name, nil if there is none.
func lookup(name string) *command {
	for _, c := range commands() {
		if c.name == name {
			return &c
		}
	}
	return nil
}

// newFlags makes the flag set of a command; parseFlags prints its usage.
func (a *app) newFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(a.stderr)
	fs.Usage = func() {} // parseFlags prints it, where it belongs
	return fs
}

// parseFlags parses args with fs. Asked for with -h, the runner's usage goes
// to stdout and the error is errHelp; after a mistake in the flags (which
// the flag package has named on stderr) it goes to stderr.
func (a *app) parseFlags(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		usage(a.stdout, fs, a.lang)
		return errHelp
	case err != nil:
		usage(a.stderr, fs, a.lang)
	}
	return err
}

// usage writes the usage of fs's command: the whole runner's for the
// runner's own flag set, else the command's line and its flags; in l.
func usage(w io.Writer, fs *flag.FlagSet, l lang.Lang) {
	flags := func() {
		var b strings.Builder
		out := fs.Output()
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(out)
		if b.Len() > 0 {
			l.Fprintf(w, "\nflags:\n%s", b.String())
		}
	}
	if c := lookup(fs.Name()); c != nil {
		l.Fprintf(w, "usage: %s\n\n%s.\n", strings.TrimSpace("go tool koans "+c.name+" "+c.args), c.say)
		flags()
		return
	}
	l.Fprintf(w, "usage: go tool koans [-json] [-norace] [-tree koans|solutions] [command]\n")
	l.Fprintf(w, "\nThe koan master: runs the koans in order and tells you where you stand on the path.\n")
	l.Fprintf(w, "\ncommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.say.In(l))
	}
	flags()
	l.Fprintf(w, "\n`go tool koans COMMAND -h` shows a command's own flags. hint, list and stats take the flags above too.\n")
	l.Fprintf(w, "Exit status: 0 when the path is complete, 1 while a koan fails, 2 when the runner cannot work, 130 when interrupted.\n")
}
