package later

import (
	"testing"

	"github.com/gokoans/concurrency/koan"
)

var __ = koan.Blank{}

func TestMain(m *testing.M) { koan.Main(m) }
