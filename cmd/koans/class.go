package main

import (
	"bytes"
	"context"
	"os"

	"github.com/gokoans/concurrency/internal/class"
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
)

// classCmd reads many learners' results and writes the class view (package
// class): where the learners get stuck, koan by koan and learner by
// learner. With no -html, -csv or -json, it prints the hardest koans.
func (a *app) classCmd(_ context.Context, args []string) error {
	fs := a.cli.NewFlags("class")
	htmlFile := fs.String("html", "", a.lang.Sprintf("write the class view as one self-contained HTML page to this file"))
	csvFile := fs.String("csv", "", a.lang.Sprintf("write the table of koans to this CSV file, and the table of learners beside it (NAME-learners.csv)"))
	jsonFile := fs.String("json", "", a.lang.Sprintf("write the class view as JSON to this file"))
	anonymize := fs.Bool("anonymize", false, a.lang.Sprintf("name the learners learner-01, learner-02... instead of their names"))
	if err := a.cli.Parse(fs, args); err != nil {
		return err
	}
	if fs.NArg() == 0 {
		return lang.Errorf("usage: go tool koans class [-html FILE] [-csv FILE] [-json FILE] [-anonymize] PATH... (result.json files, journals, or folders of clones)")
	}
	learners, err := class.Read(fs.Args())
	if err != nil {
		return err
	}
	v := class.Build(learners, a.courseOrder())
	if *anonymize {
		v.Anonymize()
	}
	return a.writeClass(v, *htmlFile, *csvFile, *jsonFile)
}

// courseOrder is every koan of the course in order, nil when the course
// cannot be read (the class view then takes the learners' order).
func (a *app) courseOrder() []class.ID {
	c, err := course.Load(a.root, "koans")
	if err != nil {
		return nil
	}
	var out []class.ID
	for _, cc := range c.Concepts {
		for _, k := range cc.Koans {
			out = append(out, class.ID{Concept: cc.Name, Koan: k.Name})
		}
	}
	return out
}

// writeClass writes the files asked for, or prints the hardest koans.
func (a *app) writeClass(v class.View, htmlFile, csvFile, jsonFile string) error {
	write := func(file string, f func(*bytes.Buffer) error) error {
		var b bytes.Buffer
		if err := f(&b); err != nil {
			return err
		}
		return os.WriteFile(file, b.Bytes(), 0o644)
	}
	var errs []error
	if htmlFile != "" {
		errs = append(errs, write(htmlFile, func(b *bytes.Buffer) error { return v.HTML(b, "Go Concurrency Koans: the class") }))
	}
	if csvFile != "" {
		errs = append(errs, write(csvFile, func(b *bytes.Buffer) error { return v.KoansCSV(b) }))
		errs = append(errs, write(class.LearnersFile(csvFile), func(b *bytes.Buffer) error { return v.LearnersCSV(b) }))
	}
	if jsonFile != "" {
		errs = append(errs, write(jsonFile, func(b *bytes.Buffer) error { return v.JSON(b) }))
	}
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	a.lang.Fprintf(a.stdout, "%d learners, %d koans. The hardest:\n", len(v.Learners), len(v.Order))
	for _, k := range v.Koans[:min(5, len(v.Koans))] {
		a.lang.Fprintf(a.stdout, "  %d. %s/%s: %d of %d who reached it passed\n", k.Rank, k.Concept, k.Koan, k.Passed, k.Reached)
	}
	return nil
}
