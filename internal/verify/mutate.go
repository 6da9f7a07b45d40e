package verify

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/diagnose"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/run"
)

// A MutantResult is what became of a mutant.
type MutantResult string

const (
	Killed    MutantResult = "killed"           // the koan failed, as it must
	Survived  MutantResult = "survived"         // the koan still passed
	NoCompile MutantResult = "does not compile" // the line cannot simply go
)

// A Mutant is a solution with one line of synchronisation taken out.
type Mutant struct {
	Koan   string
	File   string // repository-relative
	Line   int
	Change string // what was done, e.g. "removed close(done)"
	Result MutantResult
	Kind   kind.Kind // how the koan failed, when killed
	// Explained is the catalog's reason why a survivor's line is not needed.
	Explained string
	// Runs is how many times it was judged (a survivor stops at its pass).
	Runs int

	op   string // "delete", "unlock" (a Lock and its Unlock) or "unbuffer"
	text string // the line's statement, trimmed
}

// mutation operators: each finds a line of synchronisation and says how to
// take it out. A Lock goes with its Unlock, a buffered make loses its
// buffer, the rest are deleted.
var (
	deletable = regexp.MustCompile(`^(defer )?([\w.\[\]()*]+\.(Done|Wait|Unlock|RUnlock)\(\)|close\(.+\)|cancel\(\)|<-[\w.\[\]()]+)$`)
	lockRE    = regexp.MustCompile(`^([\w.\[\]()*]+)\.(Lock|RLock)\(\)$`)
	bufferRE  = regexp.MustCompile(`make\(chan ([^,()]+(?:\([^)]*\))?), ((?:[^()]|\([^()]*\))+)\)`)
)

// Mutants lists the mutants of one concept's solutions.
func Mutants(root string, sols *course.Concept) []Mutant {
	var ms []Mutant
	for _, k := range sols.Koans {
		if !k.Runnable() {
			continue // this Go leaves its file out (see Skipped)
		}
		lines := sols.Lines(root, k.File)
		for n := k.Line + 1; n < k.EndLine && n <= len(lines); n++ {
			t := strings.TrimSpace(lines[n-1])
			if i := strings.Index(t, " //"); i >= 0 {
				t = strings.TrimSpace(t[:i])
			}
			m := Mutant{Koan: k.Name, File: k.File, Line: n, text: t}
			switch {
			case deletable.MatchString(t):
				m.op, m.Change = "delete", "removed "+t
			case lockRE.MatchString(t):
				m.op, m.Change = "unlock", "removed "+t+" and its unlock"
			case bufferRE.MatchString(t):
				m.op, m.Change = "unbuffer", "unbuffered "+t
			default:
				continue
			}
			ms = append(ms, m)
		}
	}
	return ms
}

// apply returns the file's text with the mutant's change made.
func (m Mutant) apply(lines []string) string {
	out := append([]string(nil), lines...)
	switch m.op {
	case "unbuffer":
		out[m.Line-1] = bufferRE.ReplaceAllString(out[m.Line-1], "make(chan $1)")
	case "unlock":
		mu := lockRE.FindStringSubmatch(m.text)
		unlock := mu[1] + "." + strings.Replace(mu[2], "Lock", "Unlock", 1) + "()"
		out[m.Line-1] = ""
		for i := m.Line; i < len(out); i++ {
			if u := strings.TrimSpace(out[i]); u == unlock || u == "defer "+unlock {
				out[i] = ""
				break
			}
		}
	default:
		out[m.Line-1] = ""
	}
	return strings.Join(out, "\n") + "\n"
}

// MutantRuns is how many times each mutant is judged: a line whose
// removal lets the koan pass in one run of three is not needed every time,
// so one pass makes the mutant a survivor.
const MutantRuns = 3

// mutantCPUs are the GOMAXPROCS of a mutant's runs, in turn.
var mutantCPUs = []string{"1", "2", "4"}

