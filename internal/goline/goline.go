package goline

import (
	"go/scanner"
	"go/token"
)

// A Token is one Go token of a line: its kind, its text, and where it is
// (byte offsets in the line, To past its end).
type Token struct {
	Kind     token.Token
	Text     string
	From, To int
}

// Same reports whether t and u are the same token, wherever they stand.
func (t Token) Same(u Token) bool { return t.Kind == u.Kind && t.Text == u.Text }

// Tokens splits one line of Go into tokens, comments included; a line that
// is not whole Go (an open brace, half a string) gives what scans.
func Tokens(line string) []Token {
	var s scanner.Scanner
	fset := token.NewFileSet()
	f := fset.AddFile("", -1, len(line))
	s.Init(f, []byte(line), func(token.Position, string) {}, scanner.ScanComments)
	var out []Token
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
		out = append(out, Token{Kind: kind, Text: text, From: from, To: from + len(text)})
	}
}

// Code is the line's tokens without the comments that drop(comment) says
// to take out.
func Code(line string, drop func(comment string) bool) []Token {
	var out []Token
	for _, t := range Tokens(line) {
		if t.Kind != token.COMMENT || !drop(t.Text) {
			out = append(out, t)
		}
	}
	return out
}
