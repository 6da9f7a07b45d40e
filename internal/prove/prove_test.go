package prove

import (
	"context"
	"strings"
	"testing"
	"time"
)

// A koan solved with real synchronisation passes every run at every
// setting; one "fixed" with a sleep fails in some, and its first failing
// run's output shows the race.
func TestProve(t *testing.T) {
	if testing.Short() {
		t.Skip("runs a test binary 24 times")
	}
	opt := Options{Root: "testdata/sleepfix", Dir: ".", N: 3, CPUs: []int{1, 2, 4, 8}, Timeout: 30 * time.Second,
		Tests: []string{"TestSynchronised", "TestFixedWithASleep"}}
	res, err := Prove(context.Background(), opt)
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Counts) != 8 {
		t.Fatalf("counts: %+v", res.Counts)
	}
	t.Logf("%+v", res.Counts)
	failed := 0
	for _, c := range res.Counts {
		if c.Runs != 3 {
			t.Errorf("%s at -cpu %d ran %d times, want 3", c.Test, c.CPU, c.Runs)
		}
		switch c.Test {
		case "TestSynchronised":
			if c.Passed != c.Runs {
				t.Errorf("the synchronised test passed %d of %d at -cpu %d", c.Passed, c.Runs, c.CPU)
			}
		default:
			failed += c.Runs - c.Passed
		}
	}
	if failed == 0 || res.Proven() || res.FailedTest != "TestFixedWithASleep" {
		t.Fatalf("the sleep was not caught: %+v", res)
	}
	if !contains(res.FirstFailure, "WARNING: DATA RACE") {
		t.Errorf("the first failure's output has no race report:\n%s", res.FirstFailure)
	}
}

func contains(s, sub string) bool { return strings.Contains(s, sub) }
