package render

import (
	"fmt"
	"io"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
	"github.com/gokoans/concurrency/internal/verdict"
)

// Style says how to write for a terminal.
type Style struct {
	Color bool // ANSI colour: only on a terminal, never with NO_COLOR set
	// GoTool is set when the learner runs `go tool koans` rather than
	// `make koans`: the text then names go tool's commands, which need no
	// make. The zero value names make's targets, the course's front door.
	GoTool bool
	// Lang is the language the text is in; the zero value is English.
	Lang lang.Lang
}

func (s Style) paint(code, text string) string {
	if !s.Color {
		return text
	}
	return "\x1b[" + code + "m" + text + "\x1b[0m"
}

func (s Style) bold(t string) string  { return s.paint("1", t) }
func (s Style) red(t string) string   { return s.paint("31", t) }
func (s Style) green(t string) string { return s.paint("32", t) }
func (s Style) cyan(t string) string  { return s.paint("36", t) }
func (s Style) dim(t string) string   { return s.paint("2", t) }

// Dim is faint text, for what matters least on the screen.
func (s Style) Dim(t string) string { return s.dim(t) }

// Text writes the standing as the master speaks it.
func Text(w io.Writer, st *standing.Standing, s Style) {
	p := &printer{w: w, s: s}
	v := verdict.Of(st, s.Lang)
	p.notes(st)
	if st.Ahead != "" {
		p.ahead(st)
		if st.Current == nil {
			p.line("")
			p.progress(st, v.Passed, v.Total)
			return
		}
	}
	if v.Status == "enlightened" {
		p.enlightened(st, v)
		return
	}
	p.failure(st, v)
}

// notes come before the verdict: the race detector missing, a walk that
// could not be saved, and the koans that just passed without a grade.
func (p *printer) notes(st *standing.Standing) {
	s, l := p.s, p.s.Lang
	if st.RaceUnavailable && !st.RaceNoted {
		p.line(s.red(l.Sprintf("Note: the race detector is unavailable here (it needs cgo and a C compiler such as gcc).")))
		p.line(l.Sprintf("      The koans run without it; koans about data races are not judged until it is."))
		p.line("")
	}
	p.newerGo(st)
	if st.NotSaved != nil {
		p.line(s.red(l.Sprintf("Note: this walk could not be saved in .koans/ (%v).", st.NotSaved)))
		p.line(l.Sprintf("      Your place, the map of the path and your journal are not kept: make the course's folder writable."))
		p.line("")
	}
	for _, u := range st.Ungraded {
		p.line(s.dim(l.Sprintf("✓ %s passes, but is not graded: %s", u.Koan.Name, u.Why)))
		p.line(l.Sprintf("  It counts on your path; for a grade, only a koan whose blanks alone changed counts."))
	}
	if len(st.Ungraded) > 0 {
		p.line("")
	}
	if prove := proveIt(st, s); prove != "" {
		p.line(s.dim(prove))
		p.line("")
	}
}

// newerGo says, once a walk, which koans the go at hand passes over
// because their files need a newer Go, and what they teach.
func (p *printer) newerGo(st *standing.Standing) {
	s, l := p.s, p.s.Lang
	if len(st.NeedNewerGo) == 0 {
		return
	}
	newest := course.Newest(st.NeedNewerGo)
	p.line(s.red(l.Sprintf("Note: %d koan(s) need Go %s, and this is %s: the path passes over them.", len(st.NeedNewerGo), newest, course.GoAtHand())))
	for _, k := range st.NeedNewerGo {
		p.line(l.Sprintf("      %s: %s (Go %s)", k.Concept.Name, k.Sentence(), k.NeedsGo))
	}
	p.line(l.Sprintf("      Install Go %s or newer (or export GOTOOLCHAIN=go%s.0) to walk them too.", newest, newest))
	p.line("")
}

