package verify

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/crash"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
)

// The adversary: every wrong answer a learner would try (wrong.go) must
// fail, in every run. Each is built once, as its own test binary of the
// solution's package with the answer in place (go test -c -race -overlay:
// no file of the tree changes), and run alone in separate processes at
// several GOMAXPROCS values. The helper's koan.Main holds the leak check
// and the hang guard, so the binary's exit status is the verdict.

// Runs: the GOMAXPROCS of each run of a wrong answer; a koan whose body
// runs inside a synctest bubble is deterministic, and runs twice.
var (
	RunCPUs    = []int{1, 2, 4, 1, 2}
	BubbleCPUs = []int{1, 2}
)

// AdversaryOptions say which koans to attack, and how.
type AdversaryOptions struct {
	Options
	// CPUs and BubbleCPUs override RunCPUs and BubbleCPUs.
	CPUs, BubbleCPUs []int
	// Parallel is how many builds and runs go at once (0: GOMAXPROCS).
	Parallel int
	// Timeout is each run's -test.timeout (0: the concept's timeout, at
	// least 10s).
	Timeout time.Duration
	// Gated attacks only the koans that need a newer Go than the course's
	// minimum (NeedsGo): make verify-next runs them on that Go.
	Gated bool
}

// A Run is one run of a wrong answer's test binary.
type Run struct {
	CPU     int     `json:"cpu"`
	Passed  bool    `json:"passed"`
	Seconds float64 `json:"seconds"`
}

// Results of a wrong answer.
const (
	Fails      = "fails"            // every run failed, as it must
	Passes     = "passes"           // at least one run passed
	FailsVet   = "fails vet"        // go vet rejects it: every run of the learner's fails
	NoBuild    = "does not compile" // a generic answer that does not compile is not tried
	NotApplied = "not applied"      // a declared answer whose find is not found once
	CannotFail = "cannot fail"      // a variable compared with itself: not run
)

// An Attempt is one wrong answer tried on a koan.
type Attempt struct {
	Source string `json:"source"` // declared, return, sleep, other argument
	File   string `json:"file"`   // the solution file edited, repository-relative
	Line   int    `json:"line"`   // its first line edited
	Edit   string `json:"edit"`   // the edit, in words
	Why    string `json:"why,omitempty"`
	// Catalog is the catalog's file:line of a declared answer.
	Catalog string `json:"catalog,omitempty"`
	Result  string `json:"result"`
	Runs    []Run  `json:"runs,omitempty"`
	Passed  int    `json:"passed"` // how many runs passed
	// Info marks an answer whose pass is information, not a problem: the
	// blank filled with what it is compared with cannot fail; grading
	// leaves it ungraded.
	Info bool `json:"info,omitempty"`
	// Build holds the compiler's first lines, when it does not compile.
	Build string `json:"build,omitempty"`
}

// cpus lists the -cpu values of the runs, those that passed only if
// passed.
func (a *Attempt) cpus(passed bool) string {
	var s []string
	for _, r := range a.Runs {
		if r.Passed == passed || !passed {
			s = append(s, strconv.Itoa(r.CPU))
		}
	}
	return strings.Join(s, ",")
}

// Summary says how the answer fared: "passed 2 of 5 runs at -cpu 1,4".
func (a *Attempt) Summary() string {
	switch a.Result {
	case Passes:
		return fmt.Sprintf("passed %d of %d runs at -cpu %s", a.Passed, len(a.Runs), a.cpus(true))
	case Fails:
		return fmt.Sprintf("failed %d of %d runs at -cpu %s", len(a.Runs), len(a.Runs), a.cpus(false))
	case CannotFail:
		return "it compares a value with itself, equal every time: not run"
	}
	return a.Result
}

// KoanAttempts are the wrong answers tried on one koan.
type KoanAttempts struct {
	Koan     string     `json:"koan"`
	Concept  string     `json:"concept"`
	Kind     kind.Kind  `json:"kind"`
	File     string     `json:"file"`
	Line     int        `json:"line"`
	Bubble   bool       `json:"bubble"` // its body runs in a synctest bubble: fewer runs
	Attempts []*Attempt `json:"attempts"`
}

