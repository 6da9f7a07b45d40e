package verify

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

func TestMutantsTakeOutOneLineOfSynchronisation(t *testing.T) {
	src := []string{
		"func TestX(t *testing.T) {",
		"	answers := make(chan string, len(replicas))",
		"	mu.Lock()",
		"	n++",
		"	mu.Unlock()",
		"	defer wg.Done()",
		"	<-done",
		"	x := <-done",
		"}",
	}
	for _, tc := range []struct {
		m    Mutant
		want []string
	}{
		{Mutant{Line: 2, op: "unbuffer"}, []string{"	answers := make(chan string)"}},
		{Mutant{Line: 3, op: "unlock", text: "mu.Lock()"}, []string{"", "	n++", ""}},
		{Mutant{Line: 6, op: "delete"}, []string{""}},
	} {
		got := strings.Split(tc.m.apply(src), "\n")
		assert.Equal(t, tc.want, got[tc.m.Line-1:tc.m.Line-1+len(tc.want)], tc.m.op)
		assert.Len(t, got, len(src)+1, "line numbers stay")
	}
	for t1, want := range map[string]bool{
		"defer wg.Done()": true, "<-done": true, "close(ch)": true, "cancel()": true,
		"x := <-done": false, "wg.Add(1)": false, "s.mu.RUnlock()": true,
	} {
		assert.Equal(t, want, deletable.MatchString(t1), t1)
	}
}
