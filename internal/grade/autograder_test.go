package grade_test

import (
	"archive/tar"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gokoans/concurrency/internal/course"
)

// autograderDir is the Classroom 50 autograder a teacher copies into
// CLASSROOM/autograders/ASSIGNMENT/ of their config repository.
const autograderDir = "../../classroom50/autograders/go-concurrency-koans"

// The Classroom 50 autograder, run as the runner runs it (python3
// autograder.py, the working directory at the learner's checkout, the
// bundle's files beside it, the submission in the environment), on a solved
// copy and on an unsolved one; its result.json is checked against the
// contract (wiki: Advanced Autograding, "The result.json contract"; the
// runner's validate_result).
func TestTheClassroom50AutograderGradesFromItsBundle(t *testing.T) {
	if testing.Short() {
		t.Skip("grades the whole course twice (minutes): not in -short")
	}
	py, err := exec.LookPath("python3")
	if err != nil {
		t.Skip("python3 is not on PATH: the Classroom 50 autograder is a Python script; install python3 to test it")
	}
	bundle := t.TempDir()
	copyFile(t, filepath.Join(autograderDir, "autograder.py"), filepath.Join(bundle, "autograder.py"))
	writeCourse(t, "../..", filepath.Join(bundle, "course.tar.gz"))
	total := countKoans(t, "../../koans")
	c, err := course.Load("../..", "koans")
	if err != nil {
		t.Fatal(err)
	}
	runs := total - len(c.NeedNewerGo()) // the koans this Go can run: the others earn no point here

	solved := t.TempDir()
	copyDir(t, "../../solutions", filepath.Join(solved, "koans"))
	r := runAutograder(t, py, bundle, solved)
	if r.Score != runs || r.MaxScore != total || len(r.Tests) != total {
		t.Errorf("solved copy: %d/%d points over %d tests, want %d/%d (%s)", r.Score, r.MaxScore, len(r.Tests), runs, total, course.GoAtHand())
	}

	unsolved := t.TempDir()
	copyDir(t, "../../koans", filepath.Join(unsolved, "koans"))
	forge(t, unsolved)
	r = runAutograder(t, py, bundle, unsolved)
	if r.Score != 1 || r.MaxScore != total {
		t.Errorf("unsolved copy, one blank filled: %d/%d points, want 1/%d", r.Score, r.MaxScore, total)
	}
	want := map[string]string{
		"01_goroutines/TestTheGoStatementDoesNotWaitForTheCall":         "PASS passed",
		"01_goroutines/TestAProgramEndsWhenMainReturnsWithoutWaiting":   "FAIL passed", // answered with what it is compared with
		"01_goroutines/TestATestThatReturnsDoesNotWaitForItsGoroutines": "FAIL failing",
		"02_channels/TestAChannelCarriesAValueBetweenGoroutines":        "FAIL gone",
	}
	for _, tc := range r.Tests {
		if w, ok := want[tc.Name]; ok {
			got := map[bool]string{true: "PASS", false: "FAIL"}[tc.Passed] + " " + tc.State
			if got != w {
				t.Errorf("%s: %s, want %s (why: %s)", tc.Name, got, w, tc.Why)
			}
			delete(want, tc.Name)
		}
	}
	if len(want) > 0 {
		t.Errorf("tests missing from result.json: %v", want)
	}
}

// forge fills one blank of the unsolved copy rightly, answers another with
// what it is compared with, deletes a concept, and plants what a learner's repository might use
// to fool a grade that trusted it: a koans.shipped naming their own tree, a
// runner of their own, a go.mod of their own. The autograder reads none.
func forge(t *testing.T, dir string) {
	t.Helper()
	f := filepath.Join(dir, "koans/01_goroutines/a_go_statement_test.go")
	src, err := os.ReadFile(f)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "assert.Equal(t, __, log)", `assert.Equal(t, []string{"caller", "goroutine"}, log)`, 1)
	s = strings.Replace(s, "assert.Equal(t, __, string(out))", "assert.Equal(t, string(out), string(out))", 1)
	if s == string(src) {
		t.Fatal("the koan to forge has changed: update forge")
	}
	write(t, f, s)
	if err := os.RemoveAll(filepath.Join(dir, "koans/02_channels")); err != nil { // a concept deleted: its koans count, with no point
		t.Fatal(err)
	}
	write(t, filepath.Join(dir, "koans.shipped"), "0123456789abcdef0123456789abcdef01234567\n")
	write(t, filepath.Join(dir, "go.mod"), "module github.com/gokoans/concurrency\n\ngo 1.25.0\n")
	write(t, filepath.Join(dir, "cmd/koans/main.go"), "package main\n\nfunc main() { println(\"all passed\") }\n")
}