// An AdversaryReport is what the adversary found.
type AdversaryReport struct {
	Koans []*KoanAttempts `json:"koans"`
	// Problems are the wrong answers that passed, and the declared ones
	// that could not be tried.
	Problems []Problem `json:"problems"`
	// Info are the passes that are no problem here (the blank filled with
	// what it is compared with).
	Info []Problem `json:"info"`
	// Skipped are the koans whose files need a newer Go than the one at
	// hand: their wrong answers were not tried.
	Skipped []Skipped `json:"skipped,omitempty"`
}

// Counts are the attempts by result.
func (r *AdversaryReport) Counts() map[string]int {
	n := map[string]int{}
	for _, k := range r.Koans {
		for _, a := range k.Attempts {
			n[a.Result]++
		}
	}
	return n
}

// Adversary tries every wrong answer on the koans of opt (all, the
// concepts named, or one koan) and reports those that pass.
func Adversary(ctx context.Context, opt AdversaryOptions) (*AdversaryReport, error) {
	opt.defaults()
	koans, sols, err := opt.load()
	if err != nil {
		return nil, err
	}
	concepts, err := selectKoans(koans, opt.Options)
	if err != nil {
		return nil, err
	}
	return adversary(ctx, opt, koans, sols, concepts)
}

// selectKoans are the concepts of opt, or the one holding opt.Koan.
func selectKoans(koans *course.Course, opt Options) ([]*course.Concept, error) {
	if opt.Koan == "" {
		return koans.Select(opt.Concepts)
	}
	k := koans.Find(opt.Koan)
	if k == nil {
		return nil, fmt.Errorf("no koan %s in %s/", opt.Koan, opt.Koans)
	}
	return []*course.Concept{k.Concept}, nil
}

func adversary(ctx context.Context, opt AdversaryOptions, koans, sols *course.Course, concepts []*course.Concept) (*AdversaryReport, error) {
	if opt.Parallel <= 0 {
		opt.Parallel = runtime.GOMAXPROCS(0)
	}
	if opt.CPUs == nil {
		opt.CPUs = RunCPUs
	}
	if opt.BubbleCPUs == nil {
		opt.BubbleCPUs = BubbleCPUs
	}
	tmp, err := os.MkdirTemp("", "koans-adversary")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	rep := &AdversaryReport{Skipped: SkippedOf(concepts, opt.Koan)}
	jobs := opt.plan(rep, sols, concepts, tmp)
	if err := opt.runJobs(ctx, jobs); err != nil {
		return nil, err
	}
	rep.judge()
	return rep, nil
}

// An adversaryJob is one wrong answer of one koan, to build and run.
type adversaryJob struct {
	k   *course.Koan
	sc  *course.Concept
	ka  *KoanAttempts
	a   *Attempt
	v   variant
	dir string
}

// plan lists every wrong answer to try, declared and generic, koan by koan
// (into rep), and returns the ones that need a build and runs: an answer
// that compares a value with itself cannot fail and needs none.
func (opt AdversaryOptions) plan(rep *AdversaryReport, sols *course.Course, concepts []*course.Concept, tmp string) []adversaryJob {
	var jobs []adversaryJob
	for _, c := range concepts {
		sc := sols.Concept(c.Name)
		if sc == nil {
			continue
		}
		for _, k := range c.Koans {
			sk := sc.Koan(k.Name)
			if sk == nil || opt.Koan != "" && k.Name != opt.Koan || !k.Runnable() || opt.Gated && k.NeedsGo == "" {
				continue
			}
			ka := &KoanAttempts{Koan: k.Name, Concept: c.Name, Kind: k.Kind, File: k.File, Line: k.Line, Bubble: inBubble(opt.Root, sk.File, k.Name)}
			rep.Koans = append(rep.Koans, ka)
			for _, v := range opt.variants(rep, ka, k, c, sc) {
				a := &Attempt{Source: v.source, File: v.file, Line: v.line, Edit: v.edit, Why: v.why, Catalog: v.at, Info: v.info}
				ka.Attempts = append(ka.Attempts, a)
				if v.same {
					a.Result = CannotFail
					continue
				}
				jobs = append(jobs, adversaryJob{k: k, sc: sc, ka: ka, a: a, v: v, dir: filepath.Join(tmp, strconv.Itoa(len(jobs)))})
			}
		}
	}
	return jobs
}

