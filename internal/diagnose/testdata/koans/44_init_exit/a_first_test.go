//go:build koanfixture

package initexit

import "testing"

func TestTheFirstKoanIsInAnotherFile(t *testing.T) {}
