package diagnose

import (
	"testing"

	"github.com/stretchr/testify/assert"

	"github.com/gokoans/concurrency/internal/course"
	"github.com/gokoans/concurrency/internal/lang"
)

// Two goroutines that wg.Go started race: the race detector's stack of
// where each was created names WaitGroup.Go and the testing package, not
// the koan's line. They are goroutines of their own, never "the koan
// itself".
func TestARaceBetweenTwoWaitGroupGoroutinesNamesThem(t *testing.T) {
	report := `WARNING: DATA RACE
Write at 0x00c00002a050 by goroutine 11:
  example.com/c/koans/01_goroutines.TestX.func1()
      /root/koans/01_goroutines/c_closures_test.go:54 +0xad

Previous write at 0x00c00002a050 by goroutine 13:
  example.com/c/koans/01_goroutines.TestX.func1()
      /root/koans/01_goroutines/c_closures_test.go:54 +0xad

Goroutine 11 (running) created at:
  sync.(*WaitGroup).Go()
      /usr/local/go/src/sync/waitgroup.go:238 +0x72
  testing.tRunner()
      /usr/local/go/src/testing/testing.go:2036 +0x21c
  testing.(*T).Run.gowrap1()
      /usr/local/go/src/testing/testing.go:2101 +0x38

Goroutine 13 (finished) created at:
  golang.org/x/sync/errgroup.(*Group).Go()
      /m/errgroup.go:93 +0x72
  testing.tRunner()
      /usr/local/go/src/testing/testing.go:2036 +0x21c
  testing.(*T).Run.gowrap1()
      /usr/local/go/src/testing/testing.go:2101 +0x38
==================
`
	k := &course.Koan{Name: "TestX", File: "koans/01_goroutines/c_closures_test.go", Line: 48}
	j := &judge{c: &course.Concept{Dir: "koans/01_goroutines"}, root: "/root"}
	f := j.race(k, report)
	assert.Equal(t, []string{
		"A write at koans/01_goroutines/c_closures_test.go:54, by goroutine 11, started by sync.WaitGroup.Go in TestX",
		"An earlier write at koans/01_goroutines/c_closures_test.go:54, by goroutine 13, started by errgroup.Group.Go in TestX",
	}, lang.All(f.Details, lang.English))
}