// variants are a koan's wrong answers as edits of its solution: those its
// catalog declares (one that cannot be applied is a problem), then the
// generic ones.
func (opt AdversaryOptions) variants(rep *AdversaryReport, ka *KoanAttempts, k *course.Koan, c, sc *course.Concept) []variant {
	var vs []variant
	e, _ := c.Entry(k.Name)
	for _, w := range e.Wrong {
		v, problem := declared(opt.Root, k, sc, c.Catalog.File, w)
		if problem != "" {
			ka.Attempts = append(ka.Attempts, &Attempt{Source: Declared, Catalog: fmt.Sprintf("%s:%d", c.Catalog.File, w.Line), Why: w.Why, Result: NotApplied, Edit: problem})
			rep.Problems = append(rep.Problems, Problem{Where: fmt.Sprintf("%s:%d", c.Catalog.File, w.Line), What: fmt.Sprintf("%s: a wrong answer cannot be tried: %s", k.Name, problem)})
			continue
		}
		vs = append(vs, v)
	}
	return append(vs, generic(opt.Root, k, sc)...)
}

// runJobs builds and runs every job, Parallel at once, and returns the
// first error that stopped one (or the context's).
func (opt AdversaryOptions) runJobs(ctx context.Context, jobs []adversaryJob) error {
	var mu sync.Mutex
	var firstErr error
	next := make(chan adversaryJob)
	var wg sync.WaitGroup
	for range opt.Parallel {
		wg.Go(crash.Guard(func() {
			for j := range next {
				cpus := opt.CPUs
				if j.ka.Bubble {
					cpus = opt.BubbleCPUs
				}
				err := opt.attempt(ctx, j.sc, j.k, j.a, j.v, j.dir, cpus)
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = err
				}
				opt.Log(fmt.Sprintf("  %-16s %s %s: %s (%s)", j.a.Result, j.k.Name, j.a.Source, j.a.Edit, j.a.Summary()))
				mu.Unlock()
			}
		}))
	}
	for _, j := range jobs {
		if ctx.Err() != nil {
			break
		}
		next <- j
	}
	close(next)
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	return ctx.Err()
}

// judge turns the attempts into problems (a wrong answer that passed, a
// declared one that does not compile without saying so) and information
// (an answer that cannot fail, which grading must refuse).
func (rep *AdversaryReport) judge() {
	for _, ka := range rep.Koans {
		for _, a := range ka.Attempts {
			switch {
			case (a.Result == Passes || a.Result == CannotFail) && a.Info:
				rep.Info = append(rep.Info, Problem{Where: fmt.Sprintf("%s:%d", a.File, a.Line), What: fmt.Sprintf("%s passes with %s (%s): it cannot fail, so it must not be graded", ka.Koan, a.Edit, a.Summary())})
			case a.Result == Passes && a.Source == Declared:
				rep.Problems = append(rep.Problems, Problem{Where: a.Catalog, What: fmt.Sprintf("%s passes with the wrong answer %s: it %s; every run must fail (why it is wrong: %s)", ka.Koan, a.Edit, a.Summary(), a.Why)})
			case a.Result == Passes:
				rep.Problems = append(rep.Problems, Problem{Where: fmt.Sprintf("%s:%d", ka.File, a.Line), What: fmt.Sprintf("%s passes with the generic wrong answer %s: it %s; every run must fail", ka.Koan, a.Edit, a.Summary())})
			case a.Result == NoBuild && a.Source == Declared && !saysCompile(a.Why):
				rep.Problems = append(rep.Problems, Problem{Where: a.Catalog, What: fmt.Sprintf("%s: the wrong answer %s does not compile (%s): write one that compiles, or say in its why that it does not", ka.Koan, a.Edit, a.Build)})
			}
		}
	}
}

// saysCompile reports whether a declared answer's why says it does not
// compile: then a build error is its failure.
func saysCompile(why string) bool {
	w := strings.ToLower(why)
	return strings.Contains(w, "compile") || strings.Contains(why, "编译")
}

