package verify

import (
	"fmt"
	"go/token"
	"go/types"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/goline"
)

// sameEdits: no two koans of the course are solved by the same edit. A
// koan's edit is what its solution changes in its lines (the blanks of the
// koan and of the helpers it calls), each line reduced to the tokens that
// differ, with names and literals put aside (see editShape); two koans
// whose edits are the same, line for line, teach one lesson twice: each
// later one is reported, naming the first koan solved so. Blanks that an assertion
// expects (assert.Equal(t, __, got)) are no edit: their answer is a value
// the koan asks about, not a change to its code. Only pairs that touch a
// concept being verified are reported, and not a pair whose later koan's
// catalog entry explains it (same_edit = { TestEarlier = "why" }). It runs
// no go test.
func (v *verifier) sameEdits(selected []*course.Concept) {
	for _, d := range v.duplicates() {
		if e, ok := d.second.Concept.Entry(d.second.Name); ok && strings.TrimSpace(e.SameEdit[d.first.Name]) != "" {
			continue // the catalog says why the two are two lessons
		}
		if slices.Contains(selected, d.first.Concept) || slices.Contains(selected, d.second.Concept) {
			v.problem(fmt.Sprintf("%s:%d", d.second.File, d.second.Line), "%s is solved by the same edit as %s (%s:%d): %s. One lesson, once: cut one, make it teach what the course lacks, or say in its catalog why the two are two lessons (same_edit = { %s = \"why\" })", d.second.Name, d.first.Name, d.first.File, d.first.Line, d.edit, d.first.Name)
		}
	}
}

// A duplicate is two koans solved by the same edit, in course order.
type duplicate struct {
	first, second *course.Koan
	edit          string // the edit, for the report
}

// duplicates finds every koan of the course solved by the same edit as an
// earlier one, paired with the first koan solved so.
func (v *verifier) duplicates() []duplicate {
	var out []duplicate
	seen := map[string]*course.Koan{}
	for _, c := range v.koans.Concepts {
		sc := v.sols.Concept(c.Name)
		for _, k := range c.Koans {
			blanks, _ := filledBlanks(v.opt.Root, k, sc)
			e := editOf(blanks)
			if e == "" {
				continue
			}
			if f, ok := seen[e]; ok {
				out = append(out, duplicate{first: f, second: k, edit: e})
			} else {
				seen[e] = k
			}
		}
	}
	return out
}

// editOf is the shape of a koan's edit: its lines' edits (editShape), in
// the order of the file, joined; or, when the solution holds the koan's own
// changed lines in another order, that reordering. "" when the koan has no
// edit of its code (its blanks are all values an assertion expects).
func editOf(blanks []filled) string {
	var ks, ss []string
	var kts [][]goline.Token
	var lines []string
	for _, b := range blanks {
		if expectedValue(b.koan) {
			continue
		}
		k, s := codeTokens(b.koan), codeTokens(b.solution)
		ks, ss, kts = append(ks, tokensText(k)), append(ss, tokensText(s)), append(kts, k)
		if e := editShape(k, s); e != "" {
			lines = append(lines, e)
		}
	}
	if len(ks) >= 2 && !slices.Equal(ks, ss) {
		a, b := slices.Clone(ks), slices.Clone(ss)
		slices.Sort(a)
		slices.Sort(b)
		if slices.Equal(a, b) {
			var heads []string
			for _, k := range kts {
				heads = append(heads, headOf(normalized(k)))
			}
			slices.Sort(heads)
			return fmt.Sprintf("the %d lines `%s` put in another order", len(ks), strings.Join(heads, "`, `"))
		}
	}
	if !slices.ContainsFunc(lines, telling) {
		return "" // names and punctuation alone say nothing of a lesson
	}
	return strings.Join(lines, "; ")
}

// telling reports whether a line's edit holds something a lesson is made
// of: a keyword, an operator, a builtin or a call (X.Lock); an edit of
// names, literals and punctuation alone (`, X`) matches too much to tell.
func telling(edit string) bool {
	for _, t := range strings.Fields(edit) {
		switch t {
		case "X", "LIT", "(nothing)", "→", ",", "(", ")", "{", "}", "[", "]", ";", ".", ":":
			continue
		}
		return true
	}
	return false
}

// expectedValue reports whether a koan's line asks for a value an
// assertion expects: a blank token __ that stands in a call of assert or
// require.
func expectedValue(koanLine string) bool {
	ts := codeTokens(koanLine)
	hasBlank := slices.ContainsFunc(ts, goline.IsBlank)
	return hasBlank && len(ts) > 2 && (ts[0].Text == "assert" || ts[0].Text == "require") && ts[1].Kind == token.PERIOD
}

// codeTokens is a line's tokens without its comments.
func codeTokens(line string) []goline.Token {
	return goline.Code(line, func(string) bool { return true })
}

func tokensText(ts []goline.Token) string {
	var out []string
	for _, t := range ts {
		out = append(out, t.Text)
	}
	return strings.Join(out, " ")
}

// editShape is one line's edit: the koan's tokens and the solution's,
// names and literals put aside (normalized), less what both start and end
// with; "" when they are the same.
func editShape(koan, sol []goline.Token) string {
	k, s := normalized(koan), normalized(sol)
	for len(k) > 0 && len(s) > 0 && k[0] == s[0] {
		k, s = k[1:], s[1:]
	}
	for len(k) > 0 && len(s) > 0 && k[len(k)-1] == s[len(s)-1] {
		k, s = k[:len(k)-1], s[:len(s)-1]
	}
	if len(k) == 0 && len(s) == 0 {
		return ""
	}
	from, to := strings.Join(k, " "), strings.Join(s, " ")
	if from == "" {
		from = "(nothing)"
	}
	if to == "" {
		to = "(nothing)"
	}
	return from + " → " + to
}

// normalized puts names and literals aside: a literal is LIT; a run of
// names joined by dots (a variable, a field, a package's value) is X, or,
// when it is called, X.Name with the name of what is called (the method or
// function: Lock, Wait, Sleep); the predeclared functions (make, close,
// len) and Go's keywords and operators stay as they are.
func normalized(ts []goline.Token) []string {
	var out []string
	for i := 0; i < len(ts); i++ {
		t := ts[i]
		switch {
		case t.Kind.IsLiteral() && t.Kind != token.IDENT:
			out = append(out, "LIT")
		case t.Kind == token.IDENT:
			if t.Text == "true" || t.Text == "false" || t.Text == "nil" {
				out = append(out, "LIT")
				continue
			}
			j := i
			for j+2 < len(ts) && ts[j+1].Kind == token.PERIOD && ts[j+2].Kind == token.IDENT {
				j += 2
			}
			called := j+1 < len(ts) && ts[j+1].Kind == token.LPAREN
			switch {
			case called && j > i:
				out = append(out, "X."+ts[j].Text)
			case called && builtinFunc(t.Text):
				out = append(out, t.Text)
			default:
				out = append(out, "X")
			}
			i = j
		default:
			out = append(out, t.Text)
		}
	}
	return out
}

func builtinFunc(name string) bool {
	_, ok := types.Universe.Lookup(name).(*types.Builtin)
	return ok
}

// headOf is how a statement starts: its keyword, or what it calls, or its
// first token.
func headOf(ts []string) string {
	for i, t := range ts {
		if token.IsKeyword(t) || strings.HasPrefix(t, "X.") || builtinFunc(t) {
			return t
		}
		if i > 0 {
			break
		}
	}
	if len(ts) == 0 {
		return ""
	}
	return ts[0]
}
