package verify

import (
	"context"
	"fmt"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/goline"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
)

// A Problem is one thing wrong with the course.
type Problem struct {
	Where string `json:"where"` // a file, file:line, or a concept
	What  string `json:"what"`
}

func (p Problem) String() string { return p.Where + ": " + p.What }

// A Row is one concept's line in the report.
type Row struct {
	Concept string `json:"concept"`
	Koans   int    `json:"koans"`
	// Kinds counts the koans by the kind their catalog names.
	Kinds map[kind.Kind]int `json:"kinds"`
	// Detected counts the koans a detector judges (race, leak, deadlock,
	// timeout, panic, fatal, vet), not an assertion.
	Detected int `json:"detected"`
	// Wrong counts the wrong answers its catalog declares.
	Wrong int  `json:"wrong"`
	OK    bool `json:"ok"`
}

// A Report is the whole verification.
type Report struct {
	Rows     []Row     `json:"rows"`
	Problems []Problem `json:"problems"`
	// Adversary is what the wrong answers did, with -koan (verify of the
	// whole course leaves them to the adversary command: they take long).
	Adversary *AdversaryReport `json:"adversary,omitempty"`
	// Skipped are the koans selected that the go at hand cannot run (their
	// files need a newer Go): their static checks ran, their runs did not.
	Skipped []Skipped `json:"skipped,omitempty"`
}

// Options say what to verify.
type Options struct {
	Root     string
	Concepts []string // all when empty
	// Koan, if set, is the one koan to check: its concept's static checks
	// run whole, the runs only for it (and verify adds the adversary's).
	Koan string
	// Trees names the trees: normally "koans" and "solutions".
	Koans, Solutions string
	// Go runs go test (nil: run.Go).
	Go func(ctx context.Context, opt run.Options, pkgs ...string) (*run.Result, error)
	// Log, if set, receives a line as each step starts.
	Log func(string)
}

func (o *Options) defaults() {
	if o.Koans == "" {
		o.Koans = "koans"
	}
	if o.Solutions == "" {
		o.Solutions = "solutions"
	}
	if o.Go == nil {
		o.Go = run.Go
	}
	if o.Log == nil {
		o.Log = func(string) {}
	}
	log, mu := o.Log, new(sync.Mutex) // runs log side by side
	o.Log = func(s string) {
		mu.Lock()
		defer mu.Unlock()
		log(s)
	}
}

// load reads the two trees.
func (o *Options) load() (koans, sols *course.Course, err error) {
	if koans, err = course.Load(o.Root, o.Koans); err != nil {
		return nil, nil, err
	}
	sols, err = course.Load(o.Root, o.Solutions)
	return koans, sols, err
}

// Verify runs every check and reports.
func Verify(ctx context.Context, opt Options) (*Report, error) {
	opt.defaults()
	koans, sols, err := opt.load()
	if err != nil {
		return nil, err
	}
	r := &Report{}
	v := &verifier{opt: opt, r: r, koans: koans, sols: sols}
	concepts, err := selectKoans(koans, opt)
	if err != nil {
		return nil, err
	}
	if len(opt.Concepts) == 0 && opt.Koan == "" {
		v.sameConcepts()
	}
	r.Skipped = SkippedOf(concepts, opt.Koan)
	v.uniqueNames(concepts)
	v.sameEdits(concepts) // duplicates.go
	// Every run at once (runs.go): the checks below read what they found.
	if err := v.runAll(ctx, concepts); err != nil {
		return nil, err
	}
	for _, c := range concepts {
		row := Row{Concept: c.Name, Koans: len(c.Koans), Kinds: map[kind.Kind]int{}}
		before := len(r.Problems)
		opt.Log("checking " + c.Name)
		v.catalog(c, &row)
		v.twins(c) // twins.go
		v.wrongAnswers(c, &row)
		v.mirror(c)
		v.koansFail(c)
		v.solutionsPass(c)
		v.readme(c)
		v.answersHidden(c)
		v.blanksNeeded(c)
		row.OK = len(r.Problems) == before
		r.Rows = append(r.Rows, row)
	}
	v.gofmt()
	v.vet(concepts)
	if opt.Koan != "" {
		adv, err := adversary(ctx, AdversaryOptions{Options: opt}, koans, sols, concepts)
		if err != nil {
			return nil, err
		}
		r.Adversary = adv
		r.Problems = append(r.Problems, adv.Problems...)
	}
	return r, nil
}

