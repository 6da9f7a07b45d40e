//go:build koanfixture

package missing

import "testing"

func TestTheFirstKoanIsHere(t *testing.T) {}

func TestTheThirdKoanIsHere(t *testing.T) {}
