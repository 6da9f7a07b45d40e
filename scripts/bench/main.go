// Command bench measures a learner's save-to-verdict time: the current
// koan's file is edited (as a save does), then `go tool koans` gives its
// verdict. It compares that with the fastest plain go test can do on the
// same package, `GORACE=atexit_sleep_ms=0 go test -race -run '^TheKoan$'`,
// on the same machine in the same run, and prints the ratio.
//
//	go run ./scripts/bench [-n 7] [-at 04_select] [-cold]
//
// It also times `make trace` on the same koan (one run with the runtime
// trace on, drawn), whose goal is within twice the bare go test, and
// `make list`, the map of the path drawn from the standing
// the last walk saved (.koans/), which must answer in under a second.
//
// It works on a temporary copy of the course, so no learner's file changes.
// With -cold it also times a first run with an empty build cache (the
// race-enabled standard library is rebuilt: a minute or more).
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"time"
)

func main() {
	n := flag.Int("n", 7, "measurements of each")
	cold := flag.Bool("cold", false, "also time a first run with an empty build cache")
	at := flag.String("at", "", "measure a learner who has solved every concept before this one (e.g. 04_select)")
	flag.Parse()
	if err := bench(*n, *cold, *at); err != nil {
		fmt.Fprintln(os.Stderr, "bench:", err)
		os.Exit(1)
	}
}

type verdict struct {
	Status, Concept, Koan, File string
}

// A course is the temporary copy the bench edits and runs.
type course struct {
	dir   string
	v     verdict // the koan measured
	file  string  // its file, absolute
	orig  []byte  // as it was
	edits int
}

func bench(n int, cold bool, at string) error {
	c, err := copyCourse(at)
	if err != nil {
		return err
	}
	defer os.RemoveAll(c.dir)
	if err := c.findKoan(); err != nil {
		return err
	}
	var tk, tm, tb, tt []time.Duration
	for i := 0; i < n; i++ {
		d, err := c.timeIt(func() error { _, err := c.koans(); return err })
		if err != nil {
			return err
		}
		tk = append(tk, d)
		if d, err = c.timeIt(c.make); err != nil {
			return fmt.Errorf("make koans: %w", err)
		}
		tm = append(tm, d)
		d, _ = c.timeIt(func() error { c.bare(); return nil })
		tb = append(tb, d)
		if d, err = c.timeIt(c.trace); err != nil {
			return fmt.Errorf("make trace: %w", err)
		}
		tt = append(tt, d)
	}
	report(n, c.v, tk, tm, tb)
	mt := median(tt)
	fmt.Printf("  make trace (one run traced, drawn)          %v  (all: %v)\n", mt.Round(time.Millisecond), round(tt))
	fmt.Printf("  ratio make trace / bare go test             %.2f  (goal: under 2)\n", float64(mt)/float64(median(tb)))
	var tl []time.Duration
	for i := 0; i < n; i++ {
		start := time.Now()
		if err := c.list(); err != nil {
			return fmt.Errorf("make list: %w", err)
		}
		tl = append(tl, time.Since(start))
	}
	fmt.Printf("the map of the path, median of %d (goal: under 1s):\n", n)
	fmt.Printf("  make list (the last walk's standing)        %v  (all: %v)\n", median(tl).Round(time.Millisecond), round(tl))
	if cold {
		return c.cold()
	}
	return nil
}

// copyCourse copies the course to a temporary folder; with at, the
// concepts before it are solved there (their packages pass, cached).
func copyCourse(at string) (*course, error) {
	root, err := os.Getwd()
	if err != nil {
		return nil, err
	}
	dir, err := os.MkdirTemp("", "koans-bench")
	if err != nil {
		return nil, err
	}
	c := &course{dir: dir}
	for _, p := range []string{"go.mod", "go.sum", "cmd", "internal", "koan", "koans", "Makefile"} {
		if err := exec.Command("cp", "-R", filepath.Join(root, p), filepath.Join(dir, p)).Run(); err != nil {
			return c, fmt.Errorf("copying %s: %w", p, err)
		}
	}
	if at == "" {
		return c, nil
	}
	dirs, _ := filepath.Glob(filepath.Join(root, "solutions", "*"))
	for _, d := range dirs {
		if filepath.Base(d) >= at {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(d, "*_test.go"))
		for _, f := range files {
			data, err := os.ReadFile(f)
			if err != nil {
				return c, err
			}
			if err := os.WriteFile(filepath.Join(dir, "koans", filepath.Base(d), filepath.Base(f)), data, 0o644); err != nil {
				return c, err
			}
		}
	}
	return c, nil
}