// only reports whether the runs of verify are for k: all koans, or the
// one of -koan.
// A koan whose file needs a newer Go than the one at hand is for none:
// that go leaves its file out (Report.Skipped says so).
func (v *verifier) only(k *course.Koan) bool {
	return k.Runnable() && (v.opt.Koan == "" || k.Name == v.opt.Koan)
}

type verifier struct {
	opt         Options
	r           *Report
	koans, sols *course.Course
	runs        // what the runs of go test and go vet found (runs.go)
}

func (v *verifier) problem(where, format string, args ...any) {
	v.r.Problems = append(v.r.Problems, Problem{Where: where, What: fmt.Sprintf(format, args...)})
}

func (v *verifier) sameConcepts() {
	names := func(c *course.Course) []string {
		var n []string
		for _, cc := range c.Concepts {
			n = append(n, cc.Name)
		}
		return n
	}
	k, s := names(v.koans), names(v.sols)
	for _, n := range k {
		if !slices.Contains(s, n) {
			v.problem(v.opt.Solutions, "no solution for concept %s", n)
		}
	}
	for _, n := range s {
		if !slices.Contains(k, n) {
			v.problem(v.opt.Solutions+"/"+n, "a solution with no koans beside it in %s/", v.opt.Koans)
		}
	}
}

// catalog: every koan has an entry with a kind it may ship with and two or
// three hints (gentle to strong: make hint shows one more each time), every
// entry a koan, in the same order.
func (v *verifier) catalog(c *course.Concept, row *Row) {
	for _, p := range c.Problems {
		v.problem(c.Dir, "%s", p)
	}
	for _, p := range c.GateProblems { // file:line: what
		where, what, _ := strings.Cut(p, ": ")
		v.problem(where, "%s", what)
	}
	if c.Catalog == nil {
		v.problem(c.Dir, "no %s: each koan needs an entry with its kind and hints", course.CatalogFile)
		return
	}
	if c.Catalog.TitleZh == "" {
		v.problem(c.Dir+"/"+course.CatalogFile, "no title_zh: the concept's title in Chinese")
	}
	for _, m := range c.Missing {
		v.problem(c.Dir+"/"+course.CatalogFile, "the entry %s names no koan", m.Name)
	}
	var onDisk, inCatalog []string
	for _, k := range c.Koans {
		onDisk = append(onDisk, k.Name)
		e, ok := c.Entry(k.Name)
		if !ok {
			v.problem(fmt.Sprintf("%s:%d", k.File, k.Line), "%s has no catalog entry", k.Name)
			continue
		}
		inCatalog = append(inCatalog, e.Name)
		if !e.Kind.Shipped() {
			v.problem(c.Dir+"/"+course.CatalogFile, "%s: kind %q is not one of %s", k.Name, e.Kind, shippedKinds())
		}
		if n := len(e.Hints); n < 2 || n > 3 {
			v.problem(c.Dir+"/"+course.CatalogFile, "%s: has %d hint(s): write two or three, from gentle to strong", k.Name, n)
		}
		if slices.Contains(e.Hints, "") {
			v.problem(c.Dir+"/"+course.CatalogFile, "%s: has an empty hint", k.Name)
		}
		if len(e.HintsZh) != len(e.Hints) || slices.Contains(e.HintsZh, "") {
			v.problem(c.Dir+"/"+course.CatalogFile, "%s: has %d Chinese hint(s) (hints_zh) for %d hint(s): each hint needs its Chinese twin, in the same order", k.Name, len(e.HintsZh), len(e.Hints))
		}
		row.Kinds[e.Kind]++
		if e.Kind.Detector() {
			row.Detected++
		}
	}
	if !slices.Equal(onDisk, inCatalog) && len(onDisk) == len(inCatalog) {
		v.problem(c.Dir+"/"+course.CatalogFile, "the entries are not in the order the koans run: %s", strings.Join(onDisk, ", "))
	}
}

