package class

import (
	"bytes"
	"encoding/json"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/gokoans/concurrency/internal/journal"
)

var update = flag.Bool("update", false, "write the golden files of testdata/ again")

// fixtureOrder is the course of the fixture class: 6 concepts of 5 koans.
func fixtureOrder() []ID {
	var out []ID
	for c := 1; c <= 6; c++ {
		for k := 1; k <= 5; k++ {
			out = append(out, ID{fmt.Sprintf("%02d_concept", c), fmt.Sprintf("TestKoan%d%d", c, k)})
		}
	}
	return out
}

var kinds = []string{"assert", "deadlock", "leak", "race", "timeout", "blank"}

// writeFixtureClass writes 30 synthetic learners under dir, the same every
// time: a third as clones (a journal and a result.json), a third as
// result.json files only, a third as journals only.
func writeFixtureClass(t testing.TB, dir string) {
	rng := rand.New(rand.NewPCG(24, 50))
	order := fixtureOrder()
	base := time.Date(2026, 9, 1, 9, 0, 0, 0, time.UTC)
	for i := range 30 {
		name := fmt.Sprintf("student%02d", i+1)
		progress := rng.IntN(len(order) + 1)
		at := base.Add(time.Duration(rng.IntN(72)) * time.Hour)
		var events []journal.Event
		type test struct {
			Name   string `json:"test-name"`
			Passed bool   `json:"passed"`
			Score  int    `json:"score"`
			Max    int    `json:"max-score"`
			State  string `json:"state"`
			Kind   string `json:"kind,omitempty"`
		}
		var tests []test
		for j, id := range order {
			tc := test{Name: id.String(), Max: 1, State: "failing", Kind: kinds[(j+i)%len(kinds)]}
			if j <= progress && j < len(order) {
				events = append(events, journal.Event{Time: at, Event: journal.Reached, Concept: id.Concept, Koan: id.Koan})
				fails := rng.IntN(1 + j%7)
				for f := range fails {
					at = at.Add(time.Duration(30+rng.IntN(300)) * time.Second)
					events = append(events, journal.Event{Time: at, Event: journal.Ran, Concept: id.Concept, Koan: id.Koan, Kind: kinds[(j+f)%len(kinds)]})
					if rng.IntN(4) == 0 {
						events = append(events, journal.Event{Time: at, Event: journal.Hint, Concept: id.Concept, Koan: id.Koan, Level: 1})
					}
				}
			}
			if j < progress {
				at = at.Add(time.Duration(20+rng.IntN(200)) * time.Second)
				events = append(events, journal.Event{Time: at, Event: journal.Passed, Concept: id.Concept, Koan: id.Koan})
				tc.Passed, tc.Score, tc.State, tc.Kind = true, 1, "passed", ""
				if j == 3 && i%10 == 0 { // a koan passed outside the rules
					tc.Passed, tc.Score = false, 0
				}
			}
			tests = append(tests, tc)
		}
		score := 0
		for _, tc := range tests {
			score += tc.Score
		}
		result := map[string]any{"schema": "classroom50/result/v1", "classroom": "c", "assignment": "a", "owner": name,
			"submission": "submit/x", "score": score, "max-score": len(tests), "tests": tests}
		writeLearner(t, dir, name, i, events, result)
	}
}

// writeLearner writes one learner's results in the form i gives.
func writeLearner(t testing.TB, dir, name string, i int, events []journal.Event, result map[string]any) {
	switch i % 3 {
	case 0: // a clone: its journal committed on purpose, and its grade
		writeJournal(t, filepath.Join(dir, "clones", name, ".koans", "journal.jsonl"), events)
		writeJSON(t, filepath.Join(dir, "clones", name, "result.json"), result)
		if err := os.MkdirAll(filepath.Join(dir, "clones", name, "koans"), 0o755); err != nil {
			t.Fatal(err)
		}
	case 1: // a result.json collected from Classroom 50
		writeJSON(t, filepath.Join(dir, "results", name+".json"), result)
	case 2: // a journal handed in
		writeJournal(t, filepath.Join(dir, "journals", "journal-"+name+".jsonl"), events)
	}
}

