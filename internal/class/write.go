package class

import (
	"encoding/csv"
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// KoansCSV writes the per-koan table, the hardest first.
func (v View) KoansCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write([]string{"rank", "concept", "koan", "reached", "passed", "median_runs", "median_seconds", "hints", "kinds"})
	for _, k := range v.Koans {
		var kinds []string
		for _, kc := range k.Kinds {
			kinds = append(kinds, fmt.Sprintf("%s:%d", kc.Kind, kc.Learners))
		}
		cw.Write([]string{strconv.Itoa(k.Rank), k.Concept, k.Koan, strconv.Itoa(k.Reached), strconv.Itoa(k.Passed),
			num(k.MedianRuns), num(k.MedianSeconds), strconv.Itoa(k.Hints), strings.Join(kinds, " ")})
	}
	cw.Flush()
	return cw.Error()
}

// LearnersCSV writes the per-learner table: koans passed and reached, and
// the koans passed of each concept.
func (v View) LearnersCSV(w io.Writer) error {
	cw := csv.NewWriter(w)
	cw.Write(append([]string{"learner", "passed", "reached", "total"}, v.Concepts...))
	for _, l := range v.Learners {
		row := []string{l.Name, strconv.Itoa(l.Passed), strconv.Itoa(l.Reached), strconv.Itoa(l.Total)}
		for _, c := range l.Concepts {
			row = append(row, fmt.Sprintf("%d/%d", c.Passed, c.Koans))
		}
		cw.Write(row)
	}
	cw.Flush()
	return cw.Error()
}

// JSON writes the view as one JSON document.
func (v View) JSON(w io.Writer) error {
	data, err := json.MarshalIndent(v, "", "  ")
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}

// num is a median as a spreadsheet reads it: 3, 2.5.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// LearnersFile is where the class command writes the table of learners
// beside the table of koans in csvFile: koans.csv, koans-learners.csv.
func LearnersFile(csvFile string) string {
	return strings.TrimSuffix(csvFile, ".csv") + "-learners.csv"
}