// enlightened: every koan that can be judged here holds, or the whole path.
func (p *printer) enlightened(st *standing.Standing, v verdict.Verdict) {
	s, l := p.s, p.s.Lang
	if v.Passed < v.Total {
		p.line(s.green(l.Sprintf("Every koan that can be judged here holds.")))
		if st.RaceUnavailable {
			p.line(l.Sprintf("%d koan(s) about data races wait for the race detector: install a C compiler and run again.", v.Total-v.Passed))
		} else { // the learner chose -norace
			p.line(l.Sprintf("%d koan(s) about data races wait for the race detector: run again without -norace.", v.Total-v.Passed))
		}
	} else if len(st.NeedNewerGo) > 0 {
		p.line(s.green(l.Sprintf("Every koan this Go can run holds.")))
		p.line(l.Sprintf("The rest of the path needs Go %s (see the note above).", course.Newest(st.NeedNewerGo)))
	} else {
		p.line(s.green(s.bold(l.Sprintf("You have walked the whole path."))))
		p.line("")
		p.line(l.Sprintf("Every koan holds: goroutines start and finish, channels meet, locks are paired, and\nnothing leaks. The race detector found nothing to say. Go well."))
	}
	p.line("")
	p.progress(st, v.Passed, v.Total)
}

// failure is the verdict on the failing koan: where, the excerpt, why, who
// waits for whom, what it printed, the progress and the next step.
func (p *printer) failure(st *standing.Standing, v verdict.Verdict) {
	s, l := p.s, p.s.Lang
	p.heading(st, v)
	p.line("")
	if v.Kind != kind.Missing && v.Line > 0 {
		p.excerpt(st.CurrentConcept.Lines(st.Course.Root, v.File), v.Line)
		p.line("")
	}
	p.line(v.Message)
	for _, d := range v.Details {
		p.line("  " + d)
	}
	if f := st.Current.Failure; f != nil {
		p.waitFor(f.WaitFor)
	}
	p.block(l.Sprintf("What the koan printed:"), v.Printed)
	if v.Raw != "" {
		p.block(l.Sprintf("What go test printed (the runner could not read more into it):"), strings.Split(strings.TrimRight(v.Raw, "\n"), "\n"))
	}
	p.line("")
	p.progress(st, v.Passed, v.Total)
	if v.Kind == kind.Compile && st.PassedBefore > v.Passed {
		p.line(s.dim(l.Sprintf("(%d passed at the last walk: the koans beyond a package that does not build cannot run, and count again once %s builds.)", st.PassedBefore, v.Concept)))
	}
	p.line("")
	p.line(next(v, s))
	if see := seeTheRun(v, s); see != "" {
		p.line(s.dim(see))
	}
}

// block prints a dim title and its lines indented, after a blank line; nothing
// when there are no lines.
func (p *printer) block(title string, lines []string) {
	if len(lines) == 0 {
		return
	}
	p.line("")
	p.line(p.s.dim(title))
	for _, l := range lines {
		p.line("  " + l)
	}
}

// ahead says that the koan or concept shown is a look ahead, not the
// learner's place, and what it found when it passes.
func (p *printer) ahead(st *standing.Standing) {
	s, l := p.s, p.s.Lang
	if st.Place != nil {
		p.line(s.dim(l.Sprintf("Looking ahead at %s: your place on the path stays at %s.", st.Ahead, st.Place.Name)))
	} else {
		p.line(s.dim(l.Sprintf("Looking ahead at %s: your place on the path stays where it is.", st.Ahead)))
	}
	p.line("")
	if st.Current != nil {
		return
	}
	if k := st.Course.Find(st.Ahead); k != nil {
		p.line(s.green(l.Sprintf("It holds: %s.", k.Title(l))))
		return
	}
	p.line(s.green(l.Sprintf("Every koan of %s holds.", st.Ahead)))
}

