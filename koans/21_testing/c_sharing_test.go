package testingconcurrency

import (
	"os"
	"testing"

	"github.com/stretchr/testify/assert"
)

// greeting greets name with the greeting that getenv finds in KOAN_GREETING;
// the program itself passes os.Getenv.
func greeting(getenv func(key string) string, name string) string {
	g := getenv("KOAN_GREETING")
	if g == "" {
		g = "Hello"
	}
	return g + ", " + name
}

// Parallel tests share one process, and the environment belongs to the
// process: a variable one parallel subtest sets, every other one sees.
// "Because Setenv affects the whole process, it cannot be used in parallel
// tests or tests with parallel ancestors" (https://pkg.go.dev/testing#T.Setenv):
// it panics there. Code that reads its settings through a function it is
// given can be handed a different one in each test.
func TestParallelTestsCannotEachHaveTheirOwnEnvironment(t *testing.T) {
	cases := []struct{ greeting, name string }{{"Hi", "Ann"}, {"Ahoy", "Bob"}}
	got := make([]string, len(cases))
	t.Cleanup(func() { // once every subtest is done
		assert.Equal(t, []string{"Hi, Ann", "Ahoy, Bob"}, got)
		assert.Empty(t, os.Getenv("KOAN_GREETING"), "the environment, left as found")
	})
	for i, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			t.Setenv("KOAN_GREETING", tc.greeting) // __ : whose environment would this set?
			getenv := os.Getenv                    // __ : what could each subtest read its settings from instead?
			got[i] = greeting(getenv, tc.name)
		})
	}
}
