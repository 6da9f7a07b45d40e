package edition

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/state"
)

// A Record is what lang remembers in .koans/lang.json: the language the
// learner's koan files are in, and every slot it wrote, so that lang en
// puts back the very English it took out.
type Record struct {
	Lang  string `json:"lang"` // "zh" or "en"
	Slots []Slot `json:"slots"`
}

// Options say what lang does and how it talks with the learner.
type Options struct {
	Root string
	To   lang.Lang // the language to write the comments in
	Yes  bool      // do not ask first
	In   io.Reader
	Out  io.Writer
	Lang lang.Lang // the runner's own words
	// Quiet says nothing when there is nothing to do (after a reset).
	Quiet bool
}

// A change is one koan file rewritten.
type change struct {
	rel      string
	old, new []byte
}

// Switch rewrites the comments of the learner's koan files (koans/ only)
// into opt.To: each koan's lesson, prompts and other comments whose
// Chinese twin the catalog has. It asks first unless opt.Yes, keeps each
// file it changes in .koans/backups, and records what it wrote.
func Switch(opt Options) error {
	c, err := course.Load(opt.Root, "koans")
	if err != nil {
		return err
	}
	st := state.Of(opt.Root)
	var rec Record
	st.Edition(&rec)
	changes, slots, notes, err := plan(c, rec, opt.To)
	if err != nil {
		return err
	}
	l, w := opt.Lang, opt.Out
	if untranslated, all := waiting(c); opt.To == lang.Chinese && untranslated > 0 && !opt.Quiet {
		l.Fprintf(w, "%d of %d koans have no Chinese in their catalog yet: their comments stay in English.\n", untranslated, all)
	}
	for _, n := range notes {
		if n.Slot.What == Lesson {
			l.Fprintf(w, "%s: the lesson above %s reads as neither the course's English nor its Chinese: left as it is.\n", n, n.Slot.Koan)
		} else {
			l.Fprintf(w, "%s: the comment beside a blank of %s reads as neither the course's English nor its Chinese: left as it is.\n", n, n.Slot.Koan)
		}
	}
	if len(changes) == 0 {
		if !opt.Quiet {
			l.Fprintf(w, "Nothing to change: the koans' comments are already in %s.\n", langName(opt.To, l))
		}
		return st.SetEdition(Record{Lang: opt.To.String(), Slots: slots})
	}
	t := time.Now()
	backups := filepath.ToSlash(filepath.Dir(filepath.Dir(state.Backup("koans/x", t))))
	if !opt.Yes && !ask(opt, l.Sprintf("Rewrite the comments of %d koan file(s) in %s? The code stays as it is; your files are kept in %s. [y/N] ", len(changes), langName(opt.To, l), backups)) {
		l.Fprintf(w, "Nothing changed.\n")
		return nil
	}
	for _, ch := range changes {
		if err := write(opt.Root, ch, state.Backup(ch.rel, t)); err != nil {
			return err
		}
	}
	if err := st.SetEdition(Record{Lang: opt.To.String(), Slots: slots}); err != nil {
		return err
	}
	l.Fprintf(w, "The comments of %d koan file(s) are now in %s; your files as they were are in %s.\n", len(changes), langName(opt.To, l), backups)
	return nil
}

// langName names a language in the runner's words.
func langName(to lang.Lang, l lang.Lang) string {
	if to == lang.Chinese {
		return l.Sprintf("Chinese")
	}
	return l.Sprintf("English")
}

func ask(opt Options, question string) bool {
	io.WriteString(opt.Out, question)
	answer, _ := bufio.NewReader(opt.In).ReadString('\n')
	a := strings.ToLower(strings.TrimSpace(answer))
	return a == "y" || a == "yes"
}

