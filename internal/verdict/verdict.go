package verdict

import (
	"encoding/json"
	"io"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/standing"
)

// A Verdict is the runner's stable, machine-readable answer: where the
// learner stands. `go tool koans -json` prints it as one JSON object on the
// last line of its output. Fields may be added; none is ever renamed or
// dropped. The field names and the values of Status and Kind never depend
// on the learner's language; Message and Details are in it (Chinese under a
// Chinese locale, see internal/lang), so a tool matches on Kind, never on
// the words.
type Verdict struct {
	// Status is "failing" while a koan fails, "enlightened" when all pass.
	Status string `json:"status"`
	// Concept is the failing koan's concept directory, e.g. "02_channels".
	Concept string `json:"concept"`
	// Koan is the failing test's name.
	Koan string `json:"koan"`
	// File is repository-relative, with forward slashes; Line is in File.
	File string `json:"file"`
	Line int    `json:"line"`
	// Kind is how the koan failed: one of blank, assert, race, leak,
	// deadlock, panic, fatal, compile, vet, timeout, missing, skipped.
	Kind kind.Kind `json:"kind"`
	// Message says why, in a sentence or a few lines.
	Message string `json:"message"`
	// Passed and Total count koans on the whole path.
	Passed int `json:"passed"`
	Total  int `json:"total"`

	// Sentence is the koan's name as a sentence.
	Sentence string `json:"sentence,omitempty"`
	// Title is the koan's title in the verdict's language, as the terminal
	// shows it: the sentence with a capital, or the catalog's title_zh in
	// Chinese.
	Title string `json:"-"`
	// Details lists the facts behind the message, one per entry.
	Details []string `json:"details,omitempty"`
	// Raw is output the runner could not classify, as it came but for
	// terminal control sequences, and its head and tail if it was long.
	Raw string `json:"raw,omitempty"`
	// Race is false when go test could not use the race detector (no cgo
	// or no C compiler), so race koans were not judged. It does not follow
	// -norace: a walk the learner chose to run without the detector says
	// true, though race koans were not judged either.
	Race bool `json:"race"`
	// Blocked lists, for a deadlock or a leak, each blocked goroutine of
	// the koan: where it waits, on what, and the locks it holds.
	Blocked []Blocked `json:"blocked,omitempty"`
	// Ahead names the koan or concept a look ahead judged (go tool koans
	// run TestName): the verdict is then that koan's or that concept's
	// alone, "enlightened" when it holds, while Passed and Total are the
	// learner's path as the last walk judged it.
	Ahead string `json:"ahead,omitempty"`
	// Printed is what the failing koan printed itself (fmt.Println, t.Log),
	// as go test shows it: its last 20 lines, at most 2 KB.
	Printed []string `json:"printed,omitempty"`
	// Ungraded lists the koans this run saw pass for the first time that
	// passed outside the rules (more than their blanks changed), and why:
	// they do not count for a grade (see list -json's graded).
	Ungraded []UngradedKoan `json:"ungraded,omitempty"`
	// NeedNewerGo names the koans the go at hand passed over, their files
	// needing a newer Go (not in Total); NewerGo is the release that runs
	// them all ("1.27").
	NeedNewerGo []string `json:"need_newer_go,omitempty"`
	NewerGo     string   `json:"newer_go,omitempty"`
}

// An UngradedKoan passed, but is not graded.
type UngradedKoan struct {
	Koan  string `json:"koan"`
	Why   string `json:"why"`
	Where string `json:"where,omitempty"`
}

// Of reads a standing as a verdict whose words are in l.
func Of(st *standing.Standing, l lang.Lang) Verdict {
	v := Verdict{Status: "enlightened", Passed: st.Passed, Total: st.Total, Race: !st.RaceUnavailable, Ahead: st.Ahead}
	for _, k := range st.NeedNewerGo {
		v.NeedNewerGo = append(v.NeedNewerGo, k.Name)
	}
	v.NewerGo = course.Newest(st.NeedNewerGo)
	for _, u := range st.Ungraded {
		v.Ungraded = append(v.Ungraded, UngradedKoan{Koan: u.Koan.Name, Why: u.Why, Where: u.Where})
	}
	if st.Current == nil {
		return v
	}
	o, f := st.Current, st.Current.Failure
	v.Status = "failing"
	v.Concept = st.CurrentConcept.Name
	v.Koan = o.Koan.Name
	v.Sentence = o.Koan.Sentence()
	v.Title = o.Koan.Title(l)
	v.File, v.Line = o.Koan.File, o.Koan.Line
	if f != nil {
		v.Kind = f.Kind
		if f.File != "" {
			v.File, v.Line = f.File, f.Line
		}
		// Message, Details and Raw may quote the koan's output: cleaned
		// here, the one place every printer of a verdict goes through.
		v.Message = clean(f.Headline.In(l), l)
		v.Details = lang.All(f.Details, l)
		for i, d := range v.Details {
			v.Details[i] = clean(d, l)
		}
		v.Raw = clean(strings.Join(f.Raw, ""), l)
		v.Blocked = blockedOf(f.WaitFor)
		for _, p := range f.Printed {
			v.Printed = append(v.Printed, clean(p, l))
		}
	}
	return v
}

// Write writes the standing's verdict as one line of JSON, its words in l
// (go tool koans -json).
func Write(w io.Writer, st *standing.Standing, l lang.Lang) error {
	data, err := json.Marshal(Of(st, l))
	if err != nil {
		return err
	}
	_, err = w.Write(append(data, '\n'))
	return err
}
