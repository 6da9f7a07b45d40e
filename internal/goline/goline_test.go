package goline

import (
	"go/token"
	"strings"
	"testing"
)

// A line that is not whole Go still scans, comments included, with each
// token's place in the line and no semicolon the scanner invented.
func TestALineScansWithItsComments(t *testing.T) {
	line := `	assert.Equal(t, __, <-ch) // __ : what was sent?`
	var got []string
	for _, tk := range Tokens(line) {
		if line[tk.From:tk.To] != tk.Text {
			t.Errorf("%q is not at %d:%d", tk.Text, tk.From, tk.To)
		}
		got = append(got, tk.Text)
	}
	want := "assert . Equal ( t , __ , <- ch ) // __ : what was sent?"
	if strings.Join(got, " ") != want {
		t.Errorf("tokens %q, want %q", strings.Join(got, " "), want)
	}
	if n := len(Tokens("if done {")); n != 3 {
		t.Errorf("an open brace: %d tokens, want 3", n)
	}
	code := Code(line, func(string) bool { return true })
	if last := code[len(code)-1]; last.Kind != token.RPAREN || !last.Same(Token{Kind: token.RPAREN, Text: ")"}) {
		t.Errorf("the comment was kept: %v", code)
	}
}

// The blank is read from tokens: in code it is the identifier __, in a
// comment the word __; a __ in a string literal or inside a longer word is
// none.
func TestABlankIsAToken(t *testing.T) {
	for line, want := range map[string]Blank{
		`	assert.Equal(t, __, <-ch)`:           {InCode: true},
		`	// __ : something must wait here`:    {InComment: true},
		`	// __`:                               {InComment: true},
		`	x := __ // __ : what?`:               {InCode: true, InComment: true},
		`	assert.Equal(t, "__", got)`:          {},
		"\tassert.Equal(t, `a __ b`, got)":     {},
		`	// a __init__ method is not a blank`: {},
		`	fmt.Println("__") // say it`:         {},
		`	wg.Wait() /* __ */`:                  {InComment: true},
		`	var __x = 1`:                         {},
	} {
		if got := BlankIn(line); got != want {
			t.Errorf("BlankIn(%q) = %+v, want %+v", line, got, want)
		}
	}
}
