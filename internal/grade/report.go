package grade

import (
	"encoding/json"
	"fmt"
	"go/ast"
	"io"
	"path"
	"slices"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/standing"
)

// A Report is the grade of a learner's copy: one point for each koan that
// passed, judged by running the course, within the rules. Each concept is
// graded on its own, so a concept that does not build, or a koan that
// ends its package's run, takes only its own points.
type Report struct {
	// Shipped names the version the koans were compared with, "" when
	// none was found (then no koan earns a point).
	Shipped string
	// Trusted is set when the course as shipped came from outside the
	// learner's repository (grade -shipped).
	Trusted           bool
	Concepts          []ConceptReport
	Points, MaxPoints int
	// NeedNewerGo counts the koans this Go could not grade: their files
	// need a newer Go (course.Koan.NeedsGo), so they did not run and earn
	// no point; NewestGo is the release that runs them all.
	NeedNewerGo int
	NewestGo    string
}

// A ConceptReport is one concept's koans and points.
type ConceptReport struct {
	Name, Title, TitleZh string
	Koans                []KoanReport
	Passed, Points       int
}

// A KoanReport is one koan's grade.
type KoanReport struct {
	Name    string
	Concept string
	// State is "passed", "failing", "not judged" (a race koan without
	// -race), "not run" (an earlier failure ended its package's run),
	// "needs go" (its file needs a newer Go than the one grading) or "gone"
	// (shipped, but not in the copy graded: see Complete).
	State  string
	Kind   string // how it fails, when it does
	Graded bool   // passed within the rules: one point
	// Why is why a passed koan earns no point (a line changed outside a
	// blank, an answer that cannot fail), Where the learner's file:line.
	Why, Where string
}

// Build grades the walk of every concept st against g.
func Build(st *standing.Standing, g Grading, trusted bool) Report {
	r := Report{Shipped: g.Shipped, Trusted: trusted}
	for _, cr := range st.Concepts {
		c := ConceptReport{Name: cr.Concept.Name, Title: cr.Concept.Title, TitleZh: cr.Concept.TitleZh}
		for _, o := range cr.Outcomes {
			k := KoanReport{Name: o.Koan.Name, Concept: cr.Concept.Name, State: "not run"}
			switch {
			case !o.Koan.Runnable():
				k.State = "needs go"
				r.NeedNewerGo++
			case o.Unjudged:
				k.State = "not judged"
			case o.State == diagnose.Passed:
				k.State = "passed"
				c.Passed++
			case o.State == diagnose.Failed:
				k.State = "failing"
				if o.Failure != nil {
					k.Kind = string(o.Failure.Kind)
				}
			}
			if res, ok := g.Results[o.Koan.Name]; ok && k.State == "passed" {
				k.Graded = res.Within
				k.Why, k.Where = res.Why, res.Where
			}
			if k.Graded {
				c.Points++
			}
			c.Koans = append(c.Koans, k)
		}
		r.Points += c.Points
		r.MaxPoints += len(c.Koans)
		r.Concepts = append(r.Concepts, c)
	}
	r.NewestGo = course.Newest(st.NeedNewerGo)
	return r
}

// Text writes the report for a terminal.
func (r Report) Text(w io.Writer, l lang.Lang) {
	for _, c := range r.Concepts {
		fmt.Fprintf(w, "%-24s %d/%d\n", c.Name, c.Points, len(c.Koans))
		for _, k := range c.Koans {
			switch {
			case k.State == "passed" && !k.Graded:
				l.Fprintf(w, "    %s: passed, but not graded: %s\n", k.Name, k.Why)
			case k.State == "gone", k.State == "not run" && k.Why != "":
				l.Fprintf(w, "    %s: not graded: %s\n", k.Name, k.Why)
			}
		}
	}
	l.Fprintf(w, "\nGrade: %d of %d points (one for each koan passed within the rules).\n", r.Points, r.MaxPoints)
	r.source(w, l)
	r.notGradable(w, l)
}

// notGradable says how many koans this Go could not grade, and which Go
// grades them.
func (r Report) notGradable(w io.Writer, l lang.Lang) {
	if r.NeedNewerGo > 0 {
		l.Fprintf(w, "%d koan(s) were not gradable on this Go (%s): they need Go %s or newer, and earn no point here.\n", r.NeedNewerGo, course.GoAtHand(), r.NewestGo)
	}
}

