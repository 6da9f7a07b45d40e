package verify

import (
	"context"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/gokoans/concurrency/internal/run"
	helper "github.com/gokoans/concurrency/koan"
)

func TestMutantsTakeOutOneLineOfSynchronisation(t *testing.T) {
	src := []string{
		"func TestX(t *testing.T) {",
		"	answers := make(chan string, len(replicas))",
		"	mu.Lock()",
		"	n++",
		"	mu.Unlock()",
		"	defer wg.Done()",
		"	<-done",
		"	x := <-done",
		"}",
	}
	for _, tc := range []struct {
		m    Mutant
		want []string
	}{
		{Mutant{Line: 2, op: "unbuffer"}, []string{"	answers := make(chan string)"}},
		{Mutant{Line: 3, op: "unlock", text: "mu.Lock()"}, []string{"", "	n++", ""}},
		{Mutant{Line: 6, op: "delete"}, []string{""}},
	} {
		got := strings.Split(tc.m.apply(src), "\n")
		assert.Equal(t, tc.want, got[tc.m.Line-1:tc.m.Line-1+len(tc.want)], tc.m.op)
		assert.Len(t, got, len(src)+1, "line numbers stay")
	}
	for t1, want := range map[string]bool{
		"defer wg.Done()": true, "<-done": true, "close(ch)": true, "cancel()": true,
		"x := <-done": false, "wg.Add(1)": false, "s.mu.RUnlock()": true,
	} {
		assert.Equal(t, want, deletable.MatchString(t1), t1)
	}
}

// A mutant is judged up to three times: a pass in any run makes it a
// survivor, and only a mutant that failed every run is killed.
func TestAMutantThatPassesOnceInThreeRunsSurvives(t *testing.T) {
	opt := holes(t).opt
	opt.Concepts = []string{"01_holes"}
	_, sols, err := opt.load()
	require.NoError(t, err)
	pkgPath := sols.Concept("01_holes").ImportPath(sols.Module)
	for _, tc := range []struct {
		passOn   int // the run (1-based) that passes; 0: none
		want     MutantResult
		wantRuns int
	}{
		{passOn: 2, want: Survived, wantRuns: 2},
		{passOn: 0, want: Killed, wantRuns: 3},
	} {
		runs := map[string]int{}
		cpus := map[string][]string{} // each mutant's runs' -cpu, in turn
		var first string
		opt.Go = func(_ context.Context, o run.Options, _ ...string) (*run.Result, error) {
			koan := strings.Trim(o.Run, "^$()")
			var ov struct{ Replace map[string]string }
			data, err := os.ReadFile(o.Overlay)
			require.NoError(t, err)
			require.NoError(t, json.Unmarshal(data, &ov))
			var mutant string
			for _, f := range ov.Replace {
				text, err := os.ReadFile(f)
				require.NoError(t, err)
				mutant = string(text)
			}
			runs[mutant]++
			cpus[mutant] = append(cpus[mutant], o.CPU)
			if first == "" {
				first = mutant
			}
			result := "fail"
			if runs[mutant] == tc.passOn {
				result = "pass"
			}
			pkg := &run.Package{ImportPath: pkgPath, Result: result, Tests: []*run.Test{{Name: koan, Result: result}}}
			if result == "pass" {
				pkg.Output = []string{"PASS\n", helper.LeakCheckedMarker + "\n"} // as go test and the helper print them
			}
			return &run.Result{Packages: map[string]*run.Package{pkgPath: pkg}}, nil
		}
		ms, err := Mutate(context.Background(), opt, MutantRuns)
		require.NoError(t, err)
		require.Len(t, ms, 4, "the lock with its unlock, the unlock, <-done and <-ch")
		for _, m := range ms {
			assert.Equal(t, tc.want, m.Result, "%s passing in run %d", m.Change, tc.passOn)
			assert.Equal(t, tc.wantRuns, m.Runs)
		}
		assert.Equal(t, []string{"1", "2", "4"}[:tc.wantRuns], cpus[first], "the first mutant's runs")
	}
}
