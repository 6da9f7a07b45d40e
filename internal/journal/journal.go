package journal

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"time"

	"github.com/gokoans/concurrency/internal/state"
)

// File is the journal's path, relative to the repository root.
const File = state.JournalFile

// The kinds of event.
const (
	Reached = "reached" // the koan became the one the learner stands at
	Ran     = "ran"     // a walk judged the koan failing; Kind says how
	Hint    = "hint"    // the learner asked a hint; Level is which
	Passed  = "passed"  // a walk found the koan passing, after it was reached
)

// An Event is one line of the journal.
type Event struct {
	Time    time.Time `json:"time"`
	Event   string    `json:"event"`
	Concept string    `json:"concept"`
	Koan    string    `json:"koan"`
	Kind    string    `json:"kind,omitempty"`  // Ran: how the koan failed (one of kind.All), if known
	Level   int       `json:"level,omitempty"` // Hint: the hint shown, from 1
}

// valid reports whether e is an event the journal knows.
func (e Event) valid() bool {
	if e.Time.IsZero() || e.Koan == "" || e.Concept == "" {
		return false
	}
	switch e.Event {
	case Reached, Passed:
		return true
	case Ran:
		return true // Kind may be unknown: a koan that never ran
	case Hint:
		return e.Level > 0
	}
	return false
}

// Path is the journal's path under the repository root.
func Path(root string) string { return filepath.Join(root, filepath.FromSlash(File)) }

// Append adds events to root's journal in one write. When the file's last
// line was cut short (a crash mid-write), the new events start on a line of
// their own, so only the broken line is lost.
func Append(root string, events ...Event) error {
	if len(events) == 0 {
		return nil
	}
	var buf bytes.Buffer
	for _, e := range events {
		line, err := json.Marshal(e)
		if err != nil {
			return err
		}
		buf.Write(line)
		buf.WriteByte('\n')
	}
	p := Path(root)
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	f, err := os.OpenFile(p, os.O_RDWR|os.O_CREATE|os.O_APPEND, 0o644)
	if err != nil {
		return err
	}
	out := buf.Bytes()
	if !endsLine(f) {
		out = append([]byte{'\n'}, out...)
	}
	_, err = f.Write(out)
	return errors.Join(err, f.Close())
}

// endsLine reports whether f is empty or ends with a newline.
func endsLine(f *os.File) bool {
	st, err := f.Stat()
	if err != nil || st.Size() == 0 {
		return true
	}
	last := make([]byte, 1)
	if _, err := f.ReadAt(last, st.Size()-1); err != nil {
		return true
	}
	return last[0] == '\n'
}

// A Broken line is one Read could not use.
type Broken struct {
	Line int    // 1-based
	Why  string // what is wrong with it
}

func (b Broken) String() string { return fmt.Sprintf("%s:%d: %s", File, b.Line, b.Why) }

// Read reads root's journal. A missing journal is an empty one. Broken lines
// are skipped and returned; only a file that cannot be read at all is an
// error.
func Read(root string) ([]Event, []Broken, error) {
	f, err := os.Open(Path(root))
	if errors.Is(err, os.ErrNotExist) {
		return nil, nil, nil
	}
	if err != nil {
		return nil, nil, err
	}
	defer f.Close()
	return Parse(f)
}

// Parse reads journal lines from r, skipping empty lines and keeping a
// note of broken ones. A line has no length limit: a damaged file may hold
// a very long one.
func Parse(r io.Reader) ([]Event, []Broken, error) {
	var events []Event
	var broken []Broken
	br := bufio.NewReader(r)
	for n := 1; ; n++ {
		line, err := br.ReadBytes('\n')
		if len(bytes.TrimSpace(line)) > 0 {
			if e, why := parseLine(line); why != "" {
				broken = append(broken, Broken{Line: n, Why: why})
			} else {
				events = append(events, e)
			}
		}
		if errors.Is(err, io.EOF) {
			return events, broken, nil
		}
		if err != nil {
			return events, broken, err
		}
	}
}

func parseLine(line []byte) (Event, string) {
	var e Event
	if err := json.Unmarshal(line, &e); err != nil {
		return e, fmt.Sprintf("not a JSON object (%v)", err)
	}
	if !e.valid() {
		return e, fmt.Sprintf("not a journal event: %s", clip(bytes.TrimSpace(line)))
	}
	return e, ""
}

// clip shortens a broken line for a message.
func clip(line []byte) string {
	const most = 60
	if r := []rune(string(line)); len(r) > most {
		return string(r[:most]) + "..."
	}
	return string(line)
}
