package testingconcurrency

import (
	"os"
	"sync"
	"testing"
	"testing/synctest"
	"time"

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
	cases := []struct{ greeting, name, want string }{
		{"Hi", "Ann", "Hi, Ann"},
		{"Ahoy", "Bob", "Ahoy, Bob"},
	}
	t.Cleanup(func() { assert.Empty(t, os.Getenv("KOAN_GREETING"), "the environment, left as found") })
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			t.Parallel()
			env := map[string]string{"KOAN_GREETING": tc.greeting}
			getenv := func(key string) string { return env[key] }
			assert.Equal(t, tc.want, greeting(getenv, tc.name))
		})
	}
}

// notifyAll notifies every user, each from a goroutine of its own; the
// network takes a (fake) second per letter of the user's name.
func notifyAll(users []string, notify func(user string)) {
	var wg sync.WaitGroup
	for _, u := range users {
		wg.Go(func() {
			time.Sleep(time.Duration(len(u)) * time.Second)
			notify(u)
		})
	}
	wg.Wait()
}

// Under -race, the detector watches the test's own code as well as the
// code under test (https://go.dev/doc/articles/race_detector). A fake, a
// spy or a recorder that concurrent code calls is shared memory like any
// other: it needs the same synchronisation as the real thing. Here no two
// notifications come at the same (fake) instant, and every call is
// recorded, yet the detector objects: nothing orders them.
func TestATestDoubleCalledFromManyGoroutinesIsSharedMemory(t *testing.T) {
	synctest.Test(t, func(t *testing.T) {
		var s struct { // the spy stands in for the real notifier
			mu    sync.Mutex
			calls []string
		}
		spy := func(user string) {
			s.mu.Lock()
			s.calls = append(s.calls, user)
			s.mu.Unlock()
		}
		notifyAll([]string{"Cyril", "Bo", "Ann"}, spy)
		assert.Equal(t, []string{"Bo", "Ann", "Cyril"}, s.calls)
	})
}
