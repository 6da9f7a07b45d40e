package verify

import (
	"fmt"
	"io"

	"github.com/gokoans/concurrency/internal/course"
)

// A Skipped koan is one the go at hand cannot run: its file needs a newer
// Go (//go:build go1.27), so go test leaves it out. verify, stress, mutate
// and the adversary pass over it and say so; verify under that Go
// (GOTOOLCHAIN=go1.27.3, .ci/run) proves it.
type Skipped struct {
	Koan    string `json:"koan"`
	Concept string `json:"concept"`
	NeedsGo string `json:"needs_go"`
}

// SkippedOf lists the koans of the concepts (only the one named, if koan is
// not "") that the go at hand cannot run.
func SkippedOf(concepts []*course.Concept, koan string) []Skipped {
	var out []Skipped
	for _, c := range concepts {
		for _, k := range c.NeedNewerGo() {
			if koan == "" || k.Name == koan {
				out = append(out, Skipped{Koan: k.Name, Concept: c.Name, NeedsGo: k.NeedsGo})
			}
		}
	}
	return out
}

// NeedNewerGo lists the koans opt selects that the go at hand cannot run.
func NeedNewerGo(opt Options) ([]Skipped, error) {
	opt.defaults()
	koans, err := course.Load(opt.Root, opt.Koans)
	if err != nil {
		return nil, err
	}
	concepts, err := selectKoans(koans, opt)
	if err != nil {
		return nil, err
	}
	return SkippedOf(concepts, opt.Koan), nil
}

// WriteSkipped says which koans a command passed over, one line each.
func WriteSkipped(w io.Writer, skipped []Skipped) {
	if len(skipped) == 0 {
		return
	}
	fmt.Fprintf(w, "skipped %d koan(s) that need a newer Go than %s (run again under it, e.g. GOTOOLCHAIN=go%s.0):\n", len(skipped), course.GoAtHand(), newest(skipped))
	for _, s := range skipped {
		fmt.Fprintf(w, "  %s/%s: needs Go %s\n", s.Concept, s.Koan, s.NeedsGo)
	}
}

func newest(skipped []Skipped) string {
	var ks []*course.Koan
	for _, s := range skipped {
		ks = append(ks, &course.Koan{NeedsGo: s.NeedsGo})
	}
	return course.Newest(ks)
}
