package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gokoans/concurrency/internal/journal"
	"github.com/gokoans/concurrency/internal/walk"
)

// hint prints the current koan's hints up to one level more than last time:
// a nudge first, stronger ones after, never the answer.
func (a *app) hint(ctx context.Context) error {
	st, err := a.walk(ctx)
	if err != nil {
		return err
	}
	if st.Current == nil {
		a.lang.Fprintf(a.stdout, "Every koan holds: there is nothing left to hint at.\n")
		return nil
	}
	k := st.Current.Koan
	if len(k.Hints) == 0 {
		a.lang.Fprintf(a.stdout, "%s has no hint in the catalog. Read the comment above the koan once more, slowly.\n", k.Name)
		return nil
	}
	shown := readHints(a.root)
	level := min(shown[k.Name]+1, len(k.Hints))
	shown[k.Name] = level
	writeHints(a.root, shown)
	if a.tree == "koans" { // the learner's own path, as the walk's journal
		_ = journal.Append(a.root, journal.Event{Time: time.Now(), Event: journal.Hint, Concept: st.CurrentConcept.Name, Koan: k.Name, Level: level})
	}
	a.lang.Fprintf(a.stdout, "Hints for: %s (%s:%d)\n\n", k.Sentence(), k.File, k.Line)
	for i, h := range k.Hints[:level] {
		fmt.Fprintf(a.stdout, "  %d. %s\n", i+1, a.lang.Pick(h, hintZh(k.HintsZh, i)))
	}
	fmt.Fprintln(a.stdout)
	switch {
	case level < len(k.Hints) && viaMake():
		a.lang.Fprintf(a.stdout, "(%d of %d. Ask again with `make hint` for a stronger one.)\n", level, len(k.Hints))
	case level < len(k.Hints):
		a.lang.Fprintf(a.stdout, "(%d of %d. Ask again with `go tool koans hint` for a stronger one.)\n", level, len(k.Hints))
	default:
		a.lang.Fprintf(a.stdout, "(%d of %d: that is every hint there is. The rest is meditation.)\n", level, len(k.Hints))
	}
	return nil
}

// hintZh is the Chinese twin of hint i, "" when the catalog has none (the
// hint is then shown in English).
func hintZh(zh []string, i int) string {
	if i < len(zh) {
		return zh[i]
	}
	return ""
}

func hintsPath(root string) string { return filepath.Join(root, walk.StateDir, "hints.json") }

// readHints reads how many hints of each koan were shown. A file that is
// missing, damaged, or holds null (JSON's nil map, which Unmarshal stores
// as one) counts as none shown.
func readHints(root string) map[string]int {
	shown := map[string]int{}
	if data, err := os.ReadFile(hintsPath(root)); err == nil {
		_ = json.Unmarshal(data, &shown)
	}
	if shown == nil {
		shown = map[string]int{}
	}
	return shown
}

func writeHints(root string, shown map[string]int) {
	data, _ := json.MarshalIndent(shown, "", "  ")
	if os.MkdirAll(filepath.Dir(hintsPath(root)), 0o755) == nil {
		_ = os.WriteFile(hintsPath(root), append(data, '\n'), 0o644)
	}
}

// viaMake reports whether the learner ran the runner through make (make
// exports MAKELEVEL to its recipes), so that what the runner says to run
// next is what the learner can run: a make target, or else `go tool koans`.
func viaMake() bool { return os.Getenv("MAKELEVEL") != "" }
