package main

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"
)

// errHelp ends a command whose usage was asked for with -h or -help: the
// usage is printed, and the exit status is 0.
var errHelp = errors.New("usage asked for")

// commands are the runner's commands, as its usage lists them.
var commands = []struct{ name, args, say string }{
	{"run", "", "run the path, stop at the first failing koan, explain it (the default)"},
	{"hint", "", "a hint for the current koan; ask again for a stronger one"},
	{"watch", "[-runs N]", "run again on every save; keys h hint, l list, r run, q quit"},
	{"list", "", "the map of the path: every koan, passed, current or not yet"},
	{"stats", "[-json]", "your journal summed up: time per concept, the hardest koans, the commonest ways to fail"},
	{"solution", "[KOAN]", "a passed koan's reference solution against your own (the last koan passed if none is named)"},
	{"reset", "[-y] KOAN|FILE", "restore a koan's file as shipped, keeping yours in .koans/backups"},
	{"verify", "[-concepts A,B]", "for instructors: every koan fails for its reason, every solution passes"},
	{"stress", "[-count N] [-cpu LIST] [-koan-runs N] [-concepts A,B]", "solutions many times at several -cpu values, koans judged again and again: flakes by koan"},
	{"mutate", "[-concepts A,B]", "take each line of synchronisation out of the solutions: the koan must fail"},
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
		usage(a.stdout, fs)
		return errHelp
	case err != nil:
		usage(a.stderr, fs)
	}
	return err
}

// usage writes the usage of fs's command: the whole runner's for the
// runner's own flag set, else the command's line and its flags.
func usage(w io.Writer, fs *flag.FlagSet) {
	flags := func() {
		var b strings.Builder
		out := fs.Output()
		fs.SetOutput(&b)
		fs.PrintDefaults()
		fs.SetOutput(out)
		if b.Len() > 0 {
			fmt.Fprintf(w, "\nflags:\n%s", b.String())
		}
	}
	for _, c := range commands {
		if c.name == fs.Name() {
			fmt.Fprintf(w, "usage: %s\n\n%s.\n", strings.TrimSpace("go tool koans "+c.name+" "+c.args), c.say)
			flags()
			return
		}
	}
	fmt.Fprintln(w, "usage: go tool koans [-json] [-norace] [-tree koans|solutions] [command]")
	fmt.Fprintln(w, "\nThe koan master: runs the koans in order and tells you where you stand on the path.")
	fmt.Fprintln(w, "\ncommands:")
	for _, c := range commands {
		fmt.Fprintf(w, "  %-8s %s\n", c.name, c.say)
	}
	flags()
	fmt.Fprintln(w, "\n`go tool koans COMMAND -h` shows a command's own flags. hint, list and stats take the flags above too.")
	fmt.Fprintln(w, "Exit status: 0 when the path is complete, 1 while a koan fails, 2 when the runner cannot work, 130 when interrupted.")
}
