package grade

import (
	"maps"
	"strings"

	"github.com/gokoans/concurrency/internal/lang"
	"github.com/gokoans/concurrency/internal/shipped"
	"github.com/gokoans/concurrency/internal/standing"
)

// A Grading is what grading says of every koan of a walk, and the shipped
// version it compared them with.
type Grading struct {
	// Shipped names the version compared with, "" when none was found.
	Shipped string
	Results map[string]Result // by koan name
}

// Path compares every koan of the koans tree in st with its shipped
// version. Without one, or outside koans/, every koan says why it cannot
// be graded, in l.
func Path(root string, st *standing.Standing, l lang.Lang) Grading {
	v, err := shipped.Find(root)
	return PathAgainst(root, st, v, err, l)
}

// PathAgainst is Path against the version v, found or not (err says why
// not): the learner's koans.shipped, or the teacher's copy (shipped.FromDir).
func PathAgainst(root string, st *standing.Standing, v *shipped.Version, err error, l lang.Lang) Grading {
	g := Grading{Results: map[string]Result{}}
	for _, cr := range st.Concepts {
		c := cr.Concept
		switch {
		case !strings.HasPrefix(c.Dir, "koans/"):
			for _, k := range c.Koans {
				g.Results[k.Name] = said(notWithin("", lang.Msgf("only the koans/ tree is graded, not %s", c.Dir)), l)
			}
		case err != nil:
			for _, k := range c.Koans {
				g.Results[k.Name] = said(notWithin("", lang.Msgf("not compared with the koans as shipped: %v", err)), l)
			}
		default:
			maps.Copy(g.Results, Concept(root, v, c))
		}
	}
	if err == nil {
		g.Shipped = v.Name
	}
	return g
}

// said is r with its Why in l, as Path has always given these reasons.
func said(r Result, l lang.Lang) Result {
	r.Why = r.Reason.In(l)
	return r
}