// attempt builds the variant once and runs it once per cpu; a run that
// passes is confirmed against go vet, whose report fails every run of the
// learner's. A vet koan's variant meets vet first.
func (opt *AdversaryOptions) attempt(ctx context.Context, sc *course.Concept, k *course.Koan, a *Attempt, v variant, dir string, cpus []int) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	ov, bin := filepath.Join(dir, "overlay.json"), filepath.Join(dir, "koan.test")
	if runtime.GOOS == "windows" {
		bin += ".exe"
	}
	ok, out, err := opt.build(ctx, sc, v, dir, ov, bin)
	if err != nil {
		return err
	}
	if !ok {
		a.Result, a.Build = NoBuild, firstLines(out, 3)
		if a.Source == Declared && saysCompile(a.Why) {
			a.Result = Fails
		}
		return nil
	}
	if k.Kind == kind.Vet {
		if reports, err := opt.vets(ctx, sc, ov); err != nil || reports {
			a.Result = FailsVet
			return err
		}
	}
	timeout := opt.Timeout
	if timeout == 0 {
		timeout = max(sc.Timeout, k.Concept.Timeout, 10*time.Second)
	}
	for _, cpu := range cpus {
		r, err := runBinary(ctx, bin, filepath.Join(opt.Root, filepath.FromSlash(sc.Dir)), k.Name, cpu, timeout)
		if err != nil {
			return err
		}
		a.Runs = append(a.Runs, r)
		if r.Passed {
			a.Passed++
		}
	}
	a.Result = Fails
	if a.Passed > 0 {
		a.Result = Passes
		if k.Kind != kind.Vet {
			reports, err := opt.vets(ctx, sc, ov)
			if err != nil {
				return err
			}
			if reports {
				a.Result = FailsVet
			}
		}
	}
	return nil
}

var (
	unusedImport = regexp.MustCompile(`([^\s:]+\.go):(\d+):\d+: "[^"]+" imported and not used`)
	unusedVar    = regexp.MustCompile(`([^\s:]+\.go):(\d+):\d+: declared and not used: (\w+)`)
)

// build writes the variant's overlay and builds its test binary. A
// variant that leaves an import or a variable unused is mended as a
// learner would (the import goes, the variable is used with _ =) and
// built again.
func (opt *AdversaryOptions) build(ctx context.Context, sc *course.Concept, v variant, dir, ov, bin string) (bool, string, error) {
	lines := v.lines
	for try := 0; ; try++ {
		src := filepath.Join(dir, filepath.Base(v.file))
		if err := os.WriteFile(src, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
			return false, "", err
		}
		data, _ := json.Marshal(map[string]map[string]string{"Replace": {filepath.Join(opt.Root, filepath.FromSlash(v.file)): src}})
		if err := os.WriteFile(ov, data, 0o644); err != nil {
			return false, "", err
		}
		cmd := exec.CommandContext(ctx, "go", "test", "-c", "-race", "-vet=off", "-o", bin, "-overlay", ov, "./"+sc.Dir)
		cmd.Dir = opt.Root
		out, err := cmd.CombinedOutput()
		if err == nil {
			return true, "", nil
		}
		if ctx.Err() != nil {
			return false, "", ctx.Err()
		}
		if _, ok := err.(*exec.ExitError); !ok {
			return false, "", err
		}
		mended := mend(lines, string(out), filepath.Base(v.file))
		if try == 2 || mended == nil {
			return false, string(out), nil
		}
		lines = mended
	}
}