// plan works out each koan file's new text: first back to English through
// the record (the very English lang zh took out), then, for zh, into the
// catalog's Chinese, slots made afresh from the English as shipped (or as
// the file now reads in English, without a shipped version).
func plan(c *course.Course, rec Record, to lang.Lang) (changes []change, slots []Slot, notes []Note, err error) {
	v, _ := shipped.Find(c.Root) // without git: the file's own English
	for _, rel := range files(c) {
		cur, err := os.ReadFile(filepath.Join(c.Root, filepath.FromSlash(rel)))
		if err != nil {
			continue // a file gone: nothing to rewrite
		}
		english, _, _ := Apply(cur, recorded(rec.Slots, rel), lang.English)
		src := english
		if v != nil {
			if text, err := v.Read(rel); err == nil {
				src = text
			}
		}
		fresh := SlotsOf(rel, src, koansIn(c, rel))
		// Back to English, Chinese that no record names (the record
		// lost) is found by the catalog's own words.
		next, _, ns := Apply(english, fresh, to)
		notes = append(notes, ns...)
		slots = append(slots, fresh...)
		if !bytes.Equal(next, cur) {
			changes = append(changes, change{rel: rel, old: cur, new: next})
		}
	}
	return changes, slots, notes, nil
}

// files are the koan files of the course, in order.
func files(c *course.Course) []string {
	var out []string
	for _, cc := range c.Concepts {
		for _, k := range cc.Koans {
			if !slices.Contains(out, k.File) && strings.HasPrefix(k.File, "koans/") {
				out = append(out, k.File)
			}
		}
	}
	return out
}

func koansIn(c *course.Course, rel string) []*course.Koan {
	var out []*course.Koan
	for _, cc := range c.Concepts {
		for _, k := range cc.Koans {
			if k.File == rel {
				out = append(out, k)
			}
		}
	}
	return out
}

func recorded(slots []Slot, rel string) []Slot {
	var out []Slot
	for _, s := range slots {
		if s.File == rel {
			out = append(out, s)
		}
	}
	return out
}

// write keeps the file as it was in backup, then writes its new text.
func write(root string, ch change, backup string) error {
	dst := filepath.Join(root, filepath.FromSlash(backup))
	if err := os.MkdirAll(filepath.Dir(dst), 0o755); err != nil {
		return err
	}
	if err := os.WriteFile(dst, ch.old, 0o644); err != nil {
		return lang.Errorf("cannot keep a backup of %s, so it was not changed: %w", ch.rel, err)
	}
	p := filepath.Join(root, filepath.FromSlash(ch.rel))
	fi, err := os.Stat(p)
	if err != nil {
		return err
	}
	return os.WriteFile(p, ch.new, fi.Mode().Perm())
}

// In reads the record's language: Chinese after lang zh.
func In(root string) lang.Lang {
	var rec Record
	if state.Of(root).Edition(&rec) && rec.Lang == "zh" {
		return lang.Chinese
	}
	return lang.English
}

// Like puts the comments of a koan's lines from elsewhere (its solution's
// function, from line first of its file) in the language of the learner's
// copy: after lang zh, the koan's other comments, which the solution
// shares line for line, read in Chinese as in the learner's file, so that
// a diff of the two shows the answers and not the language.
func Like(root string, k *course.Koan, lines []string, first int) []string {
	var rec Record
	if !state.Of(root).Edition(&rec) || rec.Lang != "zh" {
		return lines
	}
	var slots []Slot
	for _, s := range rec.Slots {
		if s.File == k.File && s.Koan == k.Name && s.What == Comment {
			s.Line -= first - 1
			slots = append(slots, s)
		}
	}
	out, _, _ := Apply([]byte(strings.Join(lines, "\n")), slots, lang.Chinese)
	return strings.Split(string(out), "\n")
}

// waiting counts the koans whose lesson has no Chinese twin yet, of all.
func waiting(c *course.Course) (untranslated, all int) {
	for _, cc := range c.Concepts {
		for _, k := range cc.Koans {
			all++
			if k.Text.Lesson.Line > 0 && len(k.Twin.LessonLines()) == 0 {
				untranslated++
			}
		}
	}
	return untranslated, all
}
