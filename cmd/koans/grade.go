package main

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"strconv"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/grade"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/walk"
)

// gradeCmd grades the learner's copy (package grade): it runs every
// concept, as list -json does, and gives a point to each koan passed
// within the rules. Its exit status is 0 whatever the points: 2 only when
// the runner cannot work.
func (a *app) gradeCmd(ctx context.Context, args []string) error {
	fs := a.cli.NewFlags("grade")
	dir := fs.String("shipped", "", a.lang.Sprintf("compare with the koans/ shipped in this directory or .tar.gz archive (the teacher's copy), not with the learner's koans.shipped"))
	result := fs.String("result", "", a.lang.Sprintf("write Classroom 50's result.json to this file"))
	markdown := fs.Bool("markdown", false, a.lang.Sprintf("print the summary a workflow shows, in Markdown"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return lang.Errorf("unexpected arguments: %v", fs.Args())
	}
	var v *shipped.Version
	var err error
	if *dir != "" {
		if v, err = shipped.Open(*dir); err != nil {
			return err
		}
	} else {
		v, err = shipped.Find(a.root)
	}
	r, werr := a.gradeWalk(ctx, v, err, *dir != "")
	if werr != nil {
		return werr
	}
	if *result != "" {
		var b bytes.Buffer
		if err := r.ClassroomJSON(&b, grade.SubmissionFromEnv(os.Getenv, committed(a.root))); err != nil {
			return err
		}
		if err := os.WriteFile(*result, b.Bytes(), 0o644); err != nil {
			return err
		}
	}
	if *markdown {
		r.Markdown(a.stdout, a.lang)
	} else {
		r.Text(a.stdout, a.lang)
	}
	return nil
}

// gradeWalk runs every concept whose catalog loads and grades it against v
// (found, or not: err); a concept whose catalog does not parse is not run,
// and its koans earn no point, but it stops no other concept's grade.
func (a *app) gradeWalk(ctx context.Context, v *shipped.Version, err error, trusted bool) (grade.Report, error) {
	c, cerr := course.Load(a.root, "koans")
	if cerr != nil {
		return grade.Report{}, cerr
	}
	var broken []*course.Concept
	for _, cc := range c.Concepts {
		if cc.BadCatalog != "" {
			broken = append(broken, cc)
		}
	}
	// A concept whose catalog does not parse is graded as not run, and
	// every other keeps its points.
	opt := a.options()
	opt.LeaveOutBroken = true
	st, werr := walk.All(ctx, opt)
	if werr != nil {
		return grade.Report{}, werr
	}
	r := grade.Build(st, grade.PathAgainst(a.root, st, v, err, a.lang), trusted)
	for _, cc := range broken {
		r.NotRun(cc, lang.Msgf("its catalog does not parse (%s), so its koans were not run", cc.BadCatalog), a.lang)
	}
	if err == nil {
		r.Complete(v, a.lang)
	}
	return r, nil
}

// committed is the date of the commit graded (HEAD), zero without git.
func committed(root string) time.Time {
	cmd := exec.Command("git", "log", "-1", "--format=%ct", "HEAD")
	cmd.Dir = root
	out, err := cmd.Output()
	if err != nil {
		return time.Time{}
	}
	sec, err := strconv.ParseInt(strings.TrimSpace(string(out)), 10, 64)
	if err != nil {
		return time.Time{}
	}
	return time.Unix(sec, 0)
}
