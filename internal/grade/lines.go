package grade

import (
	"go/parser"
	"go/scanner"
	"go/token"
	"regexp"
	"strings"
)

// blankRE finds the blank in a comment: `// __ something must wait here`.
var blankRE = regexp.MustCompile(`\b__\b`)

// Allowed reports whether the learner's line may stand where the shipped
// line stood: it is the same Go code (spacing and comments aside, which
// gofmt and note-taking change; a //go: directive counts as code); or the
// shipped line holds a blank in a comment, which frees the whole line; or
// each blank token __ of the shipped line was replaced by one expression
// and nothing else changed.
func Allowed(shippedLine, learnerLine string) bool {
	if shippedLine == learnerLine || sameCode(code(shippedLine), code(learnerLine)) {
		return true
	}
	holes := 0
	for _, t := range tokens(shippedLine) {
		switch {
		case t.kind == token.COMMENT && blankRE.MatchString(t.text):
			return true
		case t.kind == token.IDENT && t.text == "__":
			holes++
		}
	}
	if holes == 0 {
		return false
	}
	return match(code(shippedLine), code(learnerLine), learnerLine)
}

// match reports whether the learner's tokens are the shipped ones with each
// hole (__) filled by a run of tokens that is one Go expression.
func match(pat, got []tok, line string) bool {
	if len(pat) == 0 {
		return len(got) == 0
	}
	if pat[0].kind == token.IDENT && pat[0].text == "__" {
		for n := 1; n <= len(got); n++ {
			if isExpr(line[got[0].from:got[n-1].to]) && match(pat[1:], got[n:], line) {
				return true
			}
		}
		return false
	}
	if len(got) == 0 || got[0].kind != pat[0].kind || got[0].text != pat[0].text {
		return false
	}
	return match(pat[1:], got[1:], line)
}

func sameCode(a, b []tok) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].kind != b[i].kind || a[i].text != b[i].text {
			return false
		}
	}
	return true
}

func isExpr(s string) bool {
	_, err := parser.ParseExpr(s)
	return err == nil
}

// A tok is one Go token of a line: its kind, its text, and where it is.
type tok struct {
	kind     token.Token
	text     string
	from, to int
}

// tokens splits one line of Go into tokens, comments included; a line that
// is not whole Go (an open brace, half a string) gives what scans.
func tokens(line string) []tok {
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(line))
	s.Init(f, []byte(line), func(token.Position, string) {}, scanner.ScanComments)
	var out []tok
	for {
		pos, kind, lit := s.Scan()
		if kind == token.EOF {
			return out
		}
		if kind == token.SEMICOLON && lit == "\n" {
			continue // inserted by the scanner, not in the text
		}
		text := lit
		if text == "" {
			text = kind.String()
		}
		from := f.Offset(pos)
		out = append(out, tok{kind: kind, text: text, from: from, to: from + len(text)})
	}
}

// code is the line's tokens without its comments, but for directives
// (//go:build, //go:embed, //line), which change what compiles.
func code(line string) []tok {
	var out []tok
	for _, t := range tokens(line) {
		if t.kind != token.COMMENT || strings.HasPrefix(t.text, "//go:") || strings.HasPrefix(t.text, "//line ") || strings.HasPrefix(t.text, "/*line ") {
			out = append(out, t)
		}
	}
	return out
}
