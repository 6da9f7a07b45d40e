package diagnose

import (
	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/kind"
	"github.com/gokoans/concurrency/internal/lang"
)

// Unrunnable says why a concept cannot be run as it stands, or returns nil:
// its directory is gone, or it is a concept of the course (it has a
// catalog) whose TestMain is not the koan helper's. Without that TestMain
// the blank __ is undefined, and no leak check or hang guard would judge
// the koans that need one.
func Unrunnable(c *course.Concept) *Failure {
	switch {
	case c.Gone:
		return &Failure{Kind: kind.Missing, File: c.Dir,
			Headline: lang.Msgf("The concept %s is gone: its directory was deleted or moved.", c.Dir),
			Details: []lang.Msg{
				lang.Msgf("Its %d koans still count on the path. Bring it back as shipped with", len(c.Koans)),
				lang.Msgf("  git checkout -- %s", c.Dir),
			}}
	case c.Catalog != nil && c.Main != course.HelperMain:
		file := c.Dir + "/main_test.go"
		return &Failure{Kind: kind.Missing, File: file,
			Headline: lang.Msgf("%s is missing, or its TestMain no longer calls koan.Main.", file),
			Details: []lang.Msg{
				lang.Msgf("That file defines the blank __ and runs the koans with the leak check and the hang guard: without it no koan here can be judged."),
				lang.Msgf("It holds none of your answers. Bring it back as shipped with"),
				lang.Msgf("  git checkout -- %s", file),
			}}
	}
	return nil
}
