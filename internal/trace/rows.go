package trace

import "strings"

// ANSI colours of the glyphs, used on a terminal only.
const (
	bold   = "\x1b[1m"
	dim    = "\x1b[2m"
	red    = "\x1b[31m"
	green  = "\x1b[32m"
	yellow = "\x1b[33m"
	cyan   = "\x1b[36m"
)

func (d *drawer) paint(color, s string) string {
	if !d.s.Color || s == "" {
		return s
	}
	return color + s + ansiReset
}

// row draws one row: its time, the lanes with its glyphs, its words.
func (d *drawer) row(r Row) {
	glyph := map[int]string{}
	var from, to int // an arrow between two columns
	words, color := d.words(r)
	switch r.Kind {
	case Start:
		glyph[d.col(r.Peer)] = d.paint(cyan, "●")
		if r.Lane > 0 {
			from, to = d.col(r.Lane), d.col(r.Peer)
			glyph[from] = d.paint(cyan, "├")
		}
	case Block, Still:
		glyph[d.col(r.Lane)] = d.paint(color, "■")
		if r.Kind == Still && r.Wait == "" {
			glyph[d.col(r.Lane)] = d.paint(color, "▶")
		}
	case Wake:
		glyph[d.col(r.Peer)] = d.paint(green, "◆")
		if r.Lane > 0 && d.col(r.Lane) != d.col(r.Peer) {
			from, to = d.col(r.Lane), d.col(r.Peer)
			glyph[from] = d.paint(green, "●")
			glyph[to] = d.paint(green, map[bool]string{true: "▶", false: "◀"}[from < to])
		}
	case End:
		glyph[d.col(r.Lane)] = "○"
	case Race:
		if r.Lane > 0 {
			glyph[d.col(r.Lane)] = d.paint(red, "✗")
		}
	}
	lanes := d.lanesArrow(glyph, from, to)
	d.printf("%s %s  %s\n", stamp(r.At), lanes, d.clip(words, d.s.Width-timeCols-d.cols*laneCols-2))
	d.advance(r)
}

// lanes draws the columns' lines with the glyphs of a row (nil: none).
func (d *drawer) lanes(glyph map[int]string) string { return d.lanesArrow(glyph, 0, 0) }

// lanesArrow draws the columns with the glyphs of a row and an arrow
// between the columns from and to (none when they are equal).
func (d *drawer) lanesArrow(glyph map[int]string, from, to int) string {
	lo, hi := min(from, to), max(from, to)
	var b strings.Builder
	for c := 1; c <= d.cols; c++ {
		g, ok := glyph[c]
		if !ok {
			g = string(d.state[c])
			if c > lo && c < hi {
				g = "─"
			}
		}
		b.WriteString(g)
		fill := " "
		if c >= lo && c < hi {
			fill = "─"
		}
		if c < d.cols {
			b.WriteString(strings.Repeat(fill, laneCols-1))
		}
	}
	return b.String()
}

// advance sets the columns' lines after a row: running, blocked or gone.
func (d *drawer) advance(r Row) {
	switch r.Kind {
	case Start, Wake:
		d.state[d.col(r.Peer)] = '│'
		if r.Kind == Start && r.Lane > 0 {
			d.state[d.col(r.Lane)] = '│'
		}
	case Block, Still:
		d.state[d.col(r.Lane)] = '┊'
	case End:
		d.state[d.col(r.Lane)] = ' '
	}
}

// words are what a row says, and the colour of its glyph.
func (d *drawer) words(r Row) (string, string) {
	at := ""
	if !r.Loc.IsZero() {
		at = "  " + d.where(r.Loc)
	}
	switch r.Kind {
	case Start:
		if ln := d.run.Lanes[r.Peer-1]; r.Lane == 0 && ln.Role == RoleBubble {
			return d.l.Sprintf("G%d starts in the bubble, started by synctest.Test for G%d", r.Peer, ln.By), cyan
		}
		if r.Lane == 0 {
			return d.l.Sprintf("G%d starts", r.Peer), cyan
		}
		return d.l.Sprintf("G%d starts G%d", r.Lane, r.Peer) + at, cyan
	case Block:
		return d.l.Sprintf("G%d waits: %s", r.Lane, d.wait(r.Wait)) + at, yellow
	case Wake:
		if r.Lane == 0 {
			if r.Wait == WakeDeadlock {
				return d.l.Sprintf("synctest wakes G%d: all of the bubble waits, and nothing can wake it (deadlock)", r.Peer), red
			}
			if r.Wait == WakeIdle {
				return d.l.Sprintf("synctest wakes G%d: all of the bubble waits, so its fake clock jumps ahead", r.Peer), green
			}
			if r.Wait == WakeTimer {
				return d.l.Sprintf("a timer wakes G%d", r.Peer), green
			}
			if r.Wait == WaitBubble {
				return d.l.Sprintf("the bubble is done: synctest wakes G%d", r.Peer), green
			}
			return d.l.Sprintf("the runtime wakes G%d", r.Peer), green
		}
		if r.Wait == WakeTimer {
			return d.l.Sprintf("G%d wakes G%d: the fake clock reached the end of its sleep", r.Lane, r.Peer) + at, green
		}
		if r.Wait == "" {
			return d.l.Sprintf("G%d wakes G%d", r.Lane, r.Peer) + at, green
		}
		return d.l.Sprintf("G%d wakes G%d: %s", r.Lane, r.Peer, d.wait(r.Wait)) + at, green
	case End:
		return d.l.Sprintf("G%d returns", r.Lane), ""
	case Still:
		if r.Wait == "" {
			return d.l.Sprintf("G%d still running at the end", r.Lane), red
		}
		return d.l.Sprintf("G%d still blocked at the end: %s", r.Lane, d.wait(r.Wait)) + at, red
	case Race:
		if r.Lane == 0 {
			return d.l.Sprintf("race: one of the koan's goroutines %s", d.wait(r.Wait)) + at, red
		}
		return d.l.Sprintf("race: G%d %s", r.Lane, d.wait(r.Wait)) + at, red
	}
	return "", ""
}

// cycle ends the picture of a deadlock with its wait-for cycle.
func (d *drawer) cycle() {
	if len(d.run.Cycle) == 0 {
		return
	}
	d.printf("\n%s\n", d.paint(red, d.l.Sprintf("The wait-for cycle (as the verdict names it):")))
	for _, s := range d.run.Cycle {
		what := d.wait(s.Waits)
		if s.What != "" {
			what += " " + s.What
		}
		d.printf("  %s\n", d.clip(d.l.Sprintf("G%d waits at %s (%s), for G%d", s.Lane, d.line(s.Loc), what, s.Next)+d.text(s.Loc), d.s.Width-2))
	}
	d.printf("  %s\n", d.l.Sprintf("and so round again: none of them can go on."))
}
