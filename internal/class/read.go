package class

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/journal"
)

// An ID names one koan: its concept and its test.
type ID struct{ Concept, Koan string }

func (id ID) String() string { return id.Concept + "/" + id.Koan }

// A Record is what one learner's results say of one koan.
type Record struct {
	Reached, Passed bool
	Runs            int      // walks that judged it, up to its first pass (journal)
	Seconds         int64    // from reached to first passed (journal)
	Kinds           []string // the ways it failed, in the order met
	Hints           int
}

// A Learner is one learner's results, from any of the forms the package
// doc lists.
type Learner struct {
	Name  string
	Koans map[ID]*Record
	// Order is the koans in the order a result.json lists them (the
	// course's), when there is one.
	Order  []ID
	graded bool // a result.json said what passed
}

func (l *Learner) record(id ID) *Record {
	r := l.Koans[id]
	if r == nil {
		r = &Record{}
		l.Koans[id] = r
	}
	return r
}

// Read reads the learners at paths (files or folders, see the package
// doc), merging what names one learner; in the order of their names.
func Read(paths []string) ([]*Learner, error) {
	byName := map[string]*Learner{}
	for _, p := range paths {
		if err := readPath(p, byName, 0); err != nil {
			return nil, err
		}
	}
	var out []*Learner
	for _, l := range byName {
		out = append(out, l)
	}
	slices.SortFunc(out, func(a, b *Learner) int { return strings.Compare(a.Name, b.Name) })
	if len(out) == 0 {
		return nil, fmt.Errorf("no learner's results in %s: give result.json files, journals (.koans/journal.jsonl) or folders of clones", strings.Join(paths, " "))
	}
	return out, nil
}

// folderDepth is how deep folders of results may nest (a folder of folders
// of clones): a clone is never searched further.
const folderDepth = 3

