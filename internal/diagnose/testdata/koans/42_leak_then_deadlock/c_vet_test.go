//go:build koanfixture

package leakthendeadlock

import (
	"sync"
	"testing"
)

func count(wg sync.WaitGroup) {}

// A vet finding last: the runner runs the package again without vet.
func TestAVetFindingComesLast(t *testing.T) {
	var wg sync.WaitGroup
	count(wg)
}