// mend takes out the imports the compiler says are unused and uses the
// variables it says are, in the file named; nil if there is nothing to
// mend.
func mend(lines []string, out, base string) []string {
	type fix struct {
		line int
		name string // the variable to use; "" drops the line (an import)
	}
	var fixes []fix
	for _, m := range unusedImport.FindAllStringSubmatch(out, -1) {
		if filepath.Base(m[1]) == base {
			n, _ := strconv.Atoi(m[2])
			fixes = append(fixes, fix{line: n})
		}
	}
	for _, m := range unusedVar.FindAllStringSubmatch(out, -1) {
		if filepath.Base(m[1]) == base {
			n, _ := strconv.Atoi(m[2])
			fixes = append(fixes, fix{line: n, name: m[3]})
		}
	}
	if len(fixes) == 0 {
		return nil
	}
	slices.SortFunc(fixes, func(a, b fix) int { return b.line - a.line })
	out2 := slices.Clone(lines)
	for _, f := range fixes {
		if f.line < 1 || f.line > len(out2) {
			return nil
		}
		if f.name == "" {
			t := strings.TrimSpace(out2[f.line-1])
			if strings.HasPrefix(t, "import ") && !strings.HasSuffix(t, "(") {
				out2[f.line-1] = ""
			} else {
				out2 = slices.Delete(out2, f.line-1, f.line)
			}
			continue
		}
		out2 = slices.Insert(out2, f.line, indentOf(out2[f.line-1])+"_ = &"+f.name) // &: a lock is not copied
	}
	return out2
}

// vets reports whether go vet, with the analyzers the learner's runner
// uses, reports the variant.
func (opt *AdversaryOptions) vets(ctx context.Context, sc *course.Concept, ov string) (bool, error) {
	args := []string{"vet", "-overlay", ov}
	for _, a := range strings.Split(run.VetChecks, ",") {
		args = append(args, "-"+a)
	}
	cmd := exec.CommandContext(ctx, "go", append(args, "./"+sc.Dir)...)
	cmd.Dir = opt.Root
	err := cmd.Run()
	if ctx.Err() != nil {
		return false, ctx.Err()
	}
	if _, ok := err.(*exec.ExitError); ok {
		return true, nil
	}
	return false, err
}

// runBinary runs the koan named alone in the test binary, in its package's
// directory as go test would, with the race runtime's exit sleep off. It
// passed if the binary exits 0 having passed the koan: koan.Main's leak
// check and hang guard speak through the exit status.
func runBinary(parent context.Context, bin, dir, name string, cpu int, timeout time.Duration) (Run, error) {
	ctx, cancel := context.WithTimeout(parent, timeout+15*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "-test.run=^"+name+"$", "-test.count=1", "-test.v=true",
		"-test.cpu="+strconv.Itoa(cpu), "-test.timeout="+timeout.String())
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "GORACE="+strings.TrimSpace(os.Getenv("GORACE")+" atexit_sleep_ms=0"))
	ownGroup(cmd)
	cmd.WaitDelay = 2 * time.Second
	var out bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &out
	start := time.Now()
	err := cmd.Run()
	r := Run{CPU: cpu, Seconds: math.Round(time.Since(start).Seconds()*100) / 100}
	if parent.Err() != nil {
		return r, parent.Err()
	}
	if cmd.ProcessState == nil {
		return r, err // it never ran
	}
	r.Passed = cmd.ProcessState.Success() && bytes.Contains(out.Bytes(), []byte("--- PASS: "+name+" ("))
	return r, nil
}

// inBubble reports whether the koan's body is one call of synctest.Test:
// all of it runs in a bubble, where time is fake and runs repeat.
func inBubble(root, file, name string) bool {
	fset := token.NewFileSet()
	f, err := parser.ParseFile(fset, filepath.Join(root, filepath.FromSlash(file)), nil, parser.SkipObjectResolution)
	if err != nil {
		return false
	}
	for _, d := range f.Decls {
		fd, ok := d.(*ast.FuncDecl)
		if !ok || fd.Name.Name != name || fd.Body == nil || len(fd.Body.List) != 1 {
			continue
		}
		es, ok := fd.Body.List[0].(*ast.ExprStmt)
		if !ok {
			return false
		}
		call, ok := es.X.(*ast.CallExpr)
		if !ok {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		if !ok {
			return false
		}
		pkg, ok := sel.X.(*ast.Ident)
		return ok && pkg.Name == "synctest" && sel.Sel.Name == "Test"
	}
	return false
}

// firstLines are the first n non-empty lines of out, without go's
// "# package" headers, joined by "; ".
func firstLines(out string, n int) string {
	var ls []string
	for _, l := range strings.Split(out, "\n") {
		if l = strings.TrimSpace(l); l != "" && !strings.HasPrefix(l, "#") && len(ls) < n {
			ls = append(ls, l)
		}
	}
	return strings.Join(ls, "; ")
}
