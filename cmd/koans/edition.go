package main

import (
	"context"
	"os"

	"github.com/gokoans/concurrency/internal/edition"
	"github.com/gokoans/concurrency/internal/lang"
)

// langCmd rewrites the comments of the learner's koan files into Chinese
// (lang zh) or back into English (lang en), after asking (package
// edition).
func (a *app) langCmd(_ context.Context, args []string) error {
	fs := a.cli.NewFlags("lang")
	yes := fs.Bool("y", false, a.lang.Sprintf("do not ask for confirmation"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	rest := fs.Args()
	if len(rest) == 2 && rest[1] == "-y" { // lang zh -y: the flag after the language, as people type it
		rest, *yes = rest[:1], true
	}
	to := lang.English
	switch {
	case len(rest) == 1 && rest[0] == "zh":
		to = lang.Chinese
	case len(rest) == 1 && rest[0] == "en":
	default:
		return lang.Errorf("usage: go tool koans lang [-y] zh|en (the language of the koans' comments)")
	}
	return edition.Switch(edition.Options{Root: a.root, To: to, Yes: *yes, In: os.Stdin, Out: a.stdout, Lang: a.lang})
}

// chineseAgain puts a file reset brings back in English into Chinese
// again, when the learner's copy is in Chinese (lang zh).
func (a *app) chineseAgain() error {
	if edition.In(a.root) != lang.Chinese {
		return nil
	}
	return edition.Switch(edition.Options{Root: a.root, To: lang.Chinese, Yes: true, Out: a.stdout, Lang: a.lang, Quiet: true})
}
