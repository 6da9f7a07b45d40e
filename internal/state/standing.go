package state

import (
	"encoding/json"
	"os"
	"time"
)

// standingFile keeps what the learner's last walk judged, koan by koan, so
// that the map of the path (list) can be drawn at once, without running a
// koan.
const standingFile = Name + "/standing.json"

// A Standing is what a walk of the learner's path judged: every koan it
// reached, as it stood then.
type Standing struct {
	// Judged is when the walk that judged it began.
	Judged time.Time `json:"judged"`
	// Race says whether the race detector ran.
	Race bool `json:"race"`
	// Current is the first failing koan, "" when every koan passed.
	Current string `json:"current"`
	// Koans are the koans the walk judged, by test name; a koan it did not
	// reach is not there.
	Koans map[string]Judged `json:"koans"`
}

// A Judged koan is one koan's result in a saved Standing.
type Judged struct {
	Concept string `json:"concept"`
	// State is "passed", "failed" or "not judged" (a race koan without the
	// race detector).
	State string `json:"state"`
	Kind  string `json:"kind,omitempty"` // how it failed
}

// Standing is what the learner's last walk of tree judged; ok is false
// when none was saved (or the file is damaged).
func (d Dir) Standing(tree string) (s Standing, ok bool) {
	var all map[string]Standing
	data, err := os.ReadFile(d.path(standingFile))
	if err != nil || json.Unmarshal(data, &all) != nil {
		return Standing{}, false
	}
	s, ok = all[tree]
	return s, ok && s.Koans != nil
}

// SetStanding saves what the walk of tree judged, keeping the other trees'.
// It reports whether the file could be written.
func (d Dir) SetStanding(tree string, s Standing) error {
	all := map[string]Standing{}
	if data, err := os.ReadFile(d.path(standingFile)); err == nil {
		_ = json.Unmarshal(data, &all)
	}
	if all == nil {
		all = map[string]Standing{}
	}
	all[tree] = s
	return d.writeJSONErr(standingFile, all)
}
