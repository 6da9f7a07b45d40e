package diagnose

import (
	"fmt"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
)

// What a koan printed itself is kept, in order; what the runner reads and
// explains (go test's lines, testify's report, a race report, a panic and
// its goroutines) is not.
func TestAKoansOwnOutputIsKeptAndTheReportsAreNot(t *testing.T) {
	out := []string{
		"=== RUN   TestX\n",
		"before the send\n",
		"    x_test.go:12: logged: 3 items\n",
		"        and a second line\n",
		"==================\n", "WARNING: DATA RACE\n", "Write at 0x00c by goroutine 7:\n", "==================\n",
		"    x_test.go:14: \n", "        \tError Trace:\t/a/x_test.go:14\n", "        \tError:      \tNot equal: \n",
		"    testing.go:1490: race detected during execution of test\n",
		"after\n",
		"--- FAIL: TestX (0.00s)\n",
		"panic: boom\n", "\n", "goroutine 7 [running]:\n", "main.f()\n",
	}
	assert.Equal(t, []string{"before the send", "x_test.go:12: logged: 3 items", "    and a second line", "after"}, printed(out))
	assert.Nil(t, printed([]string{"=== RUN   TestX\n", "--- FAIL: TestX (0.00s)\n"}))
}

// A koan that prints without end shows its last lines, capped in lines and
// in bytes.
func TestAKoansOwnOutputIsCapped(t *testing.T) {
	var out []string
	for i := range 100 {
		out = append(out, fmt.Sprintf("line %d\n", i))
	}
	got := printed(out)
	assert.Equal(t, PrintedLines+1, len(got))
	assert.Equal(t, []string{"...", "line 80"}, got[:2])
	assert.Equal(t, "line 99", got[len(got)-1])

	long := []string{strings.Repeat("x", 1500) + "\n", strings.Repeat("y", 1500) + "\n"}
	assert.Equal(t, []string{"...", strings.Repeat("y", 1500)}, printed(long))
}