// readPath reads one file, one clone, or a folder of them (depth: how many
// folders above it were searched).
func readPath(p string, byName map[string]*Learner, depth int) error {
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	if !fi.IsDir() {
		return readFile(p, "", byName, true)
	}
	if isClone(p) {
		name := cloneName(p)
		for _, f := range cloneFiles(p) {
			if err := readFile(f, name, byName, false); err != nil {
				return err
			}
		}
		return nil
	}
	entries, err := os.ReadDir(p)
	if err != nil {
		return err
	}
	for _, e := range entries {
		q := filepath.Join(p, e.Name())
		switch {
		case e.IsDir() && depth < folderDepth && !strings.HasPrefix(e.Name(), "."):
			err = readPath(q, byName, depth+1)
		case !e.IsDir() && (strings.HasSuffix(e.Name(), ".json") || strings.HasSuffix(e.Name(), ".jsonl")):
			err = readFile(q, "", byName, false)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// isClone reports whether dir is a learner's copy of the course.
func isClone(dir string) bool {
	for _, f := range []string{"koans", ".koans", "result.json"} {
		if _, err := os.Stat(filepath.Join(dir, f)); err == nil {
			return true
		}
	}
	return false
}

// cloneName names the learner of a clone: the owner its result.json
// names (gh teacher download puts the latest one there), else the
// clone's directory.
func cloneName(dir string) string {
	var res resultFile
	if data, err := os.ReadFile(filepath.Join(dir, "result.json")); err == nil && json.Unmarshal(data, &res) == nil && res.Owner != "" {
		return res.Owner
	}
	return filepath.Base(dir)
}

// cloneFiles are the results a clone holds: result.json, and its journals.
func cloneFiles(dir string) []string {
	var out []string
	if _, err := os.Stat(filepath.Join(dir, "result.json")); err == nil {
		out = append(out, filepath.Join(dir, "result.json"))
	}
	journals, _ := filepath.Glob(filepath.Join(dir, ".koans", "journal*.jsonl"))
	return append(out, journals...)
}

// readFile reads a result.json or a journal, for the learner name (""
// when the file names its learner itself). A JSON file found in a folder
// that is no result.json (results.json, koans-stats.json) is passed over;
// one given by name is an error.
func readFile(p, name string, byName map[string]*Learner, given bool) error {
	learner := func(n string) *Learner {
		if byName[n] == nil {
			byName[n] = &Learner{Name: n, Koans: map[ID]*Record{}}
		}
		return byName[n]
	}
	if strings.HasSuffix(p, ".jsonl") {
		if name == "" {
			name = journalName(p)
		}
		return readJournal(p, learner(name))
	}
	data, err := os.ReadFile(p)
	if err != nil {
		return err
	}
	var res resultFile
	if err := json.Unmarshal(data, &res); err != nil || res.Schema != "classroom50/result/v1" {
		if !given {
			return nil
		}
		return fmt.Errorf("%s is no Classroom 50 result.json (schema classroom50/result/v1)", p)
	}
	if name == "" {
		name = res.Owner
	}
	if name == "" {
		name = resultName(p)
	}
	readResult(res, learner(name))
	return nil
}

// journalName names the learner of a journal file: journal-NAME.jsonl, or
// the clone that holds .koans/journal.jsonl, or the folder it is in.
func journalName(p string) string {
	base := strings.TrimSuffix(filepath.Base(p), ".jsonl")
	if n, ok := strings.CutPrefix(base, "journal-"); ok && n != "" {
		return n
	}
	dir := filepath.Dir(p)
	if filepath.Base(dir) == ".koans" {
		dir = filepath.Dir(dir)
	}
	return filepath.Base(dir)
}

// resultName names the learner of a result.json with no owner: NAME.json,
// or the folder that holds result.json.
func resultName(p string) string {
	if base := filepath.Base(p); base != "result.json" {
		return strings.TrimSuffix(base, ".json")
	}
	return filepath.Base(filepath.Dir(p))
}

// resultFile is what the class view reads of a result.json.
type resultFile struct {
	Schema string `json:"schema"`
	Owner  string `json:"owner"`
	Tests  []struct {
		Name   string `json:"test-name"`
		Passed bool   `json:"passed"`
		State  string `json:"state"`
		Kind   string `json:"kind"`
	} `json:"tests"`
}

// NotGraded is the failure kind the class view gives a koan that passed,
// but not within the rules (its grade says why).
const NotGraded = "not graded"

// readResult takes a grade: what passed within the rules, and where the
// learner stands (the first koan that did not pass).
func readResult(res resultFile, l *Learner) {
	l.graded = true
	stood := false
	for _, tc := range res.Tests {
		concept, koan, ok := strings.Cut(tc.Name, "/")
		if !ok {
			continue
		}
		id := ID{concept, koan}
		l.Order = append(l.Order, id)
		r := l.record(id)
		r.Passed = tc.Passed
		switch {
		case tc.Passed:
			r.Reached = true
		case tc.State == "passed":
			r.Reached = true
			r.Kinds = appendNew(r.Kinds, NotGraded)
		case !stood && tc.State == "failing":
			r.Reached, stood = true, true
			if tc.Kind != "" {
				r.Kinds = appendNew(r.Kinds, tc.Kind)
			}
		}
	}
}

// readJournal takes a journal: reached, runs, time, hints and kinds; and
// what passed, unless a grade says.
func readJournal(p string, l *Learner) error {
	f, err := os.Open(p)
	if err != nil {
		return err
	}
	defer f.Close()
	events, broken, err := journal.Parse(f)
	if err != nil {
		return fmt.Errorf("%s: %w", p, err)
	}
	for _, k := range journal.Summarize(events, len(broken)).Koans {
		r := l.record(ID{k.Concept, k.Koan})
		r.Reached = true
		if !l.graded {
			r.Passed = r.Passed || !k.Passed.IsZero()
		}
		r.Runs, r.Seconds, r.Hints = max(r.Runs, k.Runs), max(r.Seconds, k.Seconds), max(r.Hints, k.Hints)
		for _, kind := range k.Kinds {
			r.Kinds = appendNew(r.Kinds, kind)
		}
	}
	return nil
}

func appendNew(s []string, v string) []string {
	if slices.Contains(s, v) {
		return s
	}
	return append(s, v)
}