func writeJournal(t testing.TB, p string, events []journal.Event) {
	var b bytes.Buffer
	for _, e := range events {
		line, _ := json.Marshal(e)
		b.Write(append(line, '\n'))
	}
	writeBytes(t, p, b.Bytes())
}

func writeJSON(t testing.TB, p string, v any) {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	writeBytes(t, p, data)
}

func writeBytes(t testing.TB, p string, data []byte) {
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(p, data, 0o644); err != nil {
		t.Fatal(err)
	}
}

// fixtureView reads the fixture class as the class command does.
func fixtureView(t testing.TB) View {
	dir := t.TempDir()
	writeFixtureClass(t, dir)
	learners, err := Read([]string{filepath.Join(dir, "clones"), filepath.Join(dir, "results"), filepath.Join(dir, "journals")})
	if err != nil {
		t.Fatal(err)
	}
	if len(learners) != 30 {
		t.Fatalf("%d learners read, want 30", len(learners))
	}
	return Build(learners, fixtureOrder())
}

func TestTheFixtureClassMatchesItsGoldenFiles(t *testing.T) {
	v := fixtureView(t)
	for _, g := range []struct {
		file  string
		write func(*bytes.Buffer) error
	}{
		{"koans.csv", func(b *bytes.Buffer) error { return v.KoansCSV(b) }},
		{"learners.csv", func(b *bytes.Buffer) error { return v.LearnersCSV(b) }},
		{"class.json", func(b *bytes.Buffer) error { return v.JSON(b) }},
	} {
		var b bytes.Buffer
		if err := g.write(&b); err != nil {
			t.Fatal(err)
		}
		golden(t, filepath.Join("testdata", g.file), b.Bytes())
	}
}

func golden(t *testing.T, p string, got []byte) {
	t.Helper()
	if *update {
		writeBytes(t, p, got)
		return
	}
	want, err := os.ReadFile(p)
	if err != nil {
		t.Fatalf("%v (go test -run %s -update writes it)", err, t.Name())
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs from what the class view writes now (go test -run %s -update, and read the diff):\n%s", p, t.Name(), got)
	}
}

func TestTheHardestKoanIsTheOneFewestPassed(t *testing.T) {
	v := fixtureView(t)
	share := func(k KoanStat) float64 { return float64(k.Passed) / float64(max(k.Reached, 1)) }
	for i := 1; i < len(v.Koans); i++ {
		a, b := v.Koans[i-1], v.Koans[i]
		if a.Reached > 0 && b.Reached > 0 && share(a) > share(b) {
			t.Errorf("%s (%d/%d) ranks before %s (%d/%d)", a.Koan, a.Passed, a.Reached, b.Koan, b.Passed, b.Reached)
		}
	}
	for _, l := range v.Learners {
		if len(l.Cells) != 30 || l.Total != 30 {
			t.Errorf("%s: %d cells of %d", l.Name, len(l.Cells), l.Total)
		}
	}
}

func TestAnonymizedNamesAreNumbersInTheOrderOfTheNames(t *testing.T) {
	v := fixtureView(t)
	first := v.Learners[0].Name
	v.Anonymize()
	if v.Learners[0].Name != "learner-01" || v.Learners[29].Name != "learner-30" {
		t.Errorf("anonymized: %s ... %s", v.Learners[0].Name, v.Learners[29].Name)
	}
	var b bytes.Buffer
	if err := v.HTML(&b, "Class"); err != nil {
		t.Fatal(err)
	}
	if strings.Contains(b.String(), first) {
		t.Errorf("the anonymized page still names %s", first)
	}
}

func TestTheGradeDecidesWhatPassedTheJournalHowItWent(t *testing.T) {
	v := fixtureView(t)
	for _, k := range v.Koans {
		if k.Koan == "TestKoan14" && !strings.Contains(fmt.Sprint(k.Kinds), NotGraded) {
			t.Errorf("the koan passed outside the rules is not counted so: %v", k.Kinds)
		}
	}
}
