package deadlocks

import (
	"testing"

	"github.com/gokoans/concurrency/koan"
)

// __ is the blank you fill in: replace it with the value that makes the koan true.
// It equals nothing a koan can compute, so a koan that still holds one fails.
var __ = koan.Blank{}

// TestMain runs every koan of this package with a leak check and a hang guard.
func TestMain(m *testing.M) { koan.Main(m) }
