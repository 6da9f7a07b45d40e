package verify

import (
	"fmt"

	"github.com/gokoans/concurrency/internal/course"
)

// wrongAnswers: the catalog's [[koan.wrong]] tables are well formed and
// each names one place of its koan's solution (its find occurs there
// exactly once); every koan a detector judges declares at least one, the
// answer a learner would try that the detector must catch. It runs
// nothing: the adversary command (or verify -koan) tries them.
func (v *verifier) wrongAnswers(c *course.Concept, row *Row) {
	if c.Catalog == nil {
		return
	}
	for _, p := range c.Catalog.WrongProblems {
		where, what := splitWhere(p)
		v.problem(where, "%s", what)
	}
	sc := v.sols.Concept(c.Name)
	for _, k := range c.Koans {
		e, ok := c.Entry(k.Name)
		if !ok {
			continue
		}
		row.Wrong += len(e.Wrong)
		if e.Kind.Detector() && len(e.Wrong) == 0 {
			v.problem(fmt.Sprintf("%s:%d", k.File, k.Line), "%s is judged by a detector (%s) but its catalog entry declares no wrong answer: add a [[koan.wrong]] with the answer a learner would try, which the detector must catch", k.Name, e.Kind)
		}
		if sc == nil {
			continue
		}
		for _, w := range e.Wrong {
			if w.Find == "" {
				continue // named above
			}
			if _, _, problem := locate(v.opt.Root, k, sc, w); problem != "" {
				v.problem(fmt.Sprintf("%s:%d", c.Catalog.File, w.Line), "%s: %s", k.Name, problem)
			}
		}
	}
}

// splitWhere splits "file:line: what" into its place and its words.
func splitWhere(p string) (string, string) {
	for i := 0; i+2 < len(p); i++ {
		if p[i] == ':' && p[i+1] == ' ' {
			return p[:i], p[i+2:]
		}
	}
	return p, ""
}
