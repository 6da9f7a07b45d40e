package main

import (
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/rogpeppe/go-internal/testscript"
)

// The scripts' own commands, in Go, so that the scripts run the same on
// Linux, macOS and Windows: no sed -i (GNU and BSD differ), no sh, no cp -r,
// no grep but testscript's. Each fails loudly when it finds nothing to do,
// so that a script that no longer matches its fixture says so.
var scriptCmds = map[string]func(ts *testscript.TestScript, neg bool, args []string){
	"replace":    cmdReplace,
	"deleteline": cmdDeleteLine,
	"append":     cmdAppend,
	"cptree":     cmdCopyTree,
	"cat":        cmdCat,
	"readlink":   cmdReadlink,
	"grepv":      cmdGrepV,
	"repeated":   cmdRepeated,
	"fresh":      cmdFresh,
	"noenglish":  cmdNoEnglish, // english_test.go
}

// replace FILE OLD NEW: every OLD in FILE becomes NEW, literally (no
// pattern). It fails if FILE holds no OLD.
func cmdReplace(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 3 {
		ts.Fatalf("usage: replace FILE OLD NEW")
	}
	file, old, new := ts.MkAbs(args[0]), args[1], args[2]
	text := ts.ReadFile(args[0])
	if !strings.Contains(text, old) {
		ts.Fatalf("replace: %s holds no %q", args[0], old)
	}
	ts.Check(os.WriteFile(file, []byte(strings.ReplaceAll(text, old, new)), 0o644))
}

// deleteline FILE TEXT: every line of FILE that holds TEXT goes. It fails
// if no line does.
func cmdDeleteLine(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: deleteline FILE TEXT")
	}
	lines := strings.SplitAfter(ts.ReadFile(args[0]), "\n")
	kept := slices.DeleteFunc(slices.Clone(lines), func(l string) bool { return strings.Contains(l, args[1]) })
	if len(kept) == len(lines) {
		ts.Fatalf("deleteline: no line of %s holds %q", args[0], args[1])
	}
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(strings.Join(kept, "")), 0o644))
}

// append [-cut] FILE SRC: SRC's content is added at the end of FILE. With
// -cut, without SRC's final newline: a write cut short.
func cmdAppend(ts *testscript.TestScript, neg bool, args []string) {
	cut := len(args) > 0 && args[0] == "-cut"
	if cut {
		args = args[1:]
	}
	if neg || len(args) != 2 {
		ts.Fatalf("usage: append [-cut] FILE SRC")
	}
	text := ts.ReadFile(args[1])
	if cut {
		text = strings.TrimSuffix(text, "\n")
	}
	f, err := os.OpenFile(ts.MkAbs(args[0]), os.O_WRONLY|os.O_APPEND, 0)
	ts.Check(err)
	_, err = f.WriteString(text)
	ts.Check(errors.Join(err, f.Close()))
}

// cptree SRC... DIR: each file or directory SRC is copied, with what it
// holds, into the directory DIR (cp -r).
func cmdCopyTree(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) < 2 {
		ts.Fatalf("usage: cptree SRC... DIR")
	}
	dir := ts.MkAbs(args[len(args)-1])
	for _, src := range args[:len(args)-1] {
		ts.Check(copyTree(ts.MkAbs(src), filepath.Join(dir, filepath.Base(src)), false))
	}
}

// one returns the one file that pattern (a glob) names, or fails.
func one(ts *testscript.TestScript, pattern string) string {
	files, err := filepath.Glob(ts.MkAbs(pattern))
	ts.Check(err)
	if len(files) != 1 {
		ts.Fatalf("%s names %d files, want 1: %q", pattern, len(files), files)
	}
	return files[0]
}

// cat FILE: FILE's content on stdout. FILE may be a glob that names one
// file (a backup's timestamped folder).
func cmdCat(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 1 {
		ts.Fatalf("usage: cat FILE")
	}
	out := ts.Stdout() // from here on, stdout is this command's
	data, err := os.ReadFile(one(ts, args[0]))
	ts.Check(err)
	_, err = out.Write(data)
	ts.Check(err)
}

// readlink LINK: where the symbolic link LINK (a glob that names one file)
// points, on stdout. ! readlink FILE: FILE is not a symbolic link.
func cmdReadlink(ts *testscript.TestScript, neg bool, args []string) {
	if len(args) != 1 {
		ts.Fatalf("usage: [!] readlink LINK")
	}
	out := ts.Stdout()
	target, err := os.Readlink(one(ts, args[0]))
	switch {
	case neg && err == nil:
		ts.Fatalf("%s is a symbolic link to %s", args[0], target)
	case neg:
		return
	}
	ts.Check(err)
	fmt.Fprintln(out, target)
}

