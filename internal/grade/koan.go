package grade

import (
	"strings"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
)

// Koan grades one koan: its concept, as on disk under root, compared with
// the koans as shipped. ok is false when nothing can be compared: the koan
// is outside koans/, or the shipped version cannot be found (Path says
// why; a verdict need not).
func Koan(root string, k *course.Koan) (r Result, ok bool) {
	if k == nil || k.Concept == nil || !strings.HasPrefix(k.Concept.Dir, "koans/") {
		return Result{}, false
	}
	v, err := shipped.Find(root)
	if err != nil {
		return Result{}, false
	}
	r, ok = Concept(root, v, k.Concept)[k.Name]
	return r, ok
}

// Passed is what the runner says when the koan k has just passed: "" when
// it passed within the rules (or cannot be graded at all, see Koan); else,
// in l, that it passed but earns no grade, and why (a changed line, an
// answer that cannot fail). It never says how to make grading accept an
// edit: only what the rule saw.
func Passed(root string, k *course.Koan, l lang.Lang) string {
	r, ok := Koan(root, k)
	if !ok || r.Within {
		return ""
	}
	return l.Sprintf("Passed, but not graded: %s", r.Reason)
}
