package grade

import (
	"go/parser"
	"slices"
	"strings"

	"github.com/gokoans/concurrency/internal/goline"
)

// Allowed reports whether the learner's line may stand where the shipped
// line stood: it is the same Go code (spacing and comments aside, which
// gofmt and note-taking change; a //go: directive counts as code); or the
// shipped line holds a blank in a comment, which frees the whole line; or
// each blank token __ of the shipped line was replaced by one expression
// and nothing else changed.
func Allowed(shippedLine, learnerLine string) bool {
	if shippedLine == learnerLine || slices.EqualFunc(code(shippedLine), code(learnerLine), goline.Token.Same) {
		return true
	}
	switch b := goline.BlankIn(shippedLine); {
	case b.InComment:
		return true
	case !b.InCode:
		return false
	}
	return match(code(shippedLine), code(learnerLine), learnerLine, nil)
}

// A hole is where the learner's answer to one blank __ stands in their
// line: byte offsets, to past the end.
type hole struct{ from, to int }

// answersIn finds, in the learner's line, the answer to each blank token
// __ of the shipped line, in order; nil when the line is not the shipped
// one with its blanks filled (a blank in a comment, a line as shipped).
func answersIn(shippedLine, learnerLine string) []hole {
	var got []hole
	if !match(code(shippedLine), code(learnerLine), learnerLine, &got) {
		return nil
	}
	return got
}

// match reports whether the learner's tokens are the shipped ones with each
// hole (__) filled by a run of tokens that is one Go expression; holes, if
// not nil, receives where each answer stands.
func match(pat, got []goline.Token, line string, holes *[]hole) bool {
	if len(pat) == 0 {
		return len(got) == 0
	}
	if goline.IsBlank(pat[0]) {
		for n := 1; n <= len(got); n++ {
			if !isExpr(line[got[0].From:got[n-1].To]) {
				continue
			}
			var rest []hole
			var restp *[]hole
			if holes != nil {
				restp = &rest
			}
			if match(pat[1:], got[n:], line, restp) {
				if holes != nil {
					*holes = append(append(*holes, hole{got[0].From, got[n-1].To}), rest...)
				}
				return true
			}
		}
		return false
	}
	if len(got) == 0 || !got[0].Same(pat[0]) {
		return false
	}
	return match(pat[1:], got[1:], line, holes)
}

func isExpr(s string) bool {
	_, err := parser.ParseExpr(s)
	return err == nil
}

// code is the line's tokens without its comments, but for directives
// (//go:build, //go:embed, //line), which change what compiles.
func code(line string) []goline.Token { return goline.Code(line, notDirective) }

func notDirective(comment string) bool {
	return !strings.HasPrefix(comment, "//go:") && !strings.HasPrefix(comment, "//line ") && !strings.HasPrefix(comment, "/*line ")
}