// grepv REGEXP FILE: the lines of FILE that do not match REGEXP, on stdout
// (grep -v).
func cmdGrepV(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: grepv REGEXP FILE")
	}
	out := ts.Stdout() // even when no line is printed: stdout is this command's
	re, err := regexp.Compile(args[0])
	ts.Check(err)
	for _, l := range lines(ts.ReadFile(args[1])) {
		if !re.MatchString(l) {
			fmt.Fprintln(out, l)
		}
	}
}

// repeated REGEXP FILE: each line of FILE that matches REGEXP and occurs
// more than once, once, in sorted order, on stdout (grep | sort | uniq -d).
func cmdRepeated(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: repeated REGEXP FILE")
	}
	out := ts.Stdout() // even when no line is printed: stdout is this command's
	re, err := regexp.Compile(args[0])
	ts.Check(err)
	seen := map[string]int{}
	for _, l := range lines(ts.ReadFile(args[1])) {
		if re.MatchString(l) {
			seen[l]++
		}
	}
	var twice []string
	for l, n := range seen {
		if n > 1 {
			twice = append(twice, l)
		}
	}
	slices.Sort(twice)
	for _, l := range twice {
		fmt.Fprintln(out, l)
	}
}

func lines(text string) []string {
	if text == "" {
		return nil
	}
	return strings.Split(strings.TrimSuffix(text, "\n"), "\n")
}

// fresh FILE PKG: a Go file of package PKG with a constant no build cache
// has seen, so that the package is stale and must be built again.
func cmdFresh(ts *testscript.TestScript, neg bool, args []string) {
	if neg || len(args) != 2 {
		ts.Fatalf("usage: fresh FILE PKG")
	}
	src := fmt.Sprintf("package %s\n\nconst fresh = \"%d\"\n", args[1], time.Now().UnixNano())
	ts.Check(os.WriteFile(ts.MkAbs(args[0]), []byte(src), 0o644))
}

// exits [-interrupt=D] N PROG ARGS... is a program (run with exec): it runs
// PROG with ARGS, its output passed through, and succeeds when PROG's exit
// status is N. testscript's exec says only whether a command failed; this
// says how. With -interrupt, PROG gets an interrupt (Ctrl-C) after D.
func exits(args []string) int {
	fs := flag.NewFlagSet("exits", flag.ContinueOnError)
	interrupt := fs.Duration("interrupt", 0, "send an interrupt after this long")
	if fs.Parse(args) != nil || fs.NArg() < 2 {
		fmt.Fprintln(os.Stderr, "usage: exits [-interrupt=D] N PROG ARGS...")
		return 2
	}
	want, err := strconv.Atoi(fs.Arg(0))
	if err != nil {
		fmt.Fprintf(os.Stderr, "exits: %s is not an exit status\n", fs.Arg(0))
		return 2
	}
	cmd := exec.Command(fs.Arg(1), fs.Args()[2:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = os.Stdin, os.Stdout, os.Stderr
	if err := cmd.Start(); err != nil {
		fmt.Fprintf(os.Stderr, "exits: %v\n", err)
		return 2
	}
	if *interrupt > 0 {
		t := time.AfterFunc(*interrupt, func() {
			if err := cmd.Process.Signal(os.Interrupt); err != nil {
				fmt.Fprintf(os.Stderr, "exits: cannot interrupt %s: %v\n", fs.Arg(1), err)
			}
		})
		defer t.Stop()
	}
	_ = cmd.Wait() // the status is the point
	if got := cmd.ProcessState.ExitCode(); got != want {
		fmt.Fprintf(os.Stderr, "exits: %s ended with %s, want exit status %d\n", fs.Arg(1), cmd.ProcessState, want)
		return 1
	}
	return 0
}

// The commands above do what they say, on a small tree of their own
// (testdata/cmds), without go.
func TestScriptCommands(t *testing.T) {
	testscript.Run(t, testscript.Params{Dir: filepath.Join("testdata", "cmds"), Cmds: scriptCmds, RequireExplicitExec: true})
}

// The scripts use the commands above, not the shell's: no script runs
// sed, sh, cp or grep, which differ between systems or are missing.
func TestScriptsRunNoShellTools(t *testing.T) {
	scripts, err := filepath.Glob(filepath.Join("testdata", "script", "*.txtar"))
	if err != nil || len(scripts) == 0 {
		t.Fatalf("no scripts: %v", err)
	}
	shell := regexp.MustCompile(`(?m)^\s*(?:\[[^\]]*\]\s*)*!?\s*exec\s+(sed|sh|bash|cp|grep|cat|printf|mv|ln|test|readlink|sort|uniq)\b`)
	for _, s := range scripts {
		data, err := os.ReadFile(s)
		if err != nil {
			t.Fatal(err)
		}
		script, _, _ := strings.Cut(string(data), "\n-- ")
		for _, m := range shell.FindAllStringSubmatch(script, -1) {
			t.Errorf("%s: exec %s: use the scripts' own commands (scriptcmds_test.go)", s, m[1])
		}
	}
}