// source says what the koans were compared with.
func (r Report) source(w io.Writer, l lang.Lang) {
	switch {
	case r.Shipped == "":
		l.Fprintf(w, "No koan is graded: the koans as shipped were not found (each koan says why).\n")
	case r.Trusted:
		l.Fprintf(w, "Compared with %s.\n", r.Shipped)
	default:
		l.Fprintf(w, "Compared with %s, in this copy of the course: an advisory grade; the trusted one is the teacher's (grade -shipped).\n", r.Shipped)
	}
}

// Markdown writes the report as the summary a workflow shows.
func (r Report) Markdown(w io.Writer, l lang.Lang) {
	l.Fprintf(w, "## Koans grade: %d/%d\n\n", r.Points, r.MaxPoints)
	l.Fprintf(w, "One point for each koan that passes within the rules: nothing changed but its blanks.\n")
	r.source(w, l)
	r.notGradable(w, l)
	l.Fprintf(w, "\n| Concept | Passed | Points |\n| --- | --- | --- |\n")
	var outside, gone, notRun []KoanReport
	for _, c := range r.Concepts {
		mark := ""
		if len(c.Koans) > 0 && c.Points == len(c.Koans) {
			mark = " ✅"
		}
		name := "`" + cell(c.Name) + "`"
		if title := l.Pick(c.Title, c.TitleZh); title != "" {
			name = cell(title) + " (" + name + ")"
		}
		fmt.Fprintf(w, "| %s | %d/%d | %d/%d%s |\n", name, c.Passed, len(c.Koans), c.Points, len(c.Koans), mark)
		for _, k := range c.Koans {
			switch {
			case k.State == "passed" && !k.Graded:
				outside = append(outside, k)
			case k.State == "gone":
				gone = append(gone, k)
			case k.State == "not run" && k.Why != "":
				notRun = append(notRun, k)
			}
		}
	}
	if len(outside) > 0 {
		l.Fprintf(w, "\n### Passed, but not graded\n\n")
		for _, k := range outside {
			fmt.Fprintf(w, "- `%s`: %s\n", cell(k.Name), cell(k.Why))
		}
	}
	if len(gone) > 0 {
		l.Fprintf(w, "\n### Shipped, but not in this copy\n\n")
		for _, k := range gone {
			fmt.Fprintf(w, "- `%s`: %s\n", cell(k.Name), cell(k.Why))
		}
	}
	if len(notRun) > 0 {
		l.Fprintf(w, "\n### Not run\n\n")
		for _, k := range notRun {
			fmt.Fprintf(w, "- `%s`: %s\n", cell(k.Name), cell(k.Why))
		}
	}
}

func cell(s string) string {
	return strings.NewReplacer("|", `\|`, "\n", " ").Replace(s)
}

// A Submission is what Classroom 50's runner tells an autograder of the
// submission it grades (its environment), and when.
type Submission struct {
	Classroom, Assignment, Tag, Commit, Release, Review string
	// At is the submission instant (the graded commit's committer date),
	// GradedAt this grading's.
	At, GradedAt time.Time
}

// SubmissionFromEnv reads Classroom 50's variables through getenv; at is
// the graded commit's date (zero: now).
func SubmissionFromEnv(getenv func(string) string, at time.Time) Submission {
	now := time.Now()
	if at.IsZero() {
		at = now
	}
	s := Submission{Classroom: getenv("CLASSROOM"), Assignment: getenv("ASSIGNMENT"), Tag: getenv("SUBMISSION_TAG"),
		Commit: getenv("COMMIT_URL"), Release: getenv("RELEASE_URL"), Review: getenv("REVIEW_URL"), At: at, GradedAt: now}
	if s.Review == "" {
		s.Review = s.Commit
	}
	return s
}

// A classroomResult is Classroom 50's result.json, schema
// classroom50/result/v1 (its wiki, "Advanced Autograding", "The
// result.json contract"). owner and assignment_type are the runner's to
// stamp.
type classroomResult struct {
	Schema     string          `json:"schema"`
	Classroom  string          `json:"classroom"`
	Assignment string          `json:"assignment"`
	Submission string          `json:"submission"`
	Commit     string          `json:"commit"`
	Release    string          `json:"release"`
	Review     string          `json:"review"`
	Datetime   string          `json:"datetime"`
	GradedAt   string          `json:"graded_at"`
	Score      int             `json:"score"`
	MaxScore   int             `json:"max-score"`
	Tests      []classroomTest `json:"tests"`
}

