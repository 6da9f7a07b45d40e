package state

import (
	"encoding/json"
	"os"
	"path/filepath"
	"time"
)

// Name is the state directory's name under the repository root. Git
// ignores it.
// (The crash log, crash.log, is package crash's: it is told Path.)
const Name = ".koans"

// The files and directories of the state directory, relative to the
// repository root, with forward slashes (as the learner is told them).
const (
	JournalFile = Name + "/journal.jsonl" // package journal's
	walkFile    = Name + "/walk.json"
	hintsFile   = Name + "/hints.json"
	backupsDir  = Name + "/backups"
	overlayDir  = Name + "/overlay"
)

// A Dir is the state directory of the course at Root.
type Dir struct{ Root string }

// Of is the state directory of the course at root.
func Of(root string) Dir { return Dir{Root: root} }

// Path is the state directory's own path.
func (d Dir) Path() string { return d.path(Name) }

func (d Dir) path(rel string) string { return filepath.Join(d.Root, filepath.FromSlash(rel)) }

// Overlay is the directory the walk writes its go test overlay in.
func (d Dir) Overlay() string { return d.path(overlayDir) }

// A Position is where a walk stopped: the first failing koan.
type Position struct {
	Concept string `json:"concept"`
	Koan    string `json:"koan"`
	// Verified is when the walk that stopped there began: every koan before
	// it passed, as the files were then.
	Verified time.Time `json:"verified"`
	// Go and Race say what judged it: the Go release, and whether the race
	// detector ran. A walk under another Go, or with -race where there was
	// none, judges every concept again.
	Go   string `json:"go,omitempty"`
	Race bool   `json:"race"`
}

// positions is walk.json: where each tree's walk stopped.
type positions struct {
	Current map[string]Position `json:"current"` // tree -> where it stopped
}

// Walked reports whether a walk was ever saved here: not the first run in
// this clone.
func (d Dir) Walked() bool {
	_, err := os.Stat(d.path(walkFile))
	return err == nil
}

// Position is where the walk of tree last stopped, the zero Position if
// none was saved.
func (d Dir) Position(tree string) Position {
	var s positions
	data, err := os.ReadFile(d.path(walkFile))
	if err != nil || json.Unmarshal(data, &s) != nil {
		return Position{}
	}
	return s.Current[tree]
}

// SetPosition saves where the walk of tree stopped, keeping the other
// trees' positions.
func (d Dir) SetPosition(tree string, p Position) {
	s := positions{}
	if data, err := os.ReadFile(d.path(walkFile)); err == nil {
		_ = json.Unmarshal(data, &s)
	}
	if s.Current == nil {
		s.Current = map[string]Position{}
	}
	s.Current[tree] = p
	d.writeJSON(walkFile, s)
}

// NextHint is the level of the hint of koan to show now, from 1: one more
// than last time, at most max. It remembers that level.
func (d Dir) NextHint(koan string, max int) int {
	shown := d.hintsShown()
	level := min(shown[koan]+1, max)
	shown[koan] = level
	d.writeJSON(hintsFile, shown)
	return level
}

// hintsShown reads how many hints of each koan were shown. A file that is
// missing, damaged, or holds null (JSON's nil map, which Unmarshal stores
// as one) counts as none shown.
func (d Dir) hintsShown() map[string]int {
	shown := map[string]int{}
	if data, err := os.ReadFile(d.path(hintsFile)); err == nil {
		_ = json.Unmarshal(data, &shown)
	}
	if shown == nil {
		shown = map[string]int{}
	}
	return shown
}

// Backup is where reset keeps the learner's version of file rel (relative
// to the root, with forward slashes) when it restores it at t: relative to
// the root too, with forward slashes.
func Backup(rel string, t time.Time) string {
	return filepath.ToSlash(filepath.Join(backupsDir, t.Format("20060102-150405"), rel))
}

// writeJSON writes v as indented JSON to the file rel, best effort: the
// memory is a convenience.
func (d Dir) writeJSON(rel string, v any) { _ = d.writeJSONErr(rel, v) }

// writeJSONErr writes v as indented JSON to the file rel, and says why it
// could not.
func (d Dir) writeJSONErr(rel string, v any) error {
	data, _ := json.MarshalIndent(v, "", "  ")
	if err := os.MkdirAll(filepath.Dir(d.path(rel)), 0o755); err != nil {
		return err
	}
	return os.WriteFile(d.path(rel), append(data, '\n'), 0o644)
}

// editionFile records the language of the learner's koan files (lang zh,
// lang en) and the comments it rewrote: package edition's.
const editionFile = Name + "/lang.json"

// Edition reads the record of lang into v; false when there is none (or
// it is damaged).
func (d Dir) Edition(v any) bool {
	data, err := os.ReadFile(d.path(editionFile))
	return err == nil && json.Unmarshal(data, v) == nil
}

// SetEdition saves v as the record of lang, and says why it could not.
func (d Dir) SetEdition(v any) error { return d.writeJSONErr(editionFile, v) }
