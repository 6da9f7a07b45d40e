package run

import (
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// Go 1.27's go test -json marks a test's error lines (OutputType "error",
// then "error-continue"); the test keeps them apart from what it logged.
// Framing and values the runner does not know change nothing, and an older
// Go's stream (no OutputType) keeps no errors.
func TestTheErrorLinesOfATestAreKeptApart(t *testing.T) {
	stream := `{"Action":"run","Package":"p","Test":"TestX"}
{"Action":"output","Package":"p","Test":"TestX","Output":"=== RUN   TestX\n","OutputType":"frame"}
{"Action":"output","Package":"p","Test":"TestX","Output":"    x_test.go:9: logged\n"}
{"Action":"output","Package":"p","Test":"TestX","Output":"    x_test.go:10: wanted 1\n","OutputType":"error"}
{"Action":"output","Package":"p","Test":"TestX","Output":"        and more\n","OutputType":"error-continue"}
{"Action":"output","Package":"p","Test":"TestX","Output":"    x_test.go:11: something new\n","OutputType":"a-type-of-go-1.99"}
{"Action":"output","Package":"p","Test":"TestX","Output":"--- FAIL: TestX (0.00s)\n","OutputType":"frame"}
{"Action":"fail","Package":"p","Test":"TestX"}
{"Action":"run","Package":"p","Test":"TestOld"}
{"Action":"output","Package":"p","Test":"TestOld","Output":"    x_test.go:20: wanted 2\n"}
{"Action":"fail","Package":"p","Test":"TestOld"}
{"Action":"fail","Package":"p"}
`
	res, err := Replay(strings.NewReader(stream))
	require.NoError(t, err)
	x := res.Packages["p"].Test("TestX")
	assert.Equal(t, []string{"    x_test.go:10: wanted 1\n", "        and more\n"}, x.Errors)
	assert.Len(t, x.Output, 6, "every line is still the test's output")
	assert.Equal(t, "a-type-of-go-1.99", res.Events[5].OutputType)
	assert.Nil(t, res.Packages["p"].Test("TestOld").Errors)
}