// A classroomTest is one koan; the fields after max-score are diagnostic
// (the contract keeps them verbatim).
type classroomTest struct {
	Name     string `json:"test-name"`
	Passed   bool   `json:"passed"`
	Score    int    `json:"score"`
	MaxScore int    `json:"max-score"`
	Concept  string `json:"concept"`
	State    string `json:"state"`
	Kind     string `json:"kind,omitempty"`
	Why      string `json:"why,omitempty"`
	Where    string `json:"where,omitempty"`
}

// ClassroomJSON writes the report as Classroom 50's result.json: one test
// per koan, one point each when graded.
func (r Report) ClassroomJSON(w io.Writer, s Submission) error {
	const stamp = "2006-01-02T15:04:05Z"
	out := classroomResult{Schema: "classroom50/result/v1", Classroom: s.Classroom, Assignment: s.Assignment,
		Submission: s.Tag, Commit: s.Commit, Release: s.Release, Review: s.Review,
		Datetime: s.At.UTC().Format(stamp), GradedAt: s.GradedAt.UTC().Format(stamp),
		Score: r.Points, MaxScore: r.MaxPoints, Tests: []classroomTest{}}
	for _, c := range r.Concepts {
		for _, k := range c.Koans {
			t := classroomTest{Name: c.Name + "/" + k.Name, Passed: k.Graded, MaxScore: 1, Concept: c.Name,
				State: k.State, Kind: k.Kind, Why: k.Why, Where: k.Where}
			if k.Graded {
				t.Score = 1
			}
			out.Tests = append(out.Tests, t)
		}
	}
	data, err := json.MarshalIndent(out, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// NotRun adds the koans of c to r, none run and with no point, for why
// (said in l): a concept the grade could not run (its catalog does not
// parse) takes only its own points.
func (r *Report) NotRun(c *course.Concept, why lang.Msg, l lang.Lang) {
	cr := ConceptReport{Name: c.Name, Title: c.Title, TitleZh: c.TitleZh}
	for _, k := range c.Koans {
		cr.Koans = append(cr.Koans, KoanReport{Name: k.Name, Concept: c.Name, State: "not run", Why: why.In(l)})
	}
	r.MaxPoints += len(cr.Koans)
	r.Concepts = append(r.Concepts, cr)
	slices.SortStableFunc(r.Concepts, func(a, b ConceptReport) int { return strings.Compare(a.Name, b.Name) })
}

// Complete adds to r every koan shipped in v that the copy graded lacks
// (its function, its file or its concept deleted or renamed), with no
// point: the most points a grade can give is the course's as shipped, not
// what is left of it in the learner's copy.
func (r *Report) Complete(v *shipped.Version, l lang.Lang) {
	files, err := v.All()
	if err != nil {
		return
	}
	for _, f := range goFiles(files) {
		dir := path.Dir(f)
		if !strings.HasSuffix(f, "_test.go") || path.Dir(dir) != "koans" {
			continue
		}
		text, err := v.Read(f)
		if err != nil {
			continue
		}
		_, file, spans, err := parse(text)
		if err != nil {
			continue
		}
		var names []string
		for _, d := range file.Decls {
			if fd, ok := d.(*ast.FuncDecl); ok {
				if _, koan := spans[fd.Name.Name]; koan {
					names = append(names, fd.Name.Name)
				}
			}
		}
		r.expect(path.Base(dir), f, names, l)
	}
	slices.SortStableFunc(r.Concepts, func(a, b ConceptReport) int { return strings.Compare(a.Name, b.Name) })
}

// expect adds the koans names of the concept, shipped in file, that r
// lacks.
func (r *Report) expect(concept, file string, names []string, l lang.Lang) {
	i := slices.IndexFunc(r.Concepts, func(c ConceptReport) bool { return c.Name == concept })
	if i < 0 {
		r.Concepts = append(r.Concepts, ConceptReport{Name: concept})
		i = len(r.Concepts) - 1
	}
	c := &r.Concepts[i]
	for _, name := range names {
		if slices.ContainsFunc(c.Koans, func(k KoanReport) bool { return k.Name == name }) {
			continue
		}
		c.Koans = append(c.Koans, KoanReport{Name: name, Concept: concept, State: "gone", Where: file,
			Why: lang.Msgf("%s, shipped in %s, is not in this copy", name, file).In(l)})
		r.MaxPoints++
	}
}