// findKoan runs the koans once (building the tool and the packages) and
// keeps the failing koan they stop at.
func (c *course) findKoan() error {
	v, err := c.koans()
	if err != nil {
		return fmt.Errorf("go tool koans -json: %w", err)
	}
	if v.Status != "failing" {
		return fmt.Errorf("no failing koan to measure")
	}
	if err := c.make(); err != nil { // warm: builds bin/koans
		return fmt.Errorf("make koans: %w", err)
	}
	c.v, c.file = v, filepath.Join(c.dir, v.File)
	c.orig, err = os.ReadFile(c.file)
	return err
}

func (c *course) koans(env ...string) (verdict, error) {
	cmd := exec.Command("go", "tool", "koans", "-json")
	cmd.Dir = c.dir
	cmd.Env = append(os.Environ(), env...)
	out, _ := cmd.Output()
	lines := strings.Split(strings.TrimSpace(string(out)), "\n")
	var v verdict
	err := json.Unmarshal([]byte(lines[len(lines)-1]), &v)
	return v, err
}

func (c *course) make() error {
	cmd := exec.Command("make", "-s", "koans")
	cmd.Dir = c.dir
	return cmd.Run() // make koans exits 0 while a koan fails
}

// trace draws the current koan's run, as a learner's `make trace` does.
func (c *course) trace() error {
	cmd := exec.Command("make", "-s", "trace")
	cmd.Dir = c.dir
	out, err := cmd.Output()
	if err == nil && !strings.Contains(string(out), "goroutines of the koan") {
		return fmt.Errorf("no picture in its output:\n%s", out)
	}
	return err
}

// list draws the map of the path, as a learner's `make list` does: from
// the standing the last walk saved.
func (c *course) list() error {
	cmd := exec.Command("make", "-s", "list")
	cmd.Dir = c.dir
	out, err := cmd.Output()
	if err == nil && !strings.Contains(string(out), "koans pass") {
		return fmt.Errorf("no map in its output:\n%s", out)
	}
	return err
}

// bare is the fastest plain go test of the same koan.
func (c *course) bare(env ...string) {
	cmd := exec.Command("go", "test", "-race", "-run", "^"+c.v.Koan+"$", "./koans/"+c.v.Concept)
	cmd.Dir, cmd.Env = c.dir, append(append(os.Environ(), "GORACE=atexit_sleep_ms=0"), env...)
	_ = cmd.Run() // the koan fails: that is its job
}

// timeIt saves the koan's file (new content, so go must rebuild), then
// times run.
func (c *course) timeIt(run func() error) (time.Duration, error) {
	c.edits++
	if err := os.WriteFile(c.file, append(c.orig, fmt.Sprintf("\n// edit %d\n", c.edits)...), 0o644); err != nil {
		return 0, err
	}
	start := time.Now()
	err := run()
	return time.Since(start), err
}

func report(n int, v verdict, tk, tm, tb []time.Duration) {
	mk, mm, mb := median(tk), median(tm), median(tb)
	fmt.Printf("machine: %s/%s, %d CPUs, %s\n", runtime.GOOS, runtime.GOARCH, runtime.NumCPU(), goVersion())
	fmt.Printf("koan: %s (%s)\n", v.Koan, v.File)
	fmt.Printf("save-to-verdict, median of %d (warm cache):\n", n)
	fmt.Printf("  go tool koans -json                         %v  (all: %v)\n", mk.Round(time.Millisecond), round(tk))
	fmt.Printf("  make koans                                  %v  (all: %v)\n", mm.Round(time.Millisecond), round(tm))
	fmt.Printf("  GORACE=atexit_sleep_ms=0 go test -race -run %v  (all: %v)\n", mb.Round(time.Millisecond), round(tb))
	fmt.Printf("  ratio go tool koans / bare go test          %.2f\n", float64(mk)/float64(mb))
	fmt.Printf("  ratio make koans / bare go test             %.2f\n", float64(mm)/float64(mb))
}

// cold times a first run of each with an empty build cache.
func (c *course) cold() error {
	for _, which := range []string{"koans", "bare"} {
		cache, err := os.MkdirTemp("", "koans-cold-cache")
		if err != nil {
			return err
		}
		start := time.Now()
		if which == "koans" {
			_ = os.RemoveAll(filepath.Join(c.dir, ".koans"))
			_, _ = c.koans("GOCACHE=" + cache)
		} else {
			c.bare("GOCACHE=" + cache)
		}
		fmt.Printf("first run, empty build cache, %-6s %v\n", which+":", time.Since(start).Round(100*time.Millisecond))
		os.RemoveAll(cache)
	}
	return nil
}

func median(ds []time.Duration) time.Duration {
	s := slices.Clone(ds)
	slices.Sort(s)
	return s[len(s)/2]
}

func round(ds []time.Duration) []time.Duration {
	out := make([]time.Duration, len(ds))
	for i, d := range ds {
		out[i] = d.Round(10 * time.Millisecond)
	}
	return out
}

func goVersion() string {
	out, err := exec.Command("go", "version").Output()
	if err != nil {
		return "go ?"
	}
	return strings.TrimSpace(string(out))
}
