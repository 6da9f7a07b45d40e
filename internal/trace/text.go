package trace

import (
	"fmt"
	"io"
	"path"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/lang"
)

// Style says how Text draws.
type Style struct {
	Color bool // ANSI colours (a terminal)
	Lang  lang.Lang
	Width int // columns at most (0: 100)
}

const (
	timeCols  = 9 // "  12.3ms "
	laneCols  = 3
	textCols  = 44 // the least a row's words get
	defaultW  = 100
	ansiReset = "\x1b[0m"
)

// Text draws the run in the terminal: a legend of the lanes, then one row
// per event, the lanes as columns and time going down.
func Text(w io.Writer, run *Run, s Style) {
	if s.Width <= 0 {
		s.Width = defaultW
	}
	d := &drawer{w: w, run: run, s: s, l: s.Lang}
	d.cols = min(len(run.Lanes), max(1, (s.Width-timeCols-textCols)/laneCols))
	d.legend()
	d.header()
	d.state = make([]rune, d.cols+1)
	for i := range d.state {
		d.state[i] = ' '
	}
	for i := 0; i < len(run.Rows); {
		r := run.Rows[i]
		d.row(r)
		if r.Times > 1 {
			for _, g := range run.Rows[i+1 : i+r.Group] {
				d.row(g)
			}
			d.printf("%s%s  %s\n", strings.Repeat(" ", timeCols), d.lanes(nil), d.paint(dim, d.l.Sprintf("(the %d rows above, %d times in a row)", r.Group, r.Times)))
			i += r.Group
			continue
		}
		i++
	}
	d.cycle()
}

type drawer struct {
	w     io.Writer
	run   *Run
	s     Style
	l     lang.Lang
	cols  int
	state []rune // each column's line between rows
}

func (d *drawer) printf(format string, args ...any) { fmt.Fprintf(d.w, format, args...) }

// col is the column of lane n (1-based); lanes past the last column share it.
func (d *drawer) col(n int) int { return min(n, d.cols) }

// legend names the lanes: what each runs and where it was started.
func (d *drawer) legend() {
	d.printf("%s\n", d.paint(bold, d.run.Test))
	d.printf("%s\n", d.wrap(d.l.Sprintf("The koan's %d goroutines, in the order things happened (not drawn: %d of the runtime and of testing).", len(d.run.Lanes), d.run.Hidden)))
	if d.run.Bubble {
		d.printf("%s\n", d.wrap(d.l.Sprintf("It ran in a synctest bubble: the times beside the rows are the real clock's; the bubble's fake clock is not in the trace, its order is.")))
	}
	for _, ln := range d.run.Lanes {
		var what string
		switch {
		case ln.Role == RoleTest:
			what = d.l.Sprintf("the test's own goroutine")
		case ln.Role == RoleBubble:
			what = d.l.Sprintf("the function the synctest bubble runs, in a goroutine of its own (bubble started by G%d)", ln.By)
		case ln.By > 0:
			what = d.l.Sprintf("started by G%d at %s", ln.By, d.line(ln.Start)) + d.text(ln.Start)
		default:
			what = d.l.Sprintf("started at %s", d.line(ln.Start)) + d.text(ln.Start)
		}
		d.printf("  %s  %s\n", d.paint(bold, fmt.Sprintf("G%d", ln.N)), d.clip(what, d.s.Width-6))
	}
	if len(d.run.Lanes) > d.cols {
		d.printf("  %s\n", d.l.Sprintf("(G%d and the lanes after it share the last column)", d.cols))
	}
	d.printf("\n")
}

func (d *drawer) header() {
	var b strings.Builder
	for n := 1; n <= d.cols; n++ {
		fmt.Fprintf(&b, "%-3s", fmt.Sprintf("G%d", n))
	}
	d.printf("%s%s\n", strings.Repeat(" ", timeCols), strings.TrimRight(b.String(), " "))
}

// where is a line: its file's base name and number, and its text.
func (d *drawer) where(l Loc) string { return d.line(l) + d.text(l) }

// line is a line's file's base name and number.
func (d *drawer) line(l Loc) string {
	if l.IsZero() {
		return "?"
	}
	return fmt.Sprintf("%s:%d", path.Base(l.File), l.Line)
}

// text is a line's text, after two spaces, or "".
func (d *drawer) text(l Loc) string {
	if l.Text == "" {
		return ""
	}
	return "  " + l.Text
}

// clip cuts s to n columns of a terminal, with an ellipsis. A Chinese
// character takes two columns.
func (d *drawer) clip(s string, n int) string {
	if n < 2 || lang.Width(s) <= n {
		return s
	}
	w := 0
	for i, r := range s {
		if w+lang.RuneWidth(r) > n-1 {
			return s[:i] + "…"
		}
		w += lang.RuneWidth(r)
	}
	return s
}

// wrap breaks s into lines of the style's width at most: after a space,
// or between two wide characters (Chinese has no spaces), never before a
// closing punctuation mark.
func (d *drawer) wrap(s string) string {
	var out []string
	for lang.Width(s) > d.s.Width {
		rs := []rune(s)
		cut, w := 0, 0
		for i, r := range rs {
			if w+lang.RuneWidth(r) > d.s.Width {
				break
			}
			w += lang.RuneWidth(r)
			next := i+1 < len(rs) && strings.ContainsRune("，。；：）」、！？", rs[i+1])
			if (r == ' ' || lang.RuneWidth(r) == 2) && !next {
				cut = i + 1
			}
		}
		if cut == 0 {
			break
		}
		out = append(out, strings.TrimRight(string(rs[:cut]), " "))
		s = string(rs[cut:])
	}
	return strings.Join(append(out, s), "\n")
}

// stamp is a row's time, e.g. "0.123ms", in 8 columns.
func stamp(t time.Duration) string {
	switch {
	case t < time.Millisecond:
		return fmt.Sprintf("%6.0fµs", float64(t)/float64(time.Microsecond))
	case t < time.Second:
		return fmt.Sprintf("%6.2fms", float64(t)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%7.3fs", t.Seconds())
}
