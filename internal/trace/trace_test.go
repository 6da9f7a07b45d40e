package trace

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gokoans/concurrency/internal/lang"
)

var (
	update = flag.Bool("update", false, "write the goldens of the drawing again from testdata's traces")
	record = flag.Bool("record", false, "record the traces testdata lacks, running the koans (delete a fixture's trace.out to record it again)")
)

// fixtures are the recorded runs the drawing is tested on: at least one
// koan of each way to fail (deadlock, in a bubble and not, leak, race,
// blank), from the concepts the issue names.
var fixtures = []struct{ name, dir, test string }{
	{"range_deadlock_bubble", "koans/02_channels", "TestRangeOverAChannelEndsOnlyWhenItIsClosed"},
	{"unbuffered_race", "koans/02_channels", "TestAnUnbufferedSendCompletesAfterTheReceive"},
	{"wait_blank", "koans/05_waitgroup", "TestWaitBlocksUntilTheCounterIsZero"},
	{"done_deadlock_bubble", "koans/05_waitgroup", "TestDoneOnEveryPathWithDefer"},
	{"counter_race", "koans/06_mutex", "TestAMutexGuardsACounter"},
	{"opposite_deadlock_cycle", "koans/06_mutex", "TestLocksTakenInOppositeOrdersDeadlock"},
	{"table_deadlock", "koans/15_deadlocks", "TestWaitForAKeysLockOnlyAfterReleasingTheTable"},
	{"subscriber_leak", "koans/16_leaks", "TestForgettingAChannelDoesNotWakeItsReceiver"},
	{"slices_race", "koans/17_races", "TestAppendingToASharedSliceWritesIntoItsArray"},
	{"workers_race", "koans/07_atomic", "TestIncrementingASharedIntFromManyGoroutinesIsADataRace"},
}

// meta is what testdata keeps of a recording besides the trace and the
// output: which koan, and the root its paths were recorded under.
type meta struct {
	Pkg, Test, Root, Helper string
}

const module = "github.com/gokoans/concurrency"

func TestGoldens(t *testing.T) {
	if *record {
		recordFixtures(t)
	}
	for _, f := range fixtures {
		t.Run(f.name, func(t *testing.T) {
			dir := filepath.Join("testdata", f.name)
			run, m := loadFixture(t, dir)
			var en, zh, page bytes.Buffer
			Text(&en, run, Style{Lang: lang.English})
			Text(&zh, run, Style{Lang: lang.Chinese})
			if err := HTML(&page, run, lang.English, m.Root); err != nil {
				t.Fatal(err)
			}
			golden(t, filepath.Join(dir, "want.txt"), en.Bytes())
			golden(t, filepath.Join(dir, "want.zh.txt"), zh.Bytes())
			golden(t, filepath.Join(dir, "want.html"), page.Bytes())
			for _, fetch := range []string{"src=", `href="http`, "url(http", "@import", "<link"} {
				if bytes.Contains(page.Bytes(), []byte(fetch)) {
					t.Errorf("the page fetches something (%s): it must be self-contained", fetch)
				}
			}
		})
	}
}

// load reads a fixture's trace and output, with its source from src/.
func loadFixture(t *testing.T, dir string) (*Run, meta) {
	t.Helper()
	var m meta
	data, err := os.ReadFile(filepath.Join(dir, "koan.json"))
	if err != nil {
		t.Fatal(err)
	}
	if err := json.Unmarshal(data, &m); err != nil {
		t.Fatal(err)
	}
	k := KoanIn(filepath.Join(dir, "src"), module, "", m.Test)
	k.Pkg, k.Root, k.Helper = m.Pkg, m.Root, m.Helper
	f, err := os.Open(filepath.Join(dir, "trace.out"))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run, err := Read(f, k)
	if err != nil {
		t.Fatal(err)
	}
	out, err := os.ReadFile(filepath.Join(dir, "output.txt"))
	if err != nil {
		t.Fatal(err)
	}
	Annotate(run, string(out), k)
	return run, m
}

func golden(t *testing.T, file string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(file, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("%v (go test -run TestGoldens -update writes it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the drawing now gives:\n%s", file, got)
	}
}

// recordFixtures runs each fixture's koan that has no trace.out yet with
// the trace on, and keeps the trace, the output and the koan's source files
// in testdata.
func recordFixtures(t *testing.T) {
	root, err := filepath.Abs("../..")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range fixtures {
		dir := filepath.Join("testdata", f.name)
		if _, err := os.Stat(filepath.Join(dir, "trace.out")); err == nil {
			continue
		}
		if err := os.MkdirAll(dir, 0o755); err != nil {
			t.Fatal(err)
		}
		rec, err := Record(context.Background(), root, f.dir, f.test, filepath.Join(dir, "trace.out"), 60*time.Second)
		if err != nil {
			t.Fatal(err)
		}
		out := strings.ReplaceAll(rec.Output, "\r\n", "\n")
		write(t, filepath.Join(dir, "output.txt"), []byte(out))
		m := meta{Pkg: module + "/" + f.dir, Test: f.test, Root: root, Helper: module + "/koan"}
		data, _ := json.MarshalIndent(m, "", "\t")
		write(t, filepath.Join(dir, "koan.json"), append(data, '\n'))
		files, _ := filepath.Glob(filepath.Join(root, f.dir, "*_test.go"))
		for _, src := range files {
			data, err := os.ReadFile(src)
			if err != nil {
				t.Fatal(err)
			}
			if bytes.Contains(data, []byte("func "+f.test+"(")) {
				write(t, filepath.Join(dir, "src", f.dir, filepath.Base(src)), data)
			}
		}
	}
}

func write(t *testing.T, file string, data []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(file), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(file, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// A file that is not a trace, or a trace of a format the reader does not
// know, is an error that says so, never a panic.
func TestUnreadableTraces(t *testing.T) {
	for name, data := range map[string]string{
		"empty":    "",
		"not one":  "PASS\nok  \tx\t0.01s\n",
		"go 1.99":  "go 1.99 trace\x00\x00\x00\x01\x01\xff\xff",
		"cut":      "go 1.26 trace\x00\x00\x00",
		"garbage ": "go 1.26 trace\x00\x00\x00\x01\x02\x03\x04\x05\x06\x07\xff\xff\xff\xff\xff",
	} {
		_, err := Read(strings.NewReader(data), Koan{Pkg: "p", Test: "TestX"})
		if !errors.Is(err, ErrFormat) {
			t.Errorf("%s: Read = %v, want an error wrapping ErrFormat", name, err)
		}
	}
}

// Go 1.27 writes the trace format of 1.26 ("go 1.26 trace"): the reader
// reads it. The fixture is a tiny test run with GOTOOLCHAIN=go1.27.3.
func TestGo127Trace(t *testing.T) {
	f, err := os.Open("testdata/go127/trace.out")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	run, err := Read(f, Koan{Pkg: "fix", Test: "TestChan"})
	if err != nil {
		t.Fatal(err)
	}
	if len(run.Lanes) != 2 || run.Lanes[0].Role != RoleTest || run.Lanes[1].Start.Line != 7 {
		var b bytes.Buffer
		Text(&b, run, Style{})
		t.Errorf("want the test and the goroutine of line 7, got:\n%s", b.String())
	}
}