// A result is result.json as the autograder wrote it.
type result struct {
	Schema     string `json:"schema"`
	Classroom  string `json:"classroom"`
	Assignment string `json:"assignment"`
	Submission string `json:"submission"`
	Commit     string `json:"commit"`
	Release    string `json:"release"`
	Review     string `json:"review"`
	Datetime   string `json:"datetime"`
	GradedAt   string `json:"graded_at"`
	Score      int    `json:"score"`
	MaxScore   int    `json:"max-score"`
	Tests      []struct {
		Name     string `json:"test-name"`
		Passed   bool   `json:"passed"`
		Score    int    `json:"score"`
		MaxScore int    `json:"max-score"`
		State    string `json:"state"`
		Why      string `json:"why"`
	} `json:"tests"`
}

// runAutograder runs autograder.py in checkout as Classroom 50's runner
// does, and checks its result.json against the contract.
func runAutograder(t *testing.T, py, bundle, checkout string) result {
	t.Helper()
	cmd := exec.Command(py, filepath.Join(bundle, "autograder.py"))
	cmd.Dir = checkout
	cmd.Env = append(os.Environ(), "CLASSROOM=go-course", "ASSIGNMENT=concurrency-koans",
		"SUBMISSION_TAG=submit/2026-12-08T03-00-00Z-abc1234", "USERNAME=alice", "OWNER=alice",
		"ASSIGNMENT_TYPE=individual", "COMMIT_URL=https://github.com/o/r/commit/abc",
		"RELEASE_URL=https://github.com/o/r/releases/tag/submit%2Fx", "REVIEW_URL=https://github.com/o/r/compare/a...b",
		"CLASSROOM50_BUNDLE_DIR="+bundle, "KOANS_LANG=en")
	began := time.Now()
	out, err := cmd.CombinedOutput()
	t.Logf("autograder.py in %s: %s", filepath.Base(checkout), time.Since(began).Round(time.Second))
	if err != nil {
		t.Fatalf("autograder.py: %v\n%s", err, out)
	}
	data, err := os.ReadFile(filepath.Join(checkout, "result.json"))
	if err != nil {
		t.Fatalf("no result.json: %v\n%s", err, out)
	}
	if body, err := os.ReadFile(filepath.Join(checkout, "release-body.md")); err != nil || !strings.HasPrefix(string(body), "## Koans grade: ") {
		t.Errorf("release-body.md: %v, %.60q", err, body)
	}
	var raw map[string]any
	if err := json.Unmarshal(data, &raw); err != nil {
		t.Fatal(err)
	}
	// The runner stamps owner and assignment_type before it validates.
	raw["owner"], raw["assignment_type"] = "alice", "individual"
	if msg := validate(raw); msg != "" {
		t.Fatalf("result.json breaks the contract: %s", msg)
	}
	var r result
	if err := json.Unmarshal(data, &r); err != nil {
		t.Fatal(err)
	}
	checkIdentity(t, r)
	return r
}

// checkIdentity checks the fields the autograder copies from the runner's
// environment, and that the scores sum.
func checkIdentity(t *testing.T, r result) {
	t.Helper()
	got := []string{r.Classroom, r.Assignment, r.Submission, r.Commit, r.Release, r.Review}
	want := []string{"go-course", "concurrency-koans", "submit/2026-12-08T03-00-00Z-abc1234",
		"https://github.com/o/r/commit/abc", "https://github.com/o/r/releases/tag/submit%2Fx", "https://github.com/o/r/compare/a...b"}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("result.json says %q, want %q", got[i], want[i])
		}
	}
	score, most, names := 0, 0, map[string]bool{}
	for _, tc := range r.Tests {
		score, most = score+tc.Score, most+tc.MaxScore
		if names[tc.Name] {
			t.Errorf("two tests named %s", tc.Name)
		}
		names[tc.Name] = true
		if tc.Passed != (tc.Score == tc.MaxScore) || tc.MaxScore != 1 {
			t.Errorf("%s: passed %v with %d/%d", tc.Name, tc.Passed, tc.Score, tc.MaxScore)
		}
	}
	if score != r.Score || most != r.MaxScore {
		t.Errorf("the tests sum to %d/%d, result.json says %d/%d", score, most, r.Score, r.MaxScore)
	}
}

