//go:build koanfixture

package skipped

import "testing"

func TestASkippedKoanIsNotPassed(t *testing.T) {
	t.Skip("later")
}
