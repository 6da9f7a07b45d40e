package lang

import (
	"fmt"
	"io"
	"regexp"
	"slices"
	"strings"
)

// A Lang is a language the runner speaks. The zero value is English.
type Lang int

const (
	English Lang = iota
	Chinese
)

func (l Lang) String() string {
	if l == Chinese {
		return "zh"
	}
	return "en"
}

// FromEnv chooses the language from the environment, read through getenv
// (os.Getenv). KOANS_LANG=zh or KOANS_LANG=en decides first. Else the
// locale does, as gettext reads it: the first of LC_ALL, LC_MESSAGES and
// LANG that is set names the locale, and LANGUAGE, a list of languages in
// order of preference, overrides it unless the locale is C or POSIX. A
// locale or language that starts with "zh" (zh_CN.UTF-8, zh_TW, zh) means
// Chinese; anything else, English.
func FromEnv(getenv func(string) string) Lang {
	switch k := strings.ToLower(getenv("KOANS_LANG")); {
	case strings.HasPrefix(k, "zh"):
		return Chinese
	case strings.HasPrefix(k, "en"):
		return English
	}
	locale := ""
	for _, name := range []string{"LC_ALL", "LC_MESSAGES", "LANG"} {
		if locale = getenv(name); locale != "" {
			break
		}
	}
	if first, _, _ := strings.Cut(getenv("LANGUAGE"), ":"); first != "" && locale != "C" && locale != "POSIX" {
		locale = first
	}
	if strings.HasPrefix(strings.ToLower(locale), "zh") {
		return Chinese
	}
	return English
}

// Pick returns zh in Chinese when there is one, else en: for the course's
// own texts, which carry their Chinese twin beside them (title_zh,
// hints_zh) and may not have it yet.
func (l Lang) Pick(en, zh string) string {
	if l == Chinese && zh != "" {
		return zh
	}
	return en
}

// words is format's translation into l, or format itself.
func (l Lang) words(format string) string {
	if l == Chinese {
		if zh, ok := chinese[format]; ok {
			return zh
		}
	}
	return format
}

// A sayer has words of its own to put in a language: a Msg, an *Error.
type sayer interface{ In(Lang) string }

// said puts the arguments that are messages themselves (Msgs, and errors
// made by Errorf) into l.
func (l Lang) said(args []any) []any {
	var out []any
	for i, a := range args {
		if m, ok := a.(sayer); ok {
			if out == nil {
				out = slices.Clone(args)
			}
			out[i] = m.In(l)
		}
	}
	if out == nil {
		return args
	}
	return out
}

// Sprintf is fmt.Sprintf with format in l. Arguments that are Msgs, or
// errors made by Errorf, are said in l too.
func (l Lang) Sprintf(format string, args ...any) string {
	return fmt.Sprintf(l.words(format), l.said(args)...)
}

// Fprintf is fmt.Fprintf with format in l.
func (l Lang) Fprintf(w io.Writer, format string, args ...any) (int, error) {
	return fmt.Fprintf(w, l.words(format), l.said(args)...)
}

// A Msg is a sentence not yet put into words: its English format and its
// arguments, said in a language when it is shown (In). The diagnosis
// builds Msgs, so that it needs no language; the verdict says them in the
// learner's.
type Msg struct {
	Format string
	Args   []any
	// rename, if set, replaces the first occurrence of a phrase (itself a
	// message, so translated with the rest) by a name.
	rename *rename
}

type rename struct {
	phrase Msg
	name   string
}

// Msgf is the message of format and args (format a constant, as for
// fmt.Sprintf). Arguments may be Msgs.
func Msgf(format string, args ...any) Msg { return Msg{Format: format, Args: args} }

// Verbatim is a message that is not the runner's to translate: what a
// compiler, testify or a koan said.
func Verbatim(text string) Msg { return Msg{Format: "%s", Args: []any{text}} }

// In says m in l.
func (m Msg) In(l Lang) string {
	s := l.Sprintf(m.Format, m.Args...)
	if m.rename != nil {
		s = strings.Replace(s, m.rename.phrase.In(l), m.rename.name, 1)
	}
	return s
}

// String says m in English, so that %s and %v print a Msg as before.
func (m Msg) String() string { return m.In(English) }

// Rename returns m with the first occurrence of phrase replaced by name,
// in whichever language m is said: "The koan panicked" becomes "TestX
// panicked" when TestX is not a koan, and its Chinese twin likewise, as
// long as the Chinese of m holds the Chinese of phrase.
func (m Msg) Rename(phrase Msg, name string) Msg {
	m.rename = &rename{phrase: phrase, name: name}
	return m
}

// All says each message of ms in l.
func All(ms []Msg, l Lang) []string {
	if ms == nil {
		return nil
	}
	out := make([]string, len(ms))
	for i, m := range ms {
		out[i] = m.In(l)
	}
	return out
}

// An Error is an error made by Errorf: it reads in English, as
// fmt.Errorf's would, wraps what fmt.Errorf's would, and is said in the
// learner's language when a Lang prints it (koans: %v).
type Error struct {
	msg Msg
	en  error
}

// Errorf is fmt.Errorf for an error the learner may read: its words wait
// for the language of whoever prints it. %w wraps as in fmt.Errorf.
func Errorf(format string, args ...any) error {
	return &Error{msg: Msgf(format, args...), en: fmt.Errorf(format, args...)}
}

func (e *Error) Error() string { return e.en.Error() }

// Unwrap returns the errors %w wrapped.
func (e *Error) Unwrap() []error {
	switch u := e.en.(type) {
	case interface{ Unwrap() error }:
		return []error{u.Unwrap()}
	case interface{ Unwrap() []error }:
		return u.Unwrap()
	}
	return nil
}

// In says the error in l, with the errors it wraps.
func (e *Error) In(l Lang) string {
	return fmt.Sprintf(wrapVerbRE.ReplaceAllString(l.words(e.msg.Format), "%${1}v"), l.said(e.msg.Args)...)
}

// wrapVerbRE finds %w, which only Errorf knows: said, it is a %v.
var wrapVerbRE = regexp.MustCompile(`%(\[\d+\])?w`)
