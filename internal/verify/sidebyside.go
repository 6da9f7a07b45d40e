package verify

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/engine"
	"github.com/gokoans/concurrency/internal/run"
)

// An edit is a solution file with one change in it, and the koan to run
// against it: a blank put back, a mutant.
type edit struct {
	sc   *course.Concept // the solved concept
	file string          // the solution's file, repository-relative
	text string          // its text with the change
	koan string
}

// editTimeout bounds each run of an edit: a change that makes a koan hang
// without its hang guard still ends.
const editTimeout = 20 * time.Second

// sideBySide runs each edit's koan against its edit, all in one go test
// call under -race (no file changes: one -overlay holds every edit), and
// returns each edit's package, in order. The edits must be of distinct
// concepts: one koan per test binary, since the race detector reports once
// per process and a crash ends it. vet and cpu are go test's -vet and -cpu
// ("" for the default).
func sideBySide(ctx context.Context, opt Options, module, dir string, edits []edit, vet, cpu string) ([]*run.Package, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, err
	}
	replace := map[string]string{}
	var names, pkgs []string
	for i, e := range edits {
		src := filepath.Join(dir, fmt.Sprintf("%d_%s", i, filepath.Base(e.file)))
		if err := os.WriteFile(src, []byte(e.text), 0o644); err != nil {
			return nil, err
		}
		replace[filepath.Join(opt.Root, filepath.FromSlash(e.file))] = src
		names, pkgs = append(names, e.koan), append(pkgs, "./"+e.sc.Dir)
	}
	data, _ := json.Marshal(map[string]map[string]string{"Replace": replace})
	ov := filepath.Join(dir, "overlay.json")
	if err := os.WriteFile(ov, data, 0o644); err != nil {
		return nil, err
	}
	res, err := opt.Go(ctx, run.Options{Dir: opt.Root, Race: true, Vet: vet, Count: 1, CPU: cpu, Overlay: ov, Run: engine.Pattern(names), Timeout: editTimeout}, pkgs...)
	if err != nil {
		return nil, err
	}
	out := make([]*run.Package, len(edits))
	for i, e := range edits {
		out[i] = res.Packages[e.sc.ImportPath(module)]
	}
	return out, nil
}

// rounds deals the queues out in rounds: the first of each queue, then the
// second of each, and so on; f runs each round.
func rounds[T any](queues [][]T, f func(r int, round []T) error) error {
	for r := 0; ; r++ {
		var round []T
		for _, q := range queues {
			if r < len(q) {
				round = append(round, q[r])
			}
		}
		if len(round) == 0 {
			return nil
		}
		if err := f(r, round); err != nil {
			return err
		}
	}
}
