package journal

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/lang"
)

// brokenShown is how many broken lines of the journal Report names.
const brokenShown = 5

// Report sums up root's journal for `koans stats`: as one line of JSON
// when asJSON, else as text in l (time and runs per concept, the hardest
// koans, the commonest ways to fail, hints asked). The lines it could not
// read are named on stderr.
func Report(stdout, stderr io.Writer, root string, asJSON bool, l lang.Lang) error {
	events, broken, err := Read(root)
	if err != nil {
		return err
	}
	for i, b := range broken {
		if i == brokenShown {
			l.Fprintf(stderr, "koans: ... and %d more broken lines.\n", len(broken)-brokenShown)
			break
		}
		l.Fprintf(stderr, "koans: skipped %s\n", b)
	}
	s := Summarize(events, len(broken))
	if asJSON {
		data, err := json.Marshal(s)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, string(data))
		return nil
	}
	if s.Events == 0 {
		l.Fprintf(stdout, "No journal yet: %s is written as you walk the path with `make koans`.\n", File)
		return nil
	}
	writeSummary(stdout, s, l)
	return nil
}

func writeSummary(w io.Writer, s Summary, l lang.Lang) {
	l.Fprintf(w, "Journal  %d events, %s to %s (%s)\n", s.Events, s.First.Local().Format(time.DateTime), s.Last.Local().Format(time.DateTime), File)
	l.Fprintf(w, "\nTime per concept (first reached to last passed, breaks included)\n")
	l.Fprintf(w, "  %-24s %7s %6s %5s %5s  %s\n", l.Sprintf("concept"), l.Sprintf("reached"), l.Sprintf("passed"), l.Sprintf("runs"), l.Sprintf("hints"), l.Sprintf("time"))
	for _, c := range s.Concepts {
		fmt.Fprintf(w, "  %-24s %7d %6d %5d %5d  %s\n", c.Concept, c.Koans, c.Passed, c.Runs, c.Hints, duration(c.Seconds))
	}
	l.Fprintf(w, "\nThe hardest koans\n")
	for i, k := range s.Hardest {
		if len(k.Kinds) == 0 { // reached, never seen failing (a journal of one walk)
			l.Fprintf(w, "  %d. %s (%s): %d runs, %s\n", i+1, k.Koan, k.Concept, k.Runs, duration(k.Seconds))
			continue
		}
		kinds := make([]string, len(k.Kinds))
		for i, id := range k.Kinds {
			kinds[i] = l.Kind(id)
		}
		l.Fprintf(w, "  %d. %s (%s): %d runs, %s, failed as %s\n", i+1, k.Koan, k.Concept, k.Runs, duration(k.Seconds), strings.Join(kinds, l.Sprintf(", ")))
	}
	if len(s.Hardest) == 0 {
		l.Fprintf(w, "  (none yet)\n")
	}
	l.Fprintf(w, "\nThe commonest ways to fail\n")
	for _, k := range s.Kinds {
		l.Fprintf(w, "  %s %d runs\n", pad(l.Kind(k.Kind), 10), k.Runs)
	}
	l.Fprintf(w, "\nHints asked  %d\n", s.Hints)
}

// duration shows seconds as 1h2m3s, or "-" for none (nothing passed yet).
func duration(seconds int64) string {
	if seconds == 0 {
		return "-"
	}
	return (time.Duration(seconds) * time.Second).String()
}

// LastPassed is the koan root's journal last saw pass, "" if none.
func LastPassed(root string) string {
	events, _, _ := Read(root)
	for i := len(events) - 1; i >= 0; i-- {
		if events[i].Event == Passed {
			return events[i].Koan
		}
	}
	return ""
}

// pad pads s with spaces to width columns, a Chinese character counting two.
func pad(s string, width int) string {
	if w := lang.Width(s); w < width {
		return s + strings.Repeat(" ", width-w)
	}
	return s
}
