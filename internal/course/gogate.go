package course

import (
	"fmt"
	"go/version"
	"os/exec"
	"strings"
	"sync"
)

// A koan whose file starts with a build constraint naming a Go release
// (//go:build go1.27) needs that release: an older go leaves the file out of
// the package, so the koan never runs there. Its catalog entry says so too
// (go = "1.27"), and verify checks that the two agree (GateProblems).

// goOf turns the Go version a //go:build line implies ("go1.27", as
// go/ast.File.GoVersion holds it) into the catalog's spelling ("1.27").
func goOf(v string) string { return strings.TrimPrefix(v, "go") }

// GoAtHand is the version of the go command that runs the tests, as `go env
// GOVERSION` prints it ("go1.26.8"), read once per process. It follows
// GOTOOLCHAIN, which runtime.Version (the runner's own Go) does not. ""
// when go cannot say: then every koan counts as runnable.
var GoAtHand = sync.OnceValue(func() string {
	out, err := exec.Command("go", "env", "GOVERSION").Output()
	if err != nil {
		return ""
	}
	return strings.TrimSpace(string(out))
})

// Runs reports whether a go of version have ("go1.26.8", "go1.27rc1",
// "devel go1.27-abcdef ...") builds a file that needs Go release needs
// ("1.27"): whether have's release tags include go<needs>. A version that
// cannot be read runs everything (a development build is the newest).
func Runs(needs, have string) bool {
	if needs == "" {
		return true
	}
	have = strings.TrimPrefix(strings.TrimSpace(have), "devel ")
	if i := strings.IndexAny(have, "- "); i >= 0 && !version.IsValid(have) {
		have = have[:i]
	}
	if !version.IsValid(have) {
		return true
	}
	return version.Compare(version.Lang(have), "go"+needs) >= 0
}

// Runnable reports whether the go at hand runs the koan: false only for a
// koan whose file needs a newer Go (NeedsGo) than GoAtHand.
func (k *Koan) Runnable() bool { return Runs(k.NeedsGo, GoAtHand()) }

// NeedNewerGo lists the course's koans that the go at hand cannot run, in
// curriculum order.
func (c *Course) NeedNewerGo() []*Koan {
	var out []*Koan
	for _, cc := range c.Concepts {
		out = append(out, cc.NeedNewerGo()...)
	}
	return out
}

// NeedNewerGo lists the concept's koans that the go at hand cannot run.
func (c *Concept) NeedNewerGo() []*Koan {
	var out []*Koan
	for _, k := range c.Koans {
		if !k.Runnable() {
			out = append(out, k)
		}
	}
	return out
}

// Newest is the newest Go release the koans need, "" when none needs one.
func Newest(koans []*Koan) string {
	newest := ""
	for _, k := range koans {
		if k.NeedsGo != "" && (newest == "" || version.Compare("go"+k.NeedsGo, "go"+newest) > 0) {
			newest = k.NeedsGo
		}
	}
	return newest
}

// NoneRunnable reports whether every koan of the concept that is on disk
// needs a newer Go than the one at hand: go test would run none of them.
func (c *Concept) NoneRunnable() bool {
	return len(c.Koans) > 0 && len(c.NeedNewerGo()) == len(c.Koans)
}

// gateProblems checks that each koan's build constraint and its catalog's
// go key say the same release, both ways; a problem is said at the
// catalog's line when the entry has one, else at the file's first line.
func (c *Concept) gateProblems() {
	cat := c.Catalog
	for _, e := range cat.Koans {
		k := c.Koan(e.Name)
		if k == nil {
			continue
		}
		at := fmt.Sprintf("%s:%d", cat.File, e.Line)
		switch {
		case e.Go != "" && !version.IsValid("go"+e.Go):
			c.GateProblems = append(c.GateProblems, fmt.Sprintf("%s: %s: go = %q is not a Go release such as \"1.27\"", at, e.Name, e.Go))
		case e.Go == k.NeedsGo:
		case e.Go == "":
			c.GateProblems = append(c.GateProblems, fmt.Sprintf("%s: %s: its file needs Go %s (//go:build go%s at %s:1), but its catalog entry has no go = %q", at, e.Name, k.NeedsGo, k.NeedsGo, k.File, k.NeedsGo))
		case k.NeedsGo == "":
			c.GateProblems = append(c.GateProblems, fmt.Sprintf("%s: %s: the catalog says go = %q, but %s has no //go:build go%s line: go would build it on any Go", at, e.Name, e.Go, k.File, e.Go))
		default:
			c.GateProblems = append(c.GateProblems, fmt.Sprintf("%s: %s: the catalog says go = %q, but %s needs Go %s (its //go:build line)", at, e.Name, e.Go, k.File, k.NeedsGo))
		}
	}
	for _, k := range c.Koans {
		if _, listed := c.Entry(k.Name); !listed && k.NeedsGo != "" {
			c.GateProblems = append(c.GateProblems, fmt.Sprintf("%s:1: %s needs Go %s (//go:build go%s), but the catalog has no entry for it with go = %q", k.File, k.Name, k.NeedsGo, k.NeedsGo, k.NeedsGo))
		}
	}
}
