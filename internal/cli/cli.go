package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
)

// Exit statuses.
const (
	ExitEnlightened = 0
	ExitFailing     = 1
	ExitTrouble     = 2
	ExitInterrupted = 130 // 128 + SIGINT, as shells report it
	ExitUsage       = 0   // the usage, asked for with -h
)

var (
	// ErrHelp ends a command whose usage was asked for with -h or -help:
	// the usage is printed, and the exit status is 0.
	ErrHelp = errors.New("usage asked for")
	// ErrInterrupted ends a command whose run Ctrl-C cut short: exit
	// status 130, and not a word more.
	ErrInterrupted = errors.New("interrupted")
	// ErrTrouble ends a command whose trouble was already told: exit
	// status 2.
	ErrTrouble = errors.New("trouble told")
	// ErrFailing ends a walk that found a failing koan: not a trouble of
	// the runner, only exit status 1.
	ErrFailing = errors.New("a koan fails")
)

// A Command is one of the runner's commands: its usage and its work.
type Command struct {
	Name, Args string   // as the usage shows them: go tool koans NAME ARGS
	Say        lang.Msg // what it does, in a line
	// Common is set for a command that takes the runner's own flags after
	// its name too: koans list -json.
	Common bool
	Run    func(ctx context.Context, args []string) error
}

// A Line is the runner's command line: its commands, in the order the
// usage lists them, and where and how it speaks.
type Line struct {
	Commands       []Command
	Lang           lang.Lang
	Stdout, Stderr io.Writer
}

// Lookup is the command named name, nil if there is none.
func (c *Line) Lookup(name string) *Command {
	for i := range c.Commands {
		if c.Commands[i].Name == name {
			return &c.Commands[i]
		}
	}
	return nil
}

// NewFlags makes the flag set of a command ("koans" for the runner's
// own); Parse prints its usage.
func (c *Line) NewFlags(name string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(c.Stderr)
	fs.Usage = func() {} // Parse prints it, where it belongs
	return fs
}

// Parse parses args with fs. Asked for with -h, the usage goes to stdout
// and the error is ErrHelp; after a mistake in the flags (which the flag
// package has named on stderr) it goes to stderr.
func (c *Line) Parse(fs *flag.FlagSet, args []string) error {
	err := fs.Parse(args)
	switch {
	case errors.Is(err, flag.ErrHelp):
		c.Usage(c.Stdout, fs)
		return ErrHelp
	case err != nil:
		c.Usage(c.Stderr, fs)
	}
	return err
}

// Usage writes the usage of fs's command: the whole runner's for the
// runner's own flag set, else the command's line and its flags.
func (c *Line) Usage(w io.Writer, fs *flag.FlagSet) {
	l := c.Lang
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
	if cmd := c.Lookup(fs.Name()); cmd != nil {
		l.Fprintf(w, "usage: %s\n\n%s.\n", strings.TrimSpace("go tool koans "+cmd.Name+" "+cmd.Args), cmd.Say)
		flags()
		return
	}
	l.Fprintf(w, "usage: go tool koans [-json] [-norace] [-tree koans|solutions] [command]\n")
	l.Fprintf(w, "\nThe koan master: runs the koans in order and tells you where you stand on the path.\n")
	l.Fprintf(w, "\ncommands:\n")
	for _, cmd := range c.Commands {
		fmt.Fprintf(w, "  %-8s %s\n", cmd.Name, cmd.Say.In(l))
	}
	flags()
	l.Fprintf(w, "\n`go tool koans COMMAND -h` shows a command's own flags. hint, list and stats take the flags above too.\n")
	l.Fprintf(w, "Exit status: 0 when the path is complete, 1 while a koan fails, 2 when the runner cannot work, 130 when interrupted.\n")
}

// FlagStatus is the exit status after the runner's own flags failed to
// parse: the usage was asked for, or the flag package named the mistake.
func FlagStatus(err error) int {
	if errors.Is(err, ErrHelp) {
		return ExitUsage
	}
	return ExitTrouble
}

// Status is the exit status of the command named cmd that returned err,
// after telling the runner's trouble, if any.
func (c *Line) Status(ctx context.Context, cmd string, err error) int {
	if ctx.Err() != nil && cmd != "watch" || errors.Is(err, ErrInterrupted) {
		// Ctrl-C: the learner knows why the run stopped, and a run cut
		// short says nothing about the koans. (watch takes Ctrl-C between
		// runs as q, and says ErrInterrupted when it cut a run short.)
		return ExitInterrupted
	}
	switch {
	case errors.Is(err, ErrHelp):
		return ExitUsage
	case errors.Is(err, ErrFailing):
		return ExitFailing
	case errors.Is(err, ErrTrouble):
		return ExitTrouble
	case err != nil:
		c.Lang.Fprintf(c.Stderr, "koans: %v\n", err)
		return ExitTrouble
	}
	return ExitEnlightened
}

// Verdict is the error of a command that found all well (ok), or not.
func Verdict(ok bool) error {
	if !ok {
		return ErrFailing
	}
	return nil
}