// heading names the failing koan: its concept, its sentence, where, and
// the kind of its failure. The labels are padded to one width, which in
// Chinese is that of two characters.
func (p *printer) heading(st *standing.Standing, v verdict.Verdict) {
	s, l, c := p.s, p.s.Lang, st.CurrentConcept
	p.line(l.Sprintf("%s  %s %s", s.dim(l.Sprintf("Concept")), s.bold(c.Name), s.dim("· "+l.Pick(c.Title, c.TitleZh))))
	p.line(l.Sprintf("%s     %s", s.dim(l.Sprintf("Koan")), s.bold(v.Title)))
	p.line(l.Sprintf("%s    %s", s.dim(l.Sprintf("Where")), s.cyan(where(v))))
	p.line(l.Sprintf("%s  %s", s.dim(l.Sprintf("Verdict")), s.red(kindTitle(v.Kind, l))))
}

func where(v verdict.Verdict) string {
	if v.Line > 0 {
		return fmt.Sprintf("%s:%d", v.File, v.Line)
	}
	return v.File
}

// kindTitle names the kind of failure as the learner reads it.
func kindTitle(k kind.Kind, l lang.Lang) string { return k.Title().In(l) }

// next says what to do now, naming the commands the learner runs.
func next(v verdict.Verdict, s Style) string {
	l := s.Lang
	if v.Ahead != "" && v.Kind != kind.Missing && v.Kind != kind.Compile {
		named := "KOAN=" + v.Ahead
		if v.Ahead != v.Koan {
			named = "CONCEPT=" + v.Ahead
		}
		if s.GoTool {
			return l.Sprintf("Meditate on %s, edit it, and run `go tool koans %s` again.\nStuck? `go tool koans hint %s` offers a nudge.", v.File, v.Ahead, v.Koan)
		}
		return l.Sprintf("Meditate on %s, edit it, and run `make koans %s` again.\nStuck? `make hint KOAN=%s` offers a nudge.", v.File, named, v.Koan)
	}
	switch {
	case v.Kind == kind.Missing && s.GoTool:
		return l.Sprintf("Restore the koan, then run `go tool koans` again.")
	case v.Kind == kind.Missing:
		return l.Sprintf("Restore the koan, then run `make koans` again.")
	case v.Kind == kind.Compile && s.GoTool:
		return l.Sprintf("Make %s compile again, then run `go tool koans` (or keep `go tool koans watch` running).", v.File)
	case v.Kind == kind.Compile:
		return l.Sprintf("Make %s compile again, then run `make koans` (or keep `make watch` running).", v.File)
	case s.GoTool:
		return l.Sprintf("Meditate on %s, edit it, and run `go tool koans` again (or keep `go tool koans watch` running).\nStuck? `go tool koans hint` offers a nudge.", v.File)
	}
	return l.Sprintf("Meditate on %s, edit it, and run `make koans` again (or keep `make watch` running).\nStuck? `make hint` offers a nudge.", v.File)
}

type printer struct {
	w io.Writer
	s Style
}

func (p *printer) line(s string) { fmt.Fprintln(p.w, s) }

// excerpt shows a few lines of the file around line, the line itself
// marked.
func (p *printer) excerpt(lines []string, line int) {
	if line > len(lines) {
		return
	}
	from, to := max(1, line-3), min(len(lines), line+2)
	for n := from; n <= to; n++ {
		text := strings.ReplaceAll(lines[n-1], "\t", "    ")
		if n == line {
			p.line(p.s.bold(fmt.Sprintf("  > %4d | %s", n, text)))
		} else {
			p.line(p.s.dim(fmt.Sprintf("    %4d | ", n)) + text)
		}
	}
}

func (p *printer) progress(st *standing.Standing, passed, total int) {
	const width = 40 // characters
	filled := 0
	if total > 0 {
		filled = passed * width / total
	}
	bar := p.s.green(strings.Repeat("#", filled)) + p.s.dim(strings.Repeat(".", width-filled))
	p.line(p.s.Lang.Sprintf("Progress [%s] %d/%d", bar, passed, total))
	if n := len(st.NeedNewerGo); n > 0 {
		p.line(p.s.dim(p.s.Lang.Sprintf("         and %d koan(s) more with Go %s", n, course.Newest(st.NeedNewerGo))))
	}
}
