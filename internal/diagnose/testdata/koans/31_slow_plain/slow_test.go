//go:build koanfixture

package slow

import (
	"testing"
	"time"
)

// A plain test (no TestMain, no catalog) that is slow by design, as a
// peer course's check may be: slow, not stuck.
func TestASlowPlainTestIsSlowNotStuck(t *testing.T) {
	time.Sleep(6 * time.Second)
}
