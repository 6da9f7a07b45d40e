package trace

import (
	"fmt"
	"html/template"
	"io"
	"path"
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
)

// Page geometry, in SVG units.
const (
	stepW   = 34  // one row of the picture
	laneH   = 40  // one lane
	labelW  = 64  // the lanes' names
	topPad  = 30  // room for the time marks
	glyphR  = 7   // an event's mark
	maxStep = 400 // rows drawn at most (a long run is cut, and says so)
)

// HTML writes one self-contained page (no network: inline SVG, CSS and a
// few lines of script to zoom) with the same picture as Text, lanes going
// right: each mark has its words as a tooltip and links to its line (a
// file:// URL under root, the course's root on this machine, "#L" and the
// line).
func HTML(w io.Writer, run *Run, l lang.Lang, root string) error {
	p := page{Title: l.Sprintf("The run of %s", run.Test), Lang: "en"}
	if l == lang.Chinese {
		p.Lang = "zh-CN"
	}
	d := &drawer{run: run, l: l, s: Style{Lang: l, Width: 1 << 20}, cols: max(1, len(run.Lanes))}
	var b strings.Builder
	d.w = &b
	d.legend()
	p.Legend = strings.Split(strings.TrimSpace(b.String()), "\n")
	b.Reset()
	d.cycle()
	if c := strings.TrimSpace(b.String()); c != "" {
		p.Cycle = strings.Split(c, "\n")
	}
	p.SVG = template.HTML(svg(run, d, root, &p))
	p.Zoom = [3]string{l.Sprintf("zoom in"), l.Sprintf("zoom out"), l.Sprintf("fit")}
	return pageTmpl.Execute(w, p)
}

type page struct {
	Title, Lang string
	Legend      []string
	Cycle       []string // a deadlock's wait-for cycle, as Text ends with it
	SVG         template.HTML
	Rows        []pageRow
	Zoom        [3]string
	Cut         string
}

type pageRow struct {
	Time, Words, Href string
}

// svg draws the lanes and the rows' marks.
func svg(run *Run, d *drawer, root string, p *page) string {
	rows := run.Rows
	if len(rows) > maxStep {
		p.Cut = d.l.Sprintf("The run has %d rows: the picture shows the first %d.", len(rows), maxStep)
		rows = rows[:maxStep]
	}
	width := labelW + (len(rows)+1)*stepW
	height := topPad + len(run.Lanes)*laneH + 10
	var b strings.Builder
	fmt.Fprintf(&b, `<svg id="run" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 %d %d" width="%d" height="%d" role="img">`+"\n", width, height, width, height)
	b.WriteString(`<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z"/></marker></defs>` + "\n")
	lanes(&b, run, rows)
	for i, r := range rows {
		x := labelW + (i+1)*stepW
		words, _ := d.words(r)
		if r.Times > 1 {
			words += " " + d.l.Sprintf("(the %d rows from here, %d times in a row)", r.Group, r.Times)
		}
		href := link(root, r.Loc)
		mark(&b, r, x, words, href)
		p.Rows = append(p.Rows, pageRow{Time: strings.TrimSpace(stamp(r.At)), Words: words, Href: href})
	}
	b.WriteString("</svg>")
	return b.String()
}

func laneY(n int) int { return topPad + (n-1)*laneH + laneH/2 }

// lanes draws each lane's name and its line: solid while it runs, dashed
// while it waits.
func lanes(b *strings.Builder, run *Run, rows []Row) {
	for _, ln := range run.Lanes {
		y := laneY(ln.N)
		fmt.Fprintf(b, `<text class="lane" x="4" y="%d">G%d</text>`+"\n", y+4, ln.N)
		from, waiting := -1, false
		seg := func(to int) {
			if from >= 0 && to > from {
				class := "run"
				if waiting {
					class = "wait"
				}
				fmt.Fprintf(b, `<line class="%s" x1="%d" y1="%d" x2="%d" y2="%d"/>`+"\n", class, labelW+(from+1)*stepW, y, labelW+(to+1)*stepW, y)
			}
			from = to
		}
		for i, r := range rows {
			switch {
			case r.Kind == Start && r.Peer == ln.N, r.Kind == Wake && r.Peer == ln.N:
				seg(i)
				waiting = false
			case (r.Kind == Block || r.Kind == Still) && r.Lane == ln.N:
				seg(i)
				waiting = true
			case r.Kind == End && r.Lane == ln.N:
				seg(i)
				from = -1
			}
		}
		if from >= 0 {
			seg(len(rows))
		}
	}
}

// mark draws one row: its mark on its lane, an arrow from the lane that
// acts to the one it starts or wakes, a link to the line, and its words.
func mark(b *strings.Builder, r Row, x int, words, href string) {
	lane := r.Lane
	if r.Kind == Start || r.Kind == Wake {
		lane = r.Peer
	}
	y := laneY(lane)
	class := map[Kind]string{Start: "start", Block: "block", Wake: "wake", End: "end", Still: "still", Race: "race"}[r.Kind]
	if href != "" {
		fmt.Fprintf(b, `<a href="%s">`, template.HTMLEscapeString(href))
	}
	fmt.Fprintf(b, `<g class="ev %s"><title>%s</title>`, class, template.HTMLEscapeString(words))
	if (r.Kind == Start || r.Kind == Wake) && r.Lane > 0 && r.Lane != r.Peer {
		y0 := laneY(r.Lane)
		dy := glyphR
		if y0 > y {
			dy = -glyphR
		}
		fmt.Fprintf(b, `<line class="arrow" x1="%d" y1="%d" x2="%d" y2="%d" marker-end="url(#arrow)"/>`, x, y0, x, y-dy)
	}
	if r.Kind == Block || r.Kind == Still {
		fmt.Fprintf(b, `<rect x="%d" y="%d" width="%d" height="%d"/>`, x-glyphR, y-glyphR, 2*glyphR, 2*glyphR)
	} else {
		fmt.Fprintf(b, `<circle cx="%d" cy="%d" r="%d"/>`, x, y, glyphR)
	}
	if r.Times > 1 {
		fmt.Fprintf(b, `<text class="times" x="%d" y="%d">×%d</text>`, x-glyphR, y-glyphR-3, r.Times)
	}
	b.WriteString("</g>")
	if href != "" {
		b.WriteString("</a>")
	}
	b.WriteString("\n")
}

// link is a file:// URL of the line, or "".
func link(root string, l Loc) string {
	if l.IsZero() {
		return ""
	}
	return fmt.Sprintf("file://%s#L%d", path.Join(root, l.File), l.Line)
}
