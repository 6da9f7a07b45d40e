package goline

import (
	"go/token"
	"regexp"
)

// BlankName is the blank a koan leaves for its learner: the identifier __
// (the koan helper's koan.Blank, declared in each concept's main_test.go).
const BlankName = "__"

// blankWord finds the blank as a word of a comment's text.
var blankWord = regexp.MustCompile(`\b__\b`)

// A Blank says where a line holds the blank, by the one rule that verify
// (the mirror, the blank lines it pairs, the answers it finds) and grading
// (which lines a learner may change) both follow, on Go tokens, never on
// the raw text: a __ inside a string literal is no blank.
type Blank struct {
	// InCode: an identifier __ stands in the line's code, where the learner
	// writes an expression (assert.Equal(t, __, got)) or a statement.
	InCode bool
	// InComment: a comment of the line holds the word __ (// __ something
	// must wait here): the learner writes the line's code, all of it.
	InComment bool
}

// Any reports whether the line holds a blank at all.
func (b Blank) Any() bool { return b.InCode || b.InComment }

// BlankIn reads where line holds the blank.
func BlankIn(line string) Blank {
	var b Blank
	for _, t := range Tokens(line) {
		b.InCode = b.InCode || IsBlank(t)
		b.InComment = b.InComment || (t.Kind == token.COMMENT && IsBlankComment(t.Text))
	}
	return b
}

// IsBlank reports whether t is the blank in code: the identifier __.
func IsBlank(t Token) bool { return t.Kind == token.IDENT && t.Text == BlankName }

// IsBlankComment reports whether a comment's text (with its // or /* */)
// holds the blank, as a word.
func IsBlankComment(comment string) bool { return blankWord.MatchString(comment) }