// validate is the runner's validate_result (classroom50's
// cli/gh-teacher/skeleton/dotgithub/scripts/runner.py), "" when v1-shaped.
func validate(d map[string]any) string {
	str := func(k string) bool { s, ok := d[k].(string); return ok && s != "" }
	count := func(m map[string]any, k string) (int, bool) {
		f, ok := m[k].(float64)
		return int(f), ok && f >= 0 && f == float64(int(f))
	}
	if d["schema"] != "classroom50/result/v1" {
		return fmt.Sprintf("schema is %v", d["schema"])
	}
	for _, k := range []string{"classroom", "assignment", "owner", "commit", "release", "review", "datetime"} {
		if !str(k) {
			return k + " must be a non-empty string"
		}
	}
	if !strings.HasPrefix(d["submission"].(string), "submit/") {
		return "submission must be a submit/* string"
	}
	for _, k := range []string{"datetime", "graded_at"} {
		if _, err := time.Parse("2006-01-02T15:04:05Z", d[k].(string)); err != nil {
			return k + ": " + err.Error()
		}
	}
	score, ok1 := count(d, "score")
	most, ok2 := count(d, "max-score")
	if !ok1 || !ok2 || score > most {
		return fmt.Sprintf("score %v, max-score %v", d["score"], d["max-score"])
	}
	tests, ok := d["tests"].([]any)
	if !ok {
		return "tests is not a list"
	}
	for i, x := range tests {
		tc, ok := x.(map[string]any)
		if !ok {
			return fmt.Sprintf("tests[%d] is not an object", i)
		}
		name, _ := tc["test-name"].(string)
		_, isBool := tc["passed"].(bool)
		ts, ok1 := count(tc, "score")
		tm, ok2 := count(tc, "max-score")
		if name == "" || !isBool || !ok1 || !ok2 || ts > tm {
			return fmt.Sprintf("tests[%d] is malformed: %v", i, tc)
		}
	}
	return ""
}

// writeCourse writes what make autograder bundles, from the working tree:
// go.mod, go.sum, cmd, internal, koan and koans (no testdata, no solutions).
func writeCourse(t *testing.T, root, dst string) {
	t.Helper()
	out, err := os.Create(dst)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(out)
	tw := tar.NewWriter(zw)
	for _, top := range []string{"go.mod", "go.sum", "cmd", "internal", "koan", "koans"} {
		err := filepath.WalkDir(filepath.Join(root, top), func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() && d.Name() == "testdata" {
				if err == nil {
					err = filepath.SkipDir
				}
				return err
			}
			if !d.Type().IsRegular() {
				return nil
			}
			rel, _ := filepath.Rel(root, p)
			data, err := os.ReadFile(p)
			if err != nil {
				return err
			}
			if err := tw.WriteHeader(&tar.Header{Name: filepath.ToSlash(rel), Mode: 0o644, Size: int64(len(data))}); err != nil {
				return err
			}
			_, err = tw.Write(data)
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []interface{ Close() error }{tw, zw, out} {
		if err := c.Close(); err != nil {
			t.Fatal(err)
		}
	}
}

// countKoans counts the koans of the course: its Test functions that take
// a *testing.T, TestMain aside.
func countKoans(t *testing.T, dir string) int {
	t.Helper()
	files, _ := filepath.Glob(filepath.Join(dir, "*", "*_test.go"))
	n := 0
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, l := range strings.Split(string(src), "\n") {
			if strings.HasPrefix(l, "func Test") && strings.Contains(l, "(t *testing.T)") {
				n++
			}
		}
	}
	return n
}

func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	err := filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, p)
		if d.IsDir() {
			return os.MkdirAll(filepath.Join(dst, rel), 0o755)
		}
		copyFile(t, p, filepath.Join(dst, rel))
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
}

func copyFile(t *testing.T, src, dst string) {
	t.Helper()
	data, err := os.ReadFile(src)
	if err != nil {
		t.Fatal(err)
	}
	write(t, dst, string(data))
}

func write(t *testing.T, p, text string) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
}