// shippedKinds lists the kinds a koan may name in its catalog entry: the
// ways a koan can fail as shipped (kind.Kind.Shipped).
func shippedKinds() string {
	var names []string
	for _, k := range kind.All {
		if k.Shipped() {
			names = append(names, string(k))
		}
	}
	return strings.Join(names, ", ")
}

// mirror: the same files and tests in the same order; each koan holds a
// blank; outside the lines holding a blank, a koan and its solution are the
// same, line for line.
func (v *verifier) mirror(c *course.Concept) {
	sc := v.sols.Concept(c.Name)
	if sc == nil {
		return
	}
	kFiles, sFiles := testFiles(v.opt.Root, c.Dir), testFiles(v.opt.Root, sc.Dir)
	if !slices.Equal(kFiles, sFiles) {
		v.problem(sc.Dir, "files differ from %s: koans have %v, solutions %v", c.Dir, kFiles, sFiles)
	}
	var kNames, sNames []string
	for _, k := range c.Koans {
		kNames = append(kNames, k.Name)
	}
	for _, k := range sc.Koans {
		sNames = append(sNames, k.Name)
	}
	if !slices.Equal(kNames, sNames) {
		v.problem(sc.Dir, "tests differ from %s, or are in another order:\n    koans:     %v\n    solutions: %v", c.Dir, kNames, sNames)
	}
	for _, f := range kFiles {
		if !slices.Contains(sFiles, f) {
			continue
		}
		kl := c.Lines(v.opt.Root, c.Dir+"/"+f)
		sl := sc.Lines(v.opt.Root, sc.Dir+"/"+f)
		if len(kl) != len(sl) {
			v.problem(sc.Dir+"/"+f, "has %d lines, the koan %d: a solution fills each blank in place, line for line", len(sl), len(kl))
			continue
		}
		for i := range kl {
			switch {
			case kl[i] == sl[i]:
				if goline.BlankIn(sl[i]).Any() && f != "main_test.go" {
					v.problem(fmt.Sprintf("%s/%s:%d", sc.Dir, f, i+1), "the solution still holds a blank")
				}
			case !goline.BlankIn(kl[i]).Any():
				v.problem(fmt.Sprintf("%s/%s:%d", c.Dir, f, i+1), "differs from the solution on a line without a blank:\n    koan:     %s\n    solution: %s", strings.TrimSpace(kl[i]), strings.TrimSpace(sl[i]))
			case goline.BlankIn(sl[i]).Any():
				v.problem(fmt.Sprintf("%s/%s:%d", sc.Dir, f, i+1), "the solution still holds a blank")
			}
		}
	}
	for _, k := range c.Koans {
		if len(blankLines(v.opt.Root, k)) == 0 {
			v.problem(fmt.Sprintf("%s:%d", k.File, k.Line), "%s has no blank (__) for the learner to fill", k.Name)
		}
	}
}

func testFiles(root, dir string) []string {
	m, _ := filepath.Glob(filepath.Join(root, dir, "*_test.go"))
	var out []string
	for _, f := range m {
		out = append(out, filepath.Base(f))
	}
	return out
}

func (v *verifier) gofmt() {
	cmd := exec.Command("gofmt", "-l", v.opt.Koans, v.opt.Solutions)
	cmd.Dir = v.opt.Root
	out, err := cmd.Output()
	if err != nil {
		v.problem("gofmt", "cannot run gofmt: %v", err)
		return
	}
	for _, f := range strings.Fields(string(out)) {
		v.problem(f, "is not gofmt-formatted (run gofmt -w %s)", f)
	}
}