// Mutate runs every mutant of the solutions (through go test -overlay, so
// no file changes) up to runs times each, and reports which the koans
// kill: a mutant is killed only if the koan fails in every run. Each go
// test call runs one mutant of each concept, side by side (sideBySide):
// first every mutant once at -cpu 1, then those still killed at -cpu 2,
// and so on.
func Mutate(ctx context.Context, opt Options, runs int) ([]Mutant, error) {
	opt.defaults()
	runs = max(runs, 1)
	koans, sols, err := opt.load()
	if err != nil {
		return nil, err
	}
	concepts, err := sols.Select(opt.Concepts)
	if err != nil {
		return nil, err
	}
	tmp, err := os.MkdirTemp("", "koans-mutants")
	if err != nil {
		return nil, err
	}
	defer os.RemoveAll(tmp)
	var all []*Mutant
	var queues [][]*Mutant
	for _, sc := range concepts {
		var q []*Mutant
		for _, m := range Mutants(opt.Root, sc) {
			if opt.Koan == "" || m.Koan == opt.Koan {
				q = append(q, &m)
			}
		}
		all, queues = append(all, q...), append(queues, q)
	}
	for i := range runs {
		var err error
		if queues, err = mutantRuns(ctx, opt, sols, queues, filepath.Join(tmp, strconv.Itoa(i)), mutantCPUs[i%len(mutantCPUs)]); err != nil {
			return nil, err
		}
	}
	out := make([]Mutant, len(all))
	for i, m := range all {
		if kc := koans.Concept(conceptOf(sols, m)); m.Result == Survived && kc != nil {
			if e, ok := kc.Entry(m.Koan); ok {
				m.Explained = e.Needless[m.text]
			}
		}
		opt.Log(fmt.Sprintf("%-16s %s:%d %s (%d run(s))", m.Result, m.File, m.Line, m.Change, m.Runs))
		out[i] = *m
	}
	return out, nil
}

// mutantRuns runs each mutant of the queues once more at -cpu cpu, in
// rounds of one mutant per concept, and returns the queues of those to run
// again: the ones still killed, but for a build that fails every time.
func mutantRuns(ctx context.Context, opt Options, sols *course.Course, queues [][]*Mutant, dir, cpu string) ([][]*Mutant, error) {
	again := make([][]*Mutant, len(queues))
	err := rounds(queues, func(r int, round []*Mutant) error {
		edits := make([]edit, len(round))
		for i, m := range round {
			sc := sols.Concept(conceptOf(sols, m))
			edits[i] = edit{sc: sc, file: m.File, text: m.apply(sc.Lines(opt.Root, m.File)), koan: m.Koan}
		}
		pkgs, err := sideBySide(ctx, opt, sols.Module, filepath.Join(dir, strconv.Itoa(r)), edits, "", cpu)
		if err != nil {
			return err
		}
		for i, m := range round {
			m.Runs++
			m.Result, m.Kind = judgeMutant(edits[i].sc, pkgs[i], m.Koan, opt.Root)
			if m.Result == Killed && (pkgs[i] == nil || !pkgs[i].FailedBuild) {
				q := slices.IndexFunc(queues, func(q []*Mutant) bool { return slices.Contains(q, m) })
				again[q] = append(again[q], m)
			}
		}
		return nil
	})
	return again, err
}

// conceptOf is the name of the solved concept whose file the mutant edits.
func conceptOf(sols *course.Course, m *Mutant) string {
	for _, sc := range sols.Concepts {
		if strings.HasPrefix(m.File, sc.Dir+"/") {
			return sc.Name
		}
	}
	return ""
}

// judgeMutant says what one run did to a mutant.
func judgeMutant(sc *course.Concept, pkg *run.Package, koan, root string) (MutantResult, kind.Kind) {
	result, k := Survived, kind.Kind("")
	for _, o := range diagnose.Judge(sc, pkg, root) {
		if o.State != diagnose.Failed || o.Failure == nil {
			continue
		}
		switch {
		case pkg != nil && pkg.FailedBuild:
			// vet (lostcancel, copylocks...) caught the mutant; a compile
			// error means the line cannot simply go. Both name the
			// mutant's file, not its koan.
			result, k = Killed, o.Failure.Kind
			if o.Failure.Kind == kind.Compile {
				return NoCompile, k
			}
		case o.Koan.Name == koan:
			result, k = Killed, o.Failure.Kind
		}
	}
	return result, k
}
