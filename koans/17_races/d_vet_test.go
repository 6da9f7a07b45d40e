package races

import (
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Fatal, Fatalf, FailNow and the Skip methods stop a test by ending the
// goroutine that calls them (runtime.Goexit), so they must be called from the
// goroutine running the test (https://pkg.go.dev/testing#T.FailNow): from a
// goroutine it started, they end only that goroutine, and the test goes on.
// go vet's testinggoroutine check reports such calls. Here each goroutine
// checks one file; let the test's own goroutine hear of each bad file, and judge.
func TestOnlyTheTestGoroutineMayCallFatal(t *testing.T) {
	configs := []string{"port=8080", "port=postgres", "port=80"}
	problems := make(chan error, len(configs))
	var wg sync.WaitGroup
	for _, text := range configs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			_, err := strconv.Atoi(strings.TrimPrefix(text, "port="))
			if err != nil {
				t.Fatal(err) // __ : which goroutine may stop this test?
			}
		}()
	}
	wg.Wait()
	close(problems)
	var bad []error
	for err := range problems {
		bad = append(bad, err)
	}
	require.Len(t, bad, 1, "one file is bad")
	assert.ErrorIs(t, bad[0], strconv.ErrSyntax)
}
