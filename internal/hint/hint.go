package hint

import (
	"fmt"
	"io"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/state"
)

// Options say where the hints are asked, and how to speak.
type Options struct {
	Root string
	Tree string // the tree walked: only the koans tree is the learner's own path
	Lang lang.Lang
	// ViaMake is true when the learner ran the runner through make: the
	// advice to ask again names `make hint`.
	ViaMake bool
}

// Show writes to w the hints of st's current koan up to one level more
// than last time, and remembers that level.
func Show(w io.Writer, st *standing.Standing, opt Options) {
	l := opt.Lang
	if st.Current == nil {
		l.Fprintf(w, "Every koan holds: there is nothing left to hint at.\n")
		return
	}
	show(w, st.Current.Koan, opt, false)
}

// ShowKoan writes to w the hints of koan k, named by the learner wherever
// it is on the path, up to one level more than last time.
func ShowKoan(w io.Writer, k *course.Koan, opt Options) {
	show(w, k, opt, true)
}

// show writes k's hints up to one level more than last time; named says
// the learner named the koan, and asks again by its name.
func show(w io.Writer, k *course.Koan, opt Options, named bool) {
	l := opt.Lang
	if len(k.Hints) == 0 {
		l.Fprintf(w, "%s has no hint in the catalog. Read the comment above the koan once more, slowly.\n", k.Name)
		return
	}
	level := state.Of(opt.Root).NextHint(k.Name, len(k.Hints))
	if opt.Tree == "koans" { // the learner's own path, as the walk's journal
		_ = journal.Append(opt.Root, journal.Event{Time: time.Now(), Event: journal.Hint, Concept: k.Concept.Name, Koan: k.Name, Level: level})
	}
	l.Fprintf(w, "Hints for: %s (%s:%d)\n\n", k.Title(l), k.File, k.Line)
	for i, h := range k.Hints[:level] {
		fmt.Fprintf(w, "  %d. %s\n", i+1, l.Pick(h, zh(k.HintsZh, i)))
	}
	fmt.Fprintln(w)
	switch {
	case level < len(k.Hints) && named && opt.ViaMake:
		l.Fprintf(w, "(%d of %d. Ask again with `make hint KOAN=%s` for a stronger one.)\n", level, len(k.Hints), k.Name)
	case level < len(k.Hints) && named:
		l.Fprintf(w, "(%d of %d. Ask again with `go tool koans hint %s` for a stronger one.)\n", level, len(k.Hints), k.Name)
	case level < len(k.Hints) && opt.ViaMake:
		l.Fprintf(w, "(%d of %d. Ask again with `make hint` for a stronger one.)\n", level, len(k.Hints))
	case level < len(k.Hints):
		l.Fprintf(w, "(%d of %d. Ask again with `go tool koans hint` for a stronger one.)\n", level, len(k.Hints))
	default:
		l.Fprintf(w, "(%d of %d: that is every hint there is. The rest is meditation.)\n", level, len(k.Hints))
	}
}

// zh is the Chinese twin of hint i, "" when the catalog has none (the hint
// is then shown in English).
func zh(hints []string, i int) string {
	if i < len(hints) {
		return hints[i]
	}
	return ""
}
